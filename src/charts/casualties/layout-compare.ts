/** The compare view: the latest toll against earlier terror attacks on Russian soil, ranges where sources differ. */
import { scaleLinear } from 'd3';
import { type CasualtyRow } from './schema.ts';
import { type CasualtyMarks, type LineMark, type RectMark, type TextMark, type WidthOf, textBox } from './layout-marks.ts';
import { compareRows, formatFigure, subjectAttack } from './layout-rows.ts';

type CompareMode = 'side' | 'stacked' | 'compact';

export function layoutCompare(rows: readonly CasualtyRow[], width: number, height: number, widthOf: WidthOf): CasualtyMarks {
  const shown = compareRows(rows);
  const subject = subjectAttack(rows);
  const texts: TextMark[] = [];
  const rects: RectMark[] = [];
  const lines: LineMark[] = [];
  const pad = 2;
  const noteSize = 12;
  const anyRange = shown.some((row) => row.killed_high !== null && row.killed_high !== row.killed);
  const noteHeight = anyRange ? Math.ceil(noteSize * 1.25) + 8 : 0;
  const available = height - pad * 2 - noteHeight;
  const n = Math.max(1, shown.length);

  const items = shown.map((row) => ({
    row,
    name: row.attack_name,
    year: ` ${row.attack_date.slice(0, 4)}`,
    value: formatFigure(row.killed, row.killed_high, row.killed_qualifier),
    high: row.killed_high ?? row.killed,
    isSubject: row.attack === subject,
    weight: (row.attack === subject ? 700 : 400) as 400 | 700,
  }));
  type Item = (typeof items)[number];
  const nameWidth = (item: Item, size: number) => widthOf(item.name, size, item.weight) + widthOf(item.year, size);
  const valueWidth = (item: Item, size: number) => widthOf(item.value, size, item.weight);

  // Names beside the bars where the width allows; otherwise above them, with the value after the bar where the
  // height allows, or on the name's line where it does not.
  const wide = width >= 480 ? 14 : 13;
  const labelColumn = Math.max(0, ...items.map((i) => nameWidth(i, wide)));
  const widestValue = Math.max(0, ...items.map((i) => valueWidth(i, wide)));
  const pitchFor = (cap: number) => Math.min(cap, available / n);
  let mode: CompareMode;
  if (labelColumn + 10 + 100 + 6 + widestValue <= width - pad * 2 && pitchFor(40) >= wide * 1.35) mode = 'side';
  else if (pitchFor(48) >= Math.ceil(wide * 1.2) + 1 + 8 + wide * 0.7) mode = 'stacked';
  else mode = 'compact';
  const size = mode === 'compact' ? 12 : wide;
  const nameLine = Math.ceil(size * 1.2);
  const pitch = pitchFor(48);
  // Above-the-bar rows: the name's ascent and descent, a hairline, the bar, then air before the next name.
  const belowName = size * 1.02 + 2;
  const barHeight =
    mode === 'side'
      ? Math.max(4, Math.min(24, pitch * 0.56))
      : mode === 'stacked'
        ? Math.max(6, Math.min(16, pitch - nameLine - 4 - size * 0.35))
        : Math.max(3, Math.min(8, pitch - belowName - 6));
  const barLeft = mode === 'side' ? pad + labelColumn + 10 : pad;
  const barAreaRight = width - pad;
  const maxValue = Math.max(1, ...items.map((i) => i.high));
  // The longest bar stops where every value label still fits after its own bar.
  let rangeMax = barAreaRight - barLeft;
  if (mode !== 'compact') {
    for (const item of items) {
      const room = barAreaRight - barLeft - 6 - valueWidth(item, size);
      rangeMax = Math.min(rangeMax, (room * maxValue) / Math.max(item.high, 1e-9));
    }
  }
  const x = scaleLinear().domain([0, maxValue]).range([barLeft, barLeft + Math.max(10, rangeMax)]);

  // Centred in the frame, the note straight under the bars.
  const top = pad + Math.max(0, (available - n * pitch) / 2);
  items.forEach((item, i) => {
    const rowTop = top + i * pitch;
    const barY = mode === 'side' ? rowTop + (pitch - barHeight) / 2 : mode === 'stacked' ? rowTop + nameLine + 1 : rowTop + belowName;
    const barCenter = barY + barHeight / 2;
    const cls = item.isSubject ? 'subject' : 'other';
    const key = item.row.attack;
    rects.push({ key: `bar-${key}`, x: x(0), y: barY, width: Math.max(0, x(item.row.killed) - x(0)), height: barHeight, cls: `bar ${cls}`, order: i / n });
    if (item.row.killed_high !== null && item.row.killed_high !== item.row.killed) {
      rects.push({ key: `range-${key}`, x: x(item.row.killed), y: barY, width: x(item.row.killed_high) - x(item.row.killed), height: barHeight, cls: `range ${cls}`, order: i / n });
    }
    const nameBaseline = rowTop + size * (mode === 'compact' ? 0.8 : 0.9);
    const name: TextMark =
      mode === 'side'
        ? { key: `name-${key}`, x: barLeft - 10, y: barCenter + size * 0.35, text: item.name, suffix: item.year, size, weight: item.weight, anchor: 'end', cls: `label name ${cls}` }
        : { key: `name-${key}`, x: pad, y: nameBaseline, text: item.name, suffix: item.year, size, weight: item.weight, anchor: 'start', cls: `label name ${cls}` };
    texts.push(name);
    const value: TextMark =
      mode === 'compact'
        ? {
            // Over the bar's end, or after the name where the bar is shorter than the name.
            key: `value-${key}`, x: Math.max(textBox(name, widthOf).x1 + 8 + valueWidth(item, size), Math.min(x(item.high), barAreaRight)), y: nameBaseline,
            text: item.value, size, weight: item.weight, anchor: 'end', cls: `label value ${cls}`,
          }
        : { key: `value-${key}`, x: x(item.high) + 6, y: barCenter + size * 0.35, text: item.value, size, weight: item.weight, anchor: 'start', cls: `label value ${cls}` };
    texts.push(value);
  });
  lines.push({ key: 'compare-zero', x1: x(0), x2: x(0), y1: top, y2: top + n * pitch, cls: 'baseline' });

  if (anyRange) {
    const noteBaseline = top + n * pitch + noteHeight - noteSize * 0.3;
    const swatchWidth = 18;
    const swatchHeight = 9;
    // Under the bars, where the eye already is.
    const noteLeft = mode === 'side' ? barLeft : pad;
    rects.push({ key: 'range-key', x: noteLeft, y: noteBaseline - noteSize * 0.35 - swatchHeight / 2, width: swatchWidth, height: swatchHeight, cls: 'range-key', order: 1 });
    const words = ['Dashed outline: the range where sources differ', 'Dashed: range where sources differ', 'Sources differ'];
    const fitting = words.find((w) => noteLeft + swatchWidth + 6 + widthOf(w, noteSize) <= width - pad) ?? words.at(-1)!;
    texts.push({ key: 'range-note', x: noteLeft + swatchWidth + 6, y: noteBaseline, text: fitting, size: noteSize, weight: 400, anchor: 'start', cls: 'label note muted key-range' });
  }
  return { view: 'compare', width, height, circles: [], rects, paths: [], lines, texts, axes: [] };
}
