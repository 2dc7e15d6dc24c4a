/**
 * The casualty chart's geometry, as a pure function: rows + state + size in, marks out. No DOM, so Node tests
 * can check every view at every size, and the element only has to join these marks to SVG.
 *
 * Text is measured by the function the caller passes: the element measures in the font it draws with; without a DOM
 * (Node tests, build-time drawings) widths come from the same font's advance widths.
 */
import { scaleLinear, scaleUtc, type ScaleLinear, type ScaleTime, curveStepAfter, line, utcFormat } from 'd3';
import type { ChartState } from '../shared/schema.ts';
import type { LayoutInput } from '../shared/types.ts';
import { estimateTextWidth } from '../shared/text-measure.ts';
import { textWidth as fontTextWidth } from '../shared/text-width.ts';
import { CASUALTY_VIEWS, type CasualtyRow, type CasualtyView, type Qualifier } from './schema.ts';

// ---------------------------------------------------------------------------------------------------------
// Marks

export interface TextMark {
  readonly key: string;
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  readonly text: string;
  /** Drawn after `text` in the muted colour (a year after a name). */
  readonly suffix?: string;
  readonly size: number;
  readonly weight: 400 | 700;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly cls: string;
}

export interface CircleMark {
  readonly key: string;
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
  readonly cls: string;
  readonly opacity: number;
  /** 0..1: where the mark comes in an entering sequence, for staggered transitions. */
  readonly order: number;
}

export interface RectMark {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly cls: string;
  readonly order: number;
}

export interface PathMark {
  readonly key: string;
  readonly d: string;
  /** The vertices the path passes through, for bounds checks. */
  readonly points: readonly (readonly [number, number])[];
  readonly cls: string;
}

export interface LineMark {
  readonly key: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly cls: string;
}

interface AxisTick<T> {
  readonly value: T;
  readonly label: string;
  /** Absolute position along the axis (x for bottom axes, y for left axes). */
  readonly pos: number;
}

interface AxisBase {
  readonly key: string;
  /** Where the axis group is translated to. */
  readonly x: number;
  readonly y: number;
  readonly tickSize: number;
  readonly tickPadding: number;
  /** Font size of tick labels (set by the stylesheet; kept here so boxes can be checked). */
  readonly size: number;
  readonly cls: string;
}

export interface TimeAxisMark extends AxisBase {
  readonly kind: 'time';
  readonly orient: 'bottom';
  readonly scale: ScaleTime<number, number>;
  readonly ticks: readonly AxisTick<Date>[];
}

export interface LinearAxisMark extends AxisBase {
  readonly kind: 'linear';
  readonly orient: 'left';
  readonly scale: ScaleLinear<number, number>;
  readonly ticks: readonly AxisTick<number>[];
}

export type AxisMark = TimeAxisMark | LinearAxisMark;

export interface CasualtyMarks {
  readonly view: CasualtyView;
  readonly width: number;
  readonly height: number;
  readonly circles: readonly CircleMark[];
  readonly rects: readonly RectMark[];
  readonly paths: readonly PathMark[];
  readonly lines: readonly LineMark[];
  readonly texts: readonly TextMark[];
  readonly axes: readonly AxisMark[];
}

