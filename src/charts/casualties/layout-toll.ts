/** The toll view: the official count as step lines over report dates, on a time axis cut where months pass. */
import { scaleLinear, scaleUtc, type ScaleLinear, type ScaleTime, curveStepAfter, line } from 'd3';
import { type CasualtyRow } from './schema.ts';
import { type Box, LabelPlacer, dodge, overlaps } from '../shared/labels.ts';
import { type AxisMark, type AxisTick, type CasualtyMarks, type CircleMark, type LineMark, type LinearAxisMark, type PathMark, type TextMark, type WidthOf, type TimeAxisMark, textBox, tickText } from './layout-marks.ts';
import { formatDayMonth, formatDayOfMonth, formatMonth, formatMonthShort, formatMonthYear, formatYear } from '../shared/wording.ts';
import { DAY, formatCount, isOpenEnded, monthOnly, rowDate, tollRows } from './layout-rows.ts';

/** Reports further apart than this start a new piece of the time axis; the gap between pieces is cut out. */
export const BREAK_AFTER_DAYS = 45;
const BREAK_WIDTH = 22;
const X_TICK_SIZE = 5;
const X_TICK_PADDING = 3;

interface Segment {
  readonly dates: Date[];
  readonly scale: ScaleTime<number, number>;
  readonly start: number;
  readonly end: number;
}

interface Series {
  readonly kind: 'killed' | 'injured';
  readonly points: { readonly date: Date; readonly value: number; readonly open: boolean; readonly id: string }[];
}

/** Boxes along the runs of an axis-aligned polyline (a step line), padded by half its stroke. */
function polylineBoxes(key: string, points: readonly (readonly [number, number])[], halfStroke = 2): Box[] {
  const boxes: Box[] = [];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i - 1]!;
    const [x2, y2] = points[i]!;
    boxes.push({ key, x0: Math.min(x1, x2) - halfStroke, x1: Math.max(x1, x2) + halfStroke, y0: Math.min(y1, y2) - halfStroke, y1: Math.max(y1, y2) + halfStroke });
  }
  return boxes;
}

/** The corners a curveStepAfter line turns through, so its runs can be boxed. */
function stepVertices(points: readonly (readonly [number, number])[]): [number, number][] {
  const out: [number, number][] = [];
  points.forEach(([px, py], i) => {
    if (i > 0) out.push([px, points[i - 1]![1]]);
    out.push([px, py]);
  });
  return out;
}

/** What the toll's passes share: the frame, the scales, the placer and the marks so far. */
interface Toll {
  readonly width: number;
  readonly height: number;
  readonly widthOf: WidthOf;
  readonly series: readonly Series[];
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly y: ScaleLinear<number, number>;
  readonly segments: readonly Segment[];
  readonly x: (date: Date) => number;
  readonly segmentOf: (date: Date) => Segment;
  /** Lines, dots and tick labels are its obstacles; optional text goes where it fits. */
  readonly placer: LabelPlacer;
  readonly labelSize: number;
  readonly tickFont: number;
  readonly contextOffset: number;
  readonly texts: TextMark[];
  readonly lines: LineMark[];
  readonly paths: PathMark[];
  readonly circles: CircleMark[];
  readonly axes: AxisMark[];
}

