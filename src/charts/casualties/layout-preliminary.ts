/** The preliminary view: the first report as one mark per person, with "at least" as marks that fade out. */
import { type CasualtyRow } from './schema.ts';
import { type CasualtyMarks, type CircleMark, EMPTY, type TextMark, type WidthOf } from './layout-marks.ts';
import { capitalize } from '../shared/wording.ts';
import { formatFigure, isOpenEnded, preliminaryRow } from './layout-rows.ts';

/** Outlined marks after the last real one that fade out: the count is a floor, the real toll runs on. */
const OPEN_END_MARKS = 3;
const MAX_PITCH = 30;

interface UnitGroup {
  readonly kind: 'killed' | 'injured';
  readonly count: number;
  readonly open: boolean;
  readonly label: string;
}

export function layoutPreliminary(rows: readonly CasualtyRow[], width: number, height: number, widthOf: WidthOf): CasualtyMarks {
  const row = preliminaryRow(rows);
  if (!row) return { view: 'preliminary', width, height, ...EMPTY };
  const groups: UnitGroup[] = [
    { kind: 'killed', count: row.killed, open: isOpenEnded(row.killed_qualifier), label: `${capitalize(formatFigure(row.killed, row.killed_high, row.killed_qualifier))} killed` },
  ];
  if (row.injured !== null) {
    groups.push({ kind: 'injured', count: row.injured, open: isOpenEnded(row.injured_qualifier), label: `${capitalize(formatFigure(row.injured, row.injured_high, row.injured_qualifier))} injured` });
  }

  const pad = 2;
  const labelSize = width < 480 ? 14 : 16;
  const labelHeight = Math.ceil(labelSize * 1.15) + 6;
  const blockGap = width < 480 ? 12 : 18;
  const innerWidth = width - pad * 2;
  const available = height - pad * 2 - groups.length * labelHeight - (groups.length - 1) * blockGap;

  // Columns in tens keep the marks countable; the best is the one with the largest marks, then the one whose
  // shape is closest to the frame's.
  let best = { columns: 10, pitch: 0, score: Infinity };
  for (let columns = 10; columns <= Math.max(10, Math.floor(innerWidth / 3)); columns += 10) {
    const gutters = Math.floor((columns - 1) / 10);
    const rowsNeeded = groups.reduce((sum, g) => sum + Math.max(1, Math.ceil((g.count + (g.open ? OPEN_END_MARKS : 0)) / columns)), 0);
    const pitch = Math.min(MAX_PITCH, innerWidth / (columns + gutters * 0.5), available / rowsNeeded);
    const shape = (columns * pitch) / (rowsNeeded * pitch + groups.length * labelHeight);
    const score = Math.abs(Math.log(shape / (width / height)));
    if (pitch > best.pitch + 0.25 || (Math.abs(pitch - best.pitch) <= 0.25 && score < best.score)) best = { columns, pitch, score };
  }
  const { columns } = best;
  const pitch = Math.max(1, best.pitch);
  const gutter = pitch * 0.5;
  const radius = Math.max(0.5, pitch * 0.4);

  const gridWidth = columns * pitch + Math.floor((columns - 1) / 10) * gutter;
  const blockRows = groups.map((g) => Math.max(1, Math.ceil((g.count + (g.open ? OPEN_END_MARKS : 0)) / columns)));
  const content = groups.length * labelHeight + (groups.length - 1) * blockGap + blockRows.reduce((a, b) => a + b, 0) * pitch;

  // The key to reading the grid: beside the first label where it fits, else under the grid where there is room.
  const keySize = 12;
  const keyLine = keySize + 8;
  const firstLabelWidth = widthOf(groups[0]!.label, labelSize, 700);
  // On a wide frame the grid sits in the middle rather than against the left edge.
  const left = width >= 600 ? Math.max(pad, (width - gridWidth) / 2) : pad;
  const right = Math.min(width - pad, left + gridWidth);
  const keyText = ['Each dot is one person', '1 dot = 1 person'];
  const besideKey = keyText.find((t) => left + firstLabelWidth + 16 + widthOf(t, keySize) <= right);
  const underKey = besideKey ? undefined : keyText.find((t) => pad + widthOf(t, keySize) <= width - pad && height - pad * 2 - content >= keyLine);
  // What the outlined marks mean, when a count is a minimum: beside the last group's label, or on a line under the grid.
  const openSwatch = 2 * radius + 6;
  // A grid against the left edge (a phone) leaves the frame's right-hand side free for the key.
  const keyRight = width >= 600 ? right : width - pad;
  const openText = ['Open dots: the count is a minimum', 'Open: a minimum'];
  const lastGroup = groups.at(-1)!;
  const besideLast = groups.length > 1 || !besideKey;
  const openBeside = !groups.some((g) => g.open) || !besideLast
    ? undefined
    : openText.find((t) => left + widthOf(lastGroup.label, labelSize, 700) + 16 + openSwatch + widthOf(t, keySize) <= keyRight);
  const roomUnder = height - pad * 2 - content - (underKey ? keyLine : 0);
  const openUnder = !groups.some((g) => g.open) || openBeside ? undefined : openText.find((t) => pad + openSwatch + widthOf(t, keySize) <= width - pad && roomUnder >= keyLine);
  // Centred in the frame, so a tall frame does not leave the grid hanging from its top edge.
  const slack = Math.max(0, height - pad * 2 - content - (underKey ? keyLine : 0) - (openUnder ? keyLine : 0));

  const circles: CircleMark[] = [];
  const texts: TextMark[] = [];
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  let top = pad + slack / 2;
  let entered = 0;
  groups.forEach((group, g) => {
    texts.push({
      key: `prelim-label-${group.kind}`, x: left, y: top + labelSize * 0.85, text: group.label, size: labelSize, weight: 700, anchor: 'start', cls: `label series ${group.kind}`,
    });
    const blockTop = top + labelHeight;
    const cells = group.count + (group.open ? OPEN_END_MARKS : 0);
    for (let i = 0; i < cells; i++) {
      const column = i % columns;
      const rowIndex = Math.floor(i / columns);
      const more = i >= group.count;
      circles.push({
        key: `unit-${group.kind}-${i}`,
        cx: left + column * pitch + Math.floor(column / 10) * gutter + pitch / 2,
        cy: blockTop + rowIndex * pitch + pitch / 2,
        r: more ? radius - 0.75 : radius,
        cls: more ? `unit-more ${group.kind}` : `unit ${group.kind}`,
        // Each further outline fainter than the last.
        opacity: more ? 0.7 - (0.5 * (i - group.count)) / OPEN_END_MARKS : 1,
        order: total ? Math.min(1, (entered + Math.min(i, group.count)) / total) : 0,
      });
    }
    entered += group.count;
    top = blockTop + blockRows[g]! * pitch + blockGap;
  });
  const underY = top - blockGap + keyLine - 4;
  if (besideKey) {
    texts.push({ key: 'prelim-key', x: right, y: texts[0]!.y, text: besideKey, size: keySize, weight: 400, anchor: 'end', cls: 'label key key-unit muted' });
  } else if (underKey) {
    texts.push({ key: 'prelim-key', x: left, y: underY, text: underKey, size: keySize, weight: 400, anchor: 'start', cls: 'label key key-unit muted' });
  }
  const openKey = openBeside ?? openUnder;
  if (openKey) {
    const lastLabel = texts.filter((t) => t.cls.includes('series')).at(-1)!;
    const y = openBeside ? lastLabel.y : underY + (underKey ? keyLine : 0);
    const textX = openBeside ? keyRight - widthOf(openKey, keySize) : left + openSwatch;
    texts.push({ key: 'prelim-key-open', x: textX, y, text: openKey, size: keySize, weight: 400, anchor: 'start', cls: 'label key key-open muted' });
    // An outlined mark, as the grid draws them, in the series' colour of the first open count.
    const kind = groups.find((g) => g.open)!.kind;
    circles.push({ key: 'prelim-key-open-dot', cx: textX - 6 - radius, cy: y - keySize * 0.35, r: Math.max(2.5, radius - 0.75), cls: `key-swatch key-open ${kind}`, opacity: 0.9, order: 1 });
  }
  return { view: 'preliminary', width, height, circles, rects: [], paths: [], lines: [], texts, axes: [] };
}