export interface Box {
  readonly key: string;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

// ---------------------------------------------------------------------------------------------------------
// Text metrics

/** Width in px of `text` at `size` px and `weight`: the element measures in its font, Node uses the font's metrics. */
export type TextWidth = (text: string, size: number, weight?: 400 | 700) => number;

/** The chart font's width of `text`, from its advance widths (see shared/text-width.ts). */
export function textWidth(text: string, size: number, weight: 400 | 700 = 400): number {
  return fontTextWidth(text, size, weight);
}

/** The box a text mark occupies (ascenders to descenders). */
export function textBox(text: TextMark, measure: TextWidth = textWidth): Box {
  const width = measure(text.text, text.size, text.weight) + (text.suffix ? measure(text.suffix, text.size, 400) : 0);
  const left = text.anchor === 'start' ? text.x : text.anchor === 'middle' ? text.x - width / 2 : text.x - width;
  // Ascenders reach about 0.76 em above the baseline; the box allows more, as browsers report taller lines.
  return { key: text.key, left, right: left + width, top: text.y - text.size * 0.95, bottom: text.y + text.size * 0.25 };
}

/** Boxes of every piece of text in the marks: labels and axis tick labels. */
export function textBoxes(marks: CasualtyMarks, measure: TextWidth = textWidth): Box[] {
  const boxes = marks.texts.map((text) => textBox(text, measure));
  for (const axis of marks.axes) {
    for (const tick of axis.ticks) boxes.push(textBox(tickText(axis, tick), measure));
  }
  return boxes;
}

/** A tick label as d3-axis places it, expressed as a text mark. */
function tickText(axis: AxisMark, tick: AxisTick<unknown>): TextMark {
  const offset = axis.tickSize + axis.tickPadding;
  return axis.orient === 'bottom'
    ? // d3-axis sets dy 0.71em below the tick: the baseline sits about 0.71em under the text's top.
      { key: `${axis.key}:${tick.label}`, x: tick.pos, y: axis.y + offset + axis.size * 0.71, text: tick.label, size: axis.size, weight: 400, anchor: 'middle', cls: '' }
    : { key: `${axis.key}:${tick.label}`, x: axis.x - offset, y: tick.pos + axis.size * 0.32, text: tick.label, size: axis.size, weight: 400, anchor: 'end', cls: '' };
}

export function overlaps(a: Box, b: Box, gap = 0): boolean {
  return a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;
}

// ---------------------------------------------------------------------------------------------------------
// Reading the rows

const DAY = 86_400_000;

/** The date a row speaks for: its report date, or the attack's first day for a settled toll. */
export function rowDate(row: CasualtyRow): Date {
  const day = row.reported ?? row.attack_date;
  // A report known only to the month stands at the month's first day, and is labelled with the month alone.
  return new Date(`${day.length === 7 ? `${day}-01` : day}T00:00:00Z`);
}

/** True when a row's report date is known only to the month. */
export function monthOnly(row: CasualtyRow): boolean {
  return row.reported !== null && row.reported.length === 7;
}

/** A row's report date as precisely as the data know it: "23 March 2024", or "April 2024". */
export function formatReported(row: CasualtyRow): string {
  return monthOnly(row) ? formatMonthYear(rowDate(row)) : formatDay(rowDate(row));
}

/**
 * The attack the chart is about: the most recent one in the rows (the Crocus City Hall attack in the story's data).
 * Older attacks are its comparison.
 */
export function subjectAttack(rows: readonly CasualtyRow[]): string | null {
  let best: CasualtyRow | null = null;
  for (const row of rows) if (!best || row.attack_date > best.attack_date) best = row;
  return best?.attack ?? null;
}

/** The subject's successive reports, oldest first (a settled toll alone, if it has no dated reports). */
export function tollRows(rows: readonly CasualtyRow[]): CasualtyRow[] {
  const attack = subjectAttack(rows);
  const own = rows.filter((row) => row.attack === attack);
  const reported = own.filter((row) => row.reported !== null);
  return (reported.length ? reported : own).slice().sort((a, b) => +rowDate(a) - +rowDate(b) || a.killed - b.killed);
}

/** The subject's first report. */
export function preliminaryRow(rows: readonly CasualtyRow[]): CasualtyRow | null {
  return tollRows(rows)[0] ?? null;
}

/** The subject's latest report. */
export function latestRow(rows: readonly CasualtyRow[]): CasualtyRow | null {
  return tollRows(rows).at(-1) ?? null;
}

/** One row per attack (its latest report), deadliest first. */
export function compareRows(rows: readonly CasualtyRow[]): CasualtyRow[] {
  const latest = new Map<string, CasualtyRow>();
  for (const row of rows) {
    const seen = latest.get(row.attack);
    if (!seen || +rowDate(row) > +rowDate(seen)) latest.set(row.attack, row);
  }
  return [...latest.values()].sort(
    (a, b) => b.killed - a.killed || (b.killed_high ?? b.killed) - (a.killed_high ?? a.killed) || a.attack_name.localeCompare(b.attack_name),
  );
}

/** The rows a view shows, for its table and source line. */
export function rowsShown(rows: readonly CasualtyRow[], view: CasualtyView): CasualtyRow[] {
  if (view === 'preliminary') {
    const row = preliminaryRow(rows);
    return row ? [row] : [];
  }
  return view === 'toll' ? tollRows(rows) : compareRows(rows);
}

export function viewOf(state: ChartState): CasualtyView {
  const view = state.view as CasualtyView;
  return CASUALTY_VIEWS.includes(view) ? view : 'preliminary';
}

// ---------------------------------------------------------------------------------------------------------
// Formatting shared by the marks, the description and the table

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export function formatCount(value: number): string {
  return integer.format(value);
}

const QUALIFIER_WORDS: Record<Qualifier, string> = { exact: '', 'at-least': 'at least ', 'more-than': 'more than ', about: 'about ' };

/** "at least 40", "about 130", "293\u2013311" (`dash` false: "293 to 311"). */
export function formatFigure(value: number, high: number | null, qualifier: Qualifier | null, dash = true): string {
  const range = high !== null && high !== value ? `${formatCount(value)}${dash ? '\u2013' : ' to '}${formatCount(high)}` : formatCount(value);
  return `${QUALIFIER_WORDS[qualifier ?? 'exact']}${range}`;
}

/** True when the figure is a floor: the real count is higher. */
export function isOpenEnded(qualifier: Qualifier | null): boolean {
  return qualifier === 'at-least' || qualifier === 'more-than';
}

export const formatDay = utcFormat('%-d %B %Y');
const formatMonthShort = utcFormat('%b');
const formatDayOfMonth = utcFormat('%-d');
const formatDayMonth = utcFormat('%-d %b');
const formatMonthYear = utcFormat('%B %Y');
const formatMonth = utcFormat('%B');
const formatYear = utcFormat('%Y');

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------------------------------------------------------------------------------------------------------
// The layout

const EMPTY = { circles: [], rects: [], paths: [], lines: [], texts: [], axes: [] };

/** The marks for a state at a size; `measure` gives text widths in the chart font (the font's metrics by default). */
export function layout({ rows, state, size, measure: measureText = estimateTextWidth }: LayoutInput<CasualtyRow>): CasualtyMarks {
  const measure: TextWidth = (text, px, weight = 400) => measureText(text, px, { weight });
  const view = viewOf(state);
  const width = Math.max(0, size.width);
  const height = Math.max(0, size.height);
  if (width === 0 || height === 0 || rows.length === 0) return { view, width, height, ...EMPTY };
  switch (view) {
    case 'preliminary':
      return layoutPreliminary(rows, width, height, measure);
    case 'toll':
      return layoutToll(rows, width, height, measure);
    case 'compare':
      return layoutCompare(rows, width, height, measure);
  }
}

/** Places optional text only where it collides with nothing already placed and stays in the box. */
class Placer {
  readonly boxes: Box[] = [];
  constructor(
    private readonly width: number,
    private readonly height: number,
    private readonly measure: TextWidth,
  ) {}