export function layoutToll(rows: readonly CasualtyRow[], width: number, height: number, widthOf: WidthOf): CasualtyMarks {
  const reports = tollRows(rows);
  const monthDates = new Set(reports.filter(monthOnly).map((r) => +rowDate(r)));
  const series = seriesOf(reports);
  const labelSize = width < 480 ? 13 : 14;
  const tickFont = 12;
  // On a narrow frame the word goes under the figure, which leaves the plot a third more width.
  const stackEnds = width < 480;
  const ends = endLabels(series, stackEnds, labelSize, widthOf);

  const maxValue = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.value)));
  const y = scaleLinear().domain([0, maxValue]).nice();
  const yLabelWidth = Math.max(...y.ticks(6).map((v) => widthOf(formatCount(v), tickFont)));
  const contextOffset = X_TICK_SIZE + X_TICK_PADDING + tickFont * 0.71 + tickFont * 1.45;
  const margin = { top: 12, right: Math.ceil(ends.width) + 8, bottom: Math.ceil(contextOffset + tickFont * 0.25) + 2, left: Math.ceil(yLabelWidth) + 12 };
  const plot = { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };
  y.range([plot.bottom, plot.top]);

  const segments = brokenTimeScale(series, plot);
  const segmentOf = (date: Date) => segments.find((s) => s.dates.some((d) => +d === +date))!;
  const toll: Toll = {
    width, height, widthOf, series, plot, y, segments, segmentOf, x: (date) => segmentOf(date).scale(date),
    placer: new LabelPlacer({ width, height }), labelSize, tickFont, contextOffset,
    texts: [], lines: [], paths: [], circles: [], axes: [],
  };
  gridAndValueAxis(toll);
  stepLines(toll);
  placeEndLabels(toll, ends.labels, stackEnds);
  timeAxes(toll, monthDates);
  timeContexts(toll);
  cuts(toll);
  openDotKey(toll);
  const { texts, lines, paths, circles, axes } = toll;
  return { view: 'toll', width, height, circles, rects: [], paths, lines, texts, axes };
}

/** The killed and the injured over the report dates (the injured where reported). */
function seriesOf(reports: readonly CasualtyRow[]): Series[] {
  return [
    { kind: 'killed' as const, points: reports.map((r) => ({ date: rowDate(r), value: r.killed, open: isOpenEnded(r.killed_qualifier), id: r.id })) },
    {
      kind: 'injured' as const,
      points: reports
        .filter((r) => r.injured !== null)
        .map((r) => ({ date: rowDate(r), value: r.injured!, open: isOpenEnded(r.injured_qualifier), id: r.id })),
    },
  ].filter((s) => s.points.length > 0);
}

interface EndLabel {
  readonly kind: Series['kind'];
  readonly value: string;
  readonly word: string;
  y: number;
  readonly last: Series['points'][number];
}

/** Latest values go in the right margin, so the margin is as wide as the widest of them. */
function endLabels(series: readonly Series[], stackEnds: boolean, labelSize: number, widthOf: WidthOf): { labels: EndLabel[]; width: number } {
  const labels = series.map((s) => {
    const last = s.points.at(-1)!;
    return { kind: s.kind, value: formatCount(last.value), word: ` ${s.kind}`, y: 0, last };
  });
  const width = Math.max(
    0,
    ...labels.map((l) => (stackEnds ? Math.max(widthOf(l.value, labelSize, 700), widthOf(l.word.trim(), labelSize)) : widthOf(l.value, labelSize, 700) + widthOf(l.word, labelSize))),
  );
  return { labels, width };
}

/** Splits the dates wherever reports are far apart, and gives each piece its own time scale. */
function brokenTimeScale(series: readonly Series[], plot: Toll['plot']): Segment[] {
  const dates = [...new Map(series.flatMap((s) => s.points.map((p) => [+p.date, p.date] as const))).values()].sort((a, b) => +a - +b);
  const pieces: Date[][] = [];
  for (const date of dates) {
    const current = pieces.at(-1);
    if (current && (+date - +current.at(-1)!) / DAY <= BREAK_AFTER_DAYS) current.push(date);
    else pieces.push([date]);
  }
  const plotWidth = plot.right - plot.left - (pieces.length - 1) * BREAK_WIDTH;
  const multi = pieces.filter((p) => p.length > 1);
  const singleWidth = multi.length
    ? // A lone report's tick label may reach into the cut beside it, so its piece can be narrower than the label.
      Math.max(40, Math.min(72, plotWidth * 0.16))
    : plotWidth / Math.max(1, pieces.length);
  const spanDays = (piece: Date[]) => (+piece.at(-1)! - +piece[0]!) / DAY + 1;
  const free = plotWidth - (pieces.length - multi.length) * singleWidth;
  const totalDays = multi.reduce((sum, p) => sum + spanDays(p), 0);
  const segments: Segment[] = [];
  let cursor = plot.left;
  for (const piece of pieces) {
    const first = piece[0]!;
    const last = piece.at(-1)!;
    const single = piece.length === 1;
    const pieceWidth = single ? singleWidth : (free * spanDays(piece)) / totalDays;
    // A lone report sits a third of the way into its piece, so both the step into it and the line after it show.
    const domain: [Date, Date] = single ? [new Date(+first - DAY), new Date(+first + 2 * DAY)] : [first, new Date(+last + DAY)];
    const scale = scaleUtc().domain(domain).range([cursor, cursor + pieceWidth]);
    segments.push({ dates: piece, scale, start: cursor, end: cursor + pieceWidth });
    cursor += pieceWidth + BREAK_WIDTH;
  }
  return segments;
}

/** Gridlines per piece, so the cut in time shows in the grid too; and the value axis. */
function gridAndValueAxis(t: Toll): void {
  const { y, plot, tickFont } = t;
  const yTicks = y.ticks(Math.max(2, Math.min(6, Math.floor((plot.bottom - plot.top) / 40))));
  for (const value of yTicks) {
    t.segments.forEach((segment, i) => {
      t.lines.push({ key: `grid-${value}-${i}`, x1: segment.start, x2: segment.end, y1: y(value), y2: y(value), cls: value === 0 ? 'baseline' : 'grid' });
    });
  }
  const yAxis: LinearAxisMark = {
    key: 'y', kind: 'linear', orient: 'left', x: plot.left, y: 0, scale: y.copy(), tickSize: 0, tickPadding: 10, size: tickFont, cls: 'axis axis-y',
    ticks: yTicks.map((value) => ({ value, label: formatCount(value), pos: y(value) })),
  };
  t.axes.push(yAxis);
  for (const tick of yAxis.ticks) t.placer.block(textBox(tickText(yAxis, tick), t.widthOf));
}

/** Step lines: solid within each piece, dotted across a cut (nothing says the count held there); a dot per report. */
function stepLines(t: Toll): void {
  const { y, segments, x } = t;
  const stepLine = line<readonly [number, number]>().curve(curveStepAfter);
  for (const s of t.series) {
    segments.forEach((segment, i) => {
      const inside = s.points.filter((p) => t.segmentOf(p.date) === segment);
      const before = s.points.filter((p) => +p.date < +segment.dates[0]!).at(-1);
      const vertices: [number, number][] = [];
      if (before) vertices.push([segment.start, y(before.value)]);
      for (const p of inside) vertices.push([x(p.date), y(p.value)]);
      const lastValue = inside.at(-1)?.value ?? before?.value;
      if (lastValue === undefined || vertices.length === 0) return;
      vertices.push([segment.end, y(lastValue)]);
      t.paths.push({ key: `step-${s.kind}-${i}`, d: stepLine(vertices) ?? '', points: stepVertices(vertices), cls: `step-line ${s.kind}` });
      const next = segments[i + 1];
      if (next) {
        const across: [number, number][] = [[segment.end, y(lastValue)], [next.start, y(lastValue)]];
        t.paths.push({ key: `gap-${s.kind}-${i}`, d: stepLine(across) ?? '', points: across, cls: `gap-line ${s.kind}` });
      }
    });
    s.points.forEach((p, i) => {
      t.circles.push({
        key: `point-${s.kind}-${p.id}`, cx: x(p.date), cy: y(p.value), r: 3.5,
        cls: `point ${s.kind}${p.open ? ' lower-bound' : ' exact'}`, opacity: 1, order: s.points.length > 1 ? i / (s.points.length - 1) : 0,
      });
    });
  }
  for (const path of t.paths) for (const box of polylineBoxes(path.key, path.points)) t.placer.block(box);
  for (const c of t.circles) t.placer.block({ key: c.key, x0: c.cx - c.r - 1, x1: c.cx + c.r + 1, y0: c.cy - c.r - 1, y1: c.cy + c.r + 1 });
}

/** A label that shows wherever it lands (a latest value): the text placed after it keeps clear of it. */
function taken(t: Toll, text: TextMark): TextMark {
  t.placer.take(textBox(text, t.widthOf));
  return text;
}