  fits(text: TextMark, gap = 3): boolean {
    const box = textBox(text, this.measure);
    if (box.left < 0 || box.top < 0 || box.right > this.width || box.bottom > this.height) return false;
    return !this.boxes.some((other) => overlaps(box, other, gap));
  }

  add(text: TextMark): TextMark {
    this.boxes.push(textBox(text, this.measure));
    return text;
  }

  addBox(box: Box): void {
    this.boxes.push(box);
  }
}

// --- preliminary: one mark per person -----------------------------------------------------------------------

/** Outlined marks after the last real one that fade out: the count is a floor, the real toll runs on. */
const OPEN_END_MARKS = 3;
const MAX_PITCH = 30;

interface UnitGroup {
  readonly kind: 'killed' | 'injured';
  readonly count: number;
  readonly open: boolean;
  readonly label: string;
}

function layoutPreliminary(rows: readonly CasualtyRow[], width: number, height: number, measure: TextWidth): CasualtyMarks {
  const row = preliminaryRow(rows);
  if (!row) return { view: 'preliminary', width, height, ...EMPTY };
  const groups: UnitGroup[] = [
    { kind: 'killed', count: row.killed, open: isOpenEnded(row.killed_qualifier), label: `${capitalise(formatFigure(row.killed, row.killed_high, row.killed_qualifier))} killed` },
  ];
  if (row.injured !== null) {
    groups.push({ kind: 'injured', count: row.injured, open: isOpenEnded(row.injured_qualifier), label: `${capitalise(formatFigure(row.injured, row.injured_high, row.injured_qualifier))} injured` });
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
  const firstLabelWidth = measure(groups[0]!.label, labelSize, 700);
  // On a wide frame the grid sits in the middle rather than against the left edge.
  const left = width >= 600 ? Math.max(pad, (width - gridWidth) / 2) : pad;
  const right = Math.min(width - pad, left + gridWidth);
  const keyText = ['Each dot is one person', '1 dot = 1 person'];
  const besideKey = keyText.find((t) => left + firstLabelWidth + 16 + measure(t, keySize) <= right);
  const underKey = besideKey ? undefined : keyText.find((t) => pad + measure(t, keySize) <= width - pad && height - pad * 2 - content >= keyLine);
  // What the outlined marks mean, when a count is a minimum: beside the last group's label, or on a line under the grid.
  const openSwatch = 2 * radius + 6;
  // A grid against the left edge (a phone) leaves the frame's right-hand side free for the key.
  const keyRight = width >= 600 ? right : width - pad;
  const openText = ['Open dots: the count is a minimum', 'Open: a minimum'];
  const lastGroup = groups.at(-1)!;
  const besideLast = groups.length > 1 || !besideKey;
  const openBeside = !groups.some((g) => g.open) || !besideLast
    ? undefined
    : openText.find((t) => left + measure(lastGroup.label, labelSize, 700) + 16 + openSwatch + measure(t, keySize) <= keyRight);
  const roomUnder = height - pad * 2 - content - (underKey ? keyLine : 0);
  const openUnder = !groups.some((g) => g.open) || openBeside ? undefined : openText.find((t) => pad + openSwatch + measure(t, keySize) <= width - pad && roomUnder >= keyLine);
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
    const textX = openBeside ? keyRight - measure(openKey, keySize) : left + openSwatch;
    texts.push({ key: 'prelim-key-open', x: textX, y, text: openKey, size: keySize, weight: 400, anchor: 'start', cls: 'label key key-open muted' });
    // An outlined mark, as the grid draws them, in the series' colour of the first open count.
    const kind = groups.find((g) => g.open)!.kind;
    circles.push({ key: 'prelim-key-open-dot', cx: textX - 6 - radius, cy: y - keySize * 0.35, r: Math.max(2.5, radius - 0.75), cls: `key-swatch key-open ${kind}`, opacity: 0.9, order: 1 });
  }
  return { view: 'preliminary', width, height, circles, rects: [], paths: [], lines: [], texts, axes: [] };
}

// --- toll: the count over time, on a broken time axis --------------------------------------------------------

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
    boxes.push({ key, left: Math.min(x1, x2) - halfStroke, right: Math.max(x1, x2) + halfStroke, top: Math.min(y1, y2) - halfStroke, bottom: Math.max(y1, y2) + halfStroke });
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

function layoutToll(rows: readonly CasualtyRow[], width: number, height: number, measure: TextWidth): CasualtyMarks {
  const reports = tollRows(rows);
  const monthDates = new Set(reports.filter(monthOnly).map((r) => +rowDate(r)));
  const series: Series[] = [
    { kind: 'killed' as const, points: reports.map((r) => ({ date: rowDate(r), value: r.killed, open: isOpenEnded(r.killed_qualifier), id: r.id })) },
    {
      kind: 'injured' as const,
      points: reports
        .filter((r) => r.injured !== null)
        .map((r) => ({ date: rowDate(r), value: r.injured!, open: isOpenEnded(r.injured_qualifier), id: r.id })),
    },
  ].filter((s) => s.points.length > 0);
  const texts: TextMark[] = [];
  const lines: LineMark[] = [];
  const paths: PathMark[] = [];
  const circles: CircleMark[] = [];
  const axes: AxisMark[] = [];
  const labelSize = width < 480 ? 13 : 14;
  const tickFont = 12;

  // Latest values go in the right margin, so the margin is as wide as the widest of them.
  const ends = series.map((s) => {
    const last = s.points.at(-1)!;
    return { kind: s.kind, value: formatCount(last.value), word: ` ${s.kind}`, y: 0, last };
  });
  // On a narrow frame the word goes under the figure, which leaves the plot a third more width.
  const stackEnds = width < 480;
  const endWidth = Math.max(
    0,
    ...ends.map((l) => (stackEnds ? Math.max(measure(l.value, labelSize, 700), measure(l.word.trim(), labelSize)) : measure(l.value, labelSize, 700) + measure(l.word, labelSize))),
  );

  const maxValue = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.value)));
  const y = scaleLinear().domain([0, maxValue]).nice();
  const yLabelWidth = Math.max(...y.ticks(6).map((v) => measure(formatCount(v), tickFont)));
  const contextOffset = X_TICK_SIZE + X_TICK_PADDING + tickFont * 0.71 + tickFont * 1.45;
  const margin = { top: 12, right: Math.ceil(endWidth) + 8, bottom: Math.ceil(contextOffset + tickFont * 0.25) + 2, left: Math.ceil(yLabelWidth) + 12 };
  const plot = { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };
  y.range([plot.bottom, plot.top]);
  const yTicks = y.ticks(Math.max(2, Math.min(6, Math.floor((plot.bottom - plot.top) / 40))));

  // Split the dates wherever reports are far apart, and give each piece its own time scale.
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
  const segmentOf = (date: Date) => segments.find((s) => s.dates.some((d) => +d === +date))!;
  const x = (date: Date) => segmentOf(date).scale(date);
  const placer = new Placer(width, height, measure);

  // Gridlines per piece, so the cut in time shows in the grid too.
  for (const value of yTicks) {
    segments.forEach((segment, i) => {
      lines.push({ key: `grid-${value}-${i}`, x1: segment.start, x2: segment.end, y1: y(value), y2: y(value), cls: value === 0 ? 'baseline' : 'grid' });
    });
  }
  const yAxis: LinearAxisMark = {
    key: 'y', kind: 'linear', orient: 'left', x: plot.left, y: 0, scale: y.copy(), tickSize: 0, tickPadding: 10, size: tickFont, cls: 'axis axis-y',
    ticks: yTicks.map((value) => ({ value, label: formatCount(value), pos: y(value) })),
  };
  axes.push(yAxis);
  for (const tick of yAxis.ticks) placer.addBox(textBox(tickText(yAxis, tick), measure));

  // Step lines: solid within each piece, dotted across a cut (nothing says the count held there).
  const stepLine = line<readonly [number, number]>().curve(curveStepAfter);
  for (const s of series) {
    segments.forEach((segment, i) => {
      const inside = s.points.filter((p) => segmentOf(p.date) === segment);
      const before = s.points.filter((p) => +p.date < +segment.dates[0]!).at(-1);
      const vertices: [number, number][] = [];
      if (before) vertices.push([segment.start, y(before.value)]);
      for (const p of inside) vertices.push([x(p.date), y(p.value)]);
      const lastValue = inside.at(-1)?.value ?? before?.value;
      if (lastValue === undefined || vertices.length === 0) return;
      vertices.push([segment.end, y(lastValue)]);
      paths.push({ key: `step-${s.kind}-${i}`, d: stepLine(vertices) ?? '', points: stepVertices(vertices), cls: `step-line ${s.kind}` });
      const next = segments[i + 1];
      if (next) {
        const across: [number, number][] = [[segment.end, y(lastValue)], [next.start, y(lastValue)]];
        paths.push({ key: `gap-${s.kind}-${i}`, d: stepLine(across) ?? '', points: across, cls: `gap-line ${s.kind}` });
      }
    });
    s.points.forEach((p, i) => {
      circles.push({
        key: `point-${s.kind}-${p.id}`, cx: x(p.date), cy: y(p.value), r: 3.5,
        cls: `point ${s.kind}${p.open ? ' lower-bound' : ' exact'}`, opacity: 1, order: s.points.length > 1 ? i / (s.points.length - 1) : 0,
      });
    });
  }
  for (const path of paths) for (const box of polylineBoxes(path.key, path.points)) placer.addBox(box);
  for (const c of circles) placer.addBox({ key: c.key, left: c.cx - c.r - 1, right: c.cx + c.r + 1, top: c.cy - c.r - 1, bottom: c.cy + c.r + 1 });

  // Latest values, in the right margin, nudged apart where two would touch and kept inside the box.
  const lineHeight = Math.ceil(labelSize * 1.2);
  const extra = stackEnds ? lineHeight : 0;
  const placed = ends.map((l) => ({ ...l, y: y(l.last.value) + labelSize * 0.35 })).sort((a, b) => a.y - b.y);
  for (let i = 1; i < placed.length; i++) {
    const floor = placed[i - 1]!.y + extra + lineHeight;
    if (placed[i]!.y < floor) placed[i]!.y = floor;
  }
  const overflow = (placed.at(-1)?.y ?? 0) + extra + labelSize * 0.24 - (height - 1);
  if (overflow > 0) for (const end of placed) end.y -= overflow;
  const underflow = labelSize * 0.8 + 1 - (placed[0]?.y ?? labelSize);
  if (underflow > 0) for (const end of placed) end.y += underflow;
  for (const end of placed) {
    const cls = `label series ${end.kind} end-label`;
    if (stackEnds) {
      texts.push(placer.add({ key: `end-${end.kind}`, x: plot.right + 6, y: end.y, text: end.value, size: labelSize, weight: 700, anchor: 'start', cls }));
      texts.push(placer.add({ key: `end-${end.kind}-word`, x: plot.right + 6, y: end.y + lineHeight, text: end.word.trim(), size: labelSize, weight: 400, anchor: 'start', cls: `${cls} end-word` }));
    } else {
      texts.push(placer.add({ key: `end-${end.kind}`, x: plot.right + 6, y: end.y, text: end.value, suffix: end.word, size: labelSize, weight: 700, anchor: 'start', cls }));
    }
  }

  // Time axes: a tick at every report, thinned where labels would touch; the month or year on a second line.
  const axisY = plot.bottom;
  segments.forEach((segment, i) => {
    const single = segment.dates.length === 1;
    const format = single ? formatDayMonth : formatDayOfMonth;
    const candidates = segment.dates.map((date) => ({ value: date, label: monthDates.has(+date) ? formatMonthShort(date) : format(date), pos: segment.scale(date) }));
    const kept: AxisTick<Date>[] = [];
    const boxOf = (tick: AxisTick<Date>) => textBox({ key: '', x: tick.pos, y: 0, text: tick.label, size: tickFont, weight: 400, anchor: 'middle', cls: '' }, measure);
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
      key: `x-${i}`, kind: 'time', orient: 'bottom', x: 0, y: axisY, scale: segment.scale.copy(), tickSize: X_TICK_SIZE, tickPadding: X_TICK_PADDING, size: tickFont, cls: 'axis axis-x', ticks: kept,
    };
    axes.push(axis);
    for (const tick of kept) placer.addBox(textBox(tickText(axis, tick), measure));
  });
  segments.forEach((segment, i) => {
    const first = segment.dates[0]!;
    const last = segment.dates.at(-1)!;
    const single = segment.dates.length === 1;
    const context = single
      ? formatYear(first)
      : formatMonthYear(first) === formatMonthYear(last)
        ? formatMonthYear(first)
        : `${formatMonth(first)}\u2013${formatMonthYear(last)}`;
    // Flush with the first tick label, which is centred on its tick.
    const firstTick = axes.find((a) => a.key === `x-${i}`)?.ticks[0];
    const contextLeft = Math.max(1, firstTick ? firstTick.pos - measure(firstTick.label, tickFont) / 2 : segment.start);
    const base = { key: `x-context-${i}`, y: axisY + contextOffset, text: context, size: tickFont, weight: 400 as const, cls: 'label muted axis-context' };
    const candidates: TextMark[] = single
      ? [{ ...base, x: segment.scale(first), anchor: 'middle' }]
      : [{ ...base, x: contextLeft, anchor: 'start' }, { ...base, text: formatYear(first), x: contextLeft, anchor: 'start' }];
    const fitting = candidates.find((c) => placer.fits(c, 2));
    if (fitting) texts.push(placer.add(fitting));
  });

  // The cut: slashes across the axis, and how much time it leaves out.
  for (let i = 1; i < segments.length; i++) {
    const gapLeft = segments[i - 1]!.end;
    const gapRight = segments[i]!.start;
    const mid = (gapLeft + gapRight) / 2;
    for (const dx of [-3, 3]) {
      lines.push({ key: `break-${i}-${dx}`, x1: mid + dx - 3, y1: axisY + 5, x2: mid + dx + 3, y2: axisY - 5, cls: 'break' });
    }
    const before = segments[i - 1]!.dates.at(-1)!;
    const after = segments[i]!.dates[0]!;
    const days = Math.round((+after - +before) / DAY);
    const months = Math.round(days / 30.44);
    const span = months >= 2 ? `${months} months` : `${days} days`;
    const levels = series.map((s) => y(valueAt(s, before))).sort((a, b) => a - b);
    // Near the dotted lines that cross the cut: above the lowest, else between them, else under the highest.
    const spots = [levels.at(-1)! - 14, (levels[0]! + levels.at(-1)!) / 2 + tickFont * 0.35, levels[0]! + tickFont + 6];
    const candidates: TextMark[] = [];
    for (const text of [`${span} later`, span]) {
      const w = measure(text, tickFont);
      for (const spot of spots) {
        for (const left of [mid - w / 2, gapLeft + 2, gapRight - w - 2]) {
          const clamped = Math.min(Math.max(left, 1), width - w - 1);
          candidates.push({ key: `break-label-${i}`, x: clamped, y: spot, text, size: tickFont, weight: 400, anchor: 'start', cls: 'label muted break-label' });
        }
      }
    }
    const fitting = candidates.find((c) => placer.fits(c, 3));
    if (fitting) texts.push(placer.add(fitting));
  }
  // What an open dot means, in the emptiest corner of the plot, where there is room.
  if (circles.some((c) => c.cls.includes('lower-bound'))) {
    const r = 3.5;
    for (const text of ['First report, a minimum', 'First report']) {
      const label: TextMark = { key: 'legend-open', x: plot.left + 6 + 2 * r + 6, y: plot.top + tickFont * 0.8, text, size: tickFont, weight: 400, anchor: 'start', cls: 'label muted legend key-open' };
      const box = textBox(label, measure);
      const withDot: Box = { ...box, left: plot.left + 4 };
      if (withDot.right <= plot.right && placer.fits({ ...label, x: withDot.left, text: `${'\u25cf '}${text}` }, 4)) {
        placer.addBox(withDot);
        texts.push(label);
        circles.push({ key: 'legend-open-dot', cx: plot.left + 6 + r, cy: label.y - tickFont * 0.35, r, cls: 'legend-dot', opacity: 1, order: 1 });
        break;
      }
    }
  }
  return { view: 'toll', width, height, circles, rects: [], paths, lines, texts, axes };
}