/** Latest values, in the right margin, nudged apart where two would touch (the shared `dodge`) and kept inside the box. */
function placeEndLabels(t: Toll, ends: readonly EndLabel[], stackEnds: boolean): void {
  const { labelSize, height, plot } = t;
  const lineHeight = Math.ceil(labelSize * 1.2);
  const extra = stackEnds ? lineHeight : 0;
  const placed = ends.map((l) => ({ ...l, y: t.y(l.last.value) + labelSize * 0.35 })).sort((a, b) => a.y - b.y);
  // Each label a block from its baseline down, one line (two when stacked) and its gap: nudged apart as little as
  // possible, the first baseline at least an ascent from the top, the last line's descent above the bottom.
  const block = extra + lineHeight;
  const baselines = dodge(placed.map((end) => end.y), placed.map(() => block), labelSize * 0.8 + 1, height - 1 - extra - labelSize * 0.24 + block);
  placed.forEach((end, i) => (end.y = baselines[i]!));
  for (const end of placed) {
    const cls = `label series ${end.kind} end-label`;
    if (stackEnds) {
      t.texts.push(taken(t, { key: `end-${end.kind}`, x: plot.right + 6, y: end.y, text: end.value, size: labelSize, weight: 700, anchor: 'start', cls }));
      t.texts.push(taken(t, { key: `end-${end.kind}-word`, x: plot.right + 6, y: end.y + lineHeight, text: end.word.trim(), size: labelSize, weight: 400, anchor: 'start', cls: `${cls} end-word` }));
    } else {
      t.texts.push(taken(t, { key: `end-${end.kind}`, x: plot.right + 6, y: end.y, text: end.value, suffix: end.word, size: labelSize, weight: 700, anchor: 'start', cls }));
    }
  }
}

/** Time axes: a tick at every report, thinned where labels would touch. */
function timeAxes(t: Toll, monthDates: ReadonlySet<number>): void {
  const { tickFont, widthOf } = t;
  t.segments.forEach((segment, i) => {
    const single = segment.dates.length === 1;
    const format = single ? formatDayMonth : formatDayOfMonth;
    const candidates = segment.dates.map((date) => ({ value: date, label: monthDates.has(+date) ? formatMonthShort(date) : format(date), pos: segment.scale(date) }));
    const kept: AxisTick<Date>[] = [];
    const boxOf = (tick: AxisTick<Date>) => textBox({ key: '', x: tick.pos, y: 0, text: tick.label, size: tickFont, weight: 400, anchor: 'middle', cls: '' }, widthOf);
    for (const tick of candidates) {
      const previous = kept.at(-1);
      if (!previous || !overlaps(boxOf(previous), boxOf(tick), 5)) kept.push(tick);
      else if (tick === candidates.at(-1) && kept.length > 1) {
        // The latest report matters more than the one before it.
        kept.pop();
        if (!overlaps(boxOf(kept.at(-1)!), boxOf(tick), 5)) kept.push(tick);
      }
    }
    const axis: TimeAxisMark = {
      key: `x-${i}`, kind: 'time', orient: 'bottom', x: 0, y: t.plot.bottom, scale: segment.scale.copy(), tickSize: X_TICK_SIZE, tickPadding: X_TICK_PADDING, size: tickFont, cls: 'axis axis-x', ticks: kept,
    };
    t.axes.push(axis);
    for (const tick of kept) t.placer.block(textBox(tickText(axis, tick), widthOf));
  });
}

/** The month or year of each piece, on a second line under its ticks, where it fits. */
function timeContexts(t: Toll): void {
  const { tickFont, widthOf } = t;
  t.segments.forEach((segment, i) => {
    const first = segment.dates[0]!;
    const last = segment.dates.at(-1)!;
    const single = segment.dates.length === 1;
    const context = single
      ? formatYear(first)
      : formatMonthYear(first) === formatMonthYear(last)
        ? formatMonthYear(first)
        : `${formatMonth(first)}\u2013${formatMonthYear(last)}`;
    // Flush with the first tick label, which is centred on its tick.
    const firstTick = t.axes.find((a) => a.key === `x-${i}`)?.ticks[0];
    const contextLeft = Math.max(1, firstTick ? firstTick.pos - widthOf(firstTick.label, tickFont) / 2 : segment.start);
    const base = { key: `x-context-${i}`, y: t.plot.bottom + t.contextOffset, text: context, size: tickFont, weight: 400 as const, cls: 'label muted axis-context' };
    const candidates: TextMark[] = single
      ? [{ ...base, x: segment.scale(first), anchor: 'middle' }]
      : [{ ...base, x: contextLeft, anchor: 'start' }, { ...base, text: formatYear(first), x: contextLeft, anchor: 'start' }];
    const fitting = t.placer.place(candidates, (c) => textBox(c, widthOf), { gap: 2 });
    if (fitting) t.texts.push(fitting);
  });
}

/** The cuts: slashes across the axis, and how much time each leaves out. */
function cuts(t: Toll): void {
  const { segments, tickFont, widthOf } = t;
  const axisY = t.plot.bottom;
  for (let i = 1; i < segments.length; i++) {
    const gapLeft = segments[i - 1]!.end;
    const gapRight = segments[i]!.start;
    const mid = (gapLeft + gapRight) / 2;
    for (const dx of [-3, 3]) {
      t.lines.push({ key: `break-${i}-${dx}`, x1: mid + dx - 3, y1: axisY + 5, x2: mid + dx + 3, y2: axisY - 5, cls: 'break' });
    }
    const before = segments[i - 1]!.dates.at(-1)!;
    const after = segments[i]!.dates[0]!;
    const days = Math.round((+after - +before) / DAY);
    const months = Math.round(days / 30.44);
    const span = months >= 2 ? `${months} months` : `${days} days`;
    const levels = t.series.map((s) => t.y(valueAt(s, before))).sort((a, b) => a - b);
    // Near the dotted lines that cross the cut: above the lowest, else between them, else under the highest.
    const spots = [levels.at(-1)! - 14, (levels[0]! + levels.at(-1)!) / 2 + tickFont * 0.35, levels[0]! + tickFont + 6];
    const candidates: TextMark[] = [];
    for (const text of [`${span} later`, span]) {
      const w = widthOf(text, tickFont);
      for (const spot of spots) {
        for (const left of [mid - w / 2, gapLeft + 2, gapRight - w - 2]) {
          const clamped = Math.min(Math.max(left, 1), t.width - w - 1);
          candidates.push({ key: `break-label-${i}`, x: clamped, y: spot, text, size: tickFont, weight: 400, anchor: 'start', cls: 'label muted break-label' });
        }
      }
    }
    const fitting = t.placer.place(candidates, (c) => textBox(c, widthOf), { gap: 3 });
    if (fitting) t.texts.push(fitting);
  }
}

/** What an open dot means, in the emptiest corner of the plot, where there is room. */
function openDotKey(t: Toll): void {
  if (!t.circles.some((c) => c.cls.includes('lower-bound'))) return;
  const { plot, tickFont } = t;
  const r = 3.5;
  for (const text of ['First report, a minimum', 'First report']) {
    const label: TextMark = { key: 'legend-open', x: plot.left + 6 + 2 * r + 6, y: plot.top + tickFont * 0.8, text, size: tickFont, weight: 400, anchor: 'start', cls: 'label muted legend key-open' };
    const box = textBox(label, t.widthOf);
    const withDot: Box = { ...box, x0: plot.left + 4 };
    if (withDot.x1 <= plot.right && t.placer.fits(textBox({ ...label, x: withDot.x0, text: `${'\u25cf '}${text}` }, t.widthOf), { gap: 4 })) {
      t.placer.take(withDot);
      t.texts.push(label);
      t.circles.push({ key: 'legend-open-dot', cx: plot.left + 6 + r, cy: label.y - tickFont * 0.35, r, cls: 'legend-dot', opacity: 1, order: 1 });
      return;
    }
  }
}

function valueAt(series: Series, date: Date): number {
  return series.points.filter((p) => +p.date <= +date).at(-1)?.value ?? series.points[0]!.value;
}