function valueAt(series: Series, date: Date): number {
  return series.points.filter((p) => +p.date <= +date).at(-1)?.value ?? series.points[0]!.value;
}

// --- compare: the subject against earlier attacks --------------------------------------------------------------

type CompareMode = 'side' | 'stacked' | 'compact';

function layoutCompare(rows: readonly CasualtyRow[], width: number, height: number, measure: TextWidth): CasualtyMarks {
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
  const nameWidth = (item: Item, size: number) => measure(item.name, size, item.weight) + measure(item.year, size);
  const valueWidth = (item: Item, size: number) => measure(item.value, size, item.weight);

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
  const pitch = pitchFor(mode === 'side' ? 48 : 48);
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
            key: `value-${key}`, x: Math.max(textBox(name, measure).right + 8 + valueWidth(item, size), Math.min(x(item.high), barAreaRight)), y: nameBaseline,
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
    const fitting = words.find((w) => noteLeft + swatchWidth + 6 + measure(w, noteSize) <= width - pad) ?? words.at(-1)!;
    texts.push({ key: 'range-note', x: noteLeft + swatchWidth + 6, y: noteBaseline, text: fitting, size: noteSize, weight: 400, anchor: 'start', cls: 'label note muted key-range' });
  }
  return { view: 'compare', width, height, circles: [], rects, paths: [], lines, texts, axes: [] };
}
