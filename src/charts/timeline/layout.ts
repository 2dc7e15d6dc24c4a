/**
 * The timeline's geometry as a pure function: `layout(rows, state, size)` returns every mark's position, and
 * `intervalBetween(a, b)` computes and words the span between two events. No DOM here, so Node tests can check
 * ordering, spans and label collisions directly.
 *
 * Time is kept as Moscow wall-clock time written into a UTC timestamp ("2024-03-22T19:58" becomes
 * Date.UTC(2024, 2, 22, 19, 58)). The data's times are Moscow time (UTC+3) and the axis speaks Moscow time, so
 * UTC tick intervals then fall on Moscow midnights in every browser, whatever the reader's own time zone.
 * Spans are unaffected: both ends carry the same offset.
 *
 * Recommended states for the story's steps (attributes of <fl-timeline>):
 *
 *   the long view, 1999-2024 (the Chechen war, the caliphate, Russia in Syria):
 *     from="1999-01-01" to="2024-12-31" highlight="second-chechen-war caliphate syria-intervention"
 *   Karabakh, September 2023, to the Dagestan riot (39 days):
 *     from="2023-09-01" to="2024-03-31" highlight="karabakh-offensive karabakh-ceasefire hamas-attack dagestan-riot"
 *     interval="karabakh-ceasefire dagestan-riot"
 *   March 2024, day by day (synagogue plot, refinery, election, attack):
 *     from="2024-03-01" to="2024-03-31" highlight="synagogue-plot kstovo-strike election crocus-attack"
 *   the election just before the attack (5 days from the end of voting):
 *     from="2024-03-01" to="2024-03-31" highlight="election election-result crocus-attack"
 *     interval="election crocus-attack"
 *   the last day: the strike on Ukraine's grid, then the attack (about 15 hours):
 *     from="2024-03-22" to="2024-03-22" highlight="grid-strike crocus-attack" interval="grid-strike crocus-attack"
 */
import { utcDay, utcHour, utcMonth, utcYear, type TimeInterval } from 'd3';
import type { LayoutInput, Size } from '../shared/types.ts';
import { estimateTextWidth as estimateWidth } from '../shared/text-measure.ts';
import { splitIds, type ChartState } from '../shared/schema.ts';
import type { EventKind, EventRow } from './schema.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Moscow has kept UTC+3 all year since October 2014; the data's times are Moscow time. */
export const MOSCOW_UTC_OFFSET_HOURS = 3;

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
export const FULL_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** A parsed date or date-time: `ms` is Moscow wall-clock time as a UTC timestamp (see the module comment). */
export interface When {
  readonly ms: number;
  /** True when the data gives a time of day. */
  readonly timed: boolean;
  /** The calendar day, yyyy-mm-dd. */
  readonly date: string;
}

/** Parses `yyyy-mm-dd` or `yyyy-mm-ddThh:mm` (Moscow time). Throws on anything else: the schema has checked it. */
export function parseWhen(value: string): When {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (!match) throw new Error(`not a date or date-time: "${value}"`);
  const [, y, m, d, hh, mm] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0));
  return { ms, timed: hh !== undefined, date: `${y}-${m}-${d}` };
}

/** The window a state shows: from the start of `from` to the end of `to`, both days included. */
export function windowOf(state: ChartState): [number, number] {
  return [parseWhen(state.from!).ms, parseWhen(state.to!).ms + DAY];
}

/** An event's extent on the time axis. A date-only end means the end of that day (voting ran through the 17th). */
export function extentOf(row: EventRow): { start: number; end: number | null } {
  const start = parseWhen(row.start).ms;
  if (row.end === null) return { start, end: null };
  const end = parseWhen(row.end);
  return { start, end: end.timed ? end.ms : end.ms + DAY };
}

/** Events that show in the window (a bar shows when any part of it does), in time order. */
export function visibleRows(rows: readonly EventRow[], state: ChartState): EventRow[] {
  const [w0, w1] = windowOf(state);
  return sortByTime(
    rows.filter((row) => {
      const { start, end } = extentOf(row);
      return start < w1 && (end ?? start) >= w0;
    }),
  );
}

export function sortByTime(rows: readonly EventRow[]): EventRow[] {
  return [...rows].sort((a, b) => {
    const ea = extentOf(a);
    const eb = extentOf(b);
    return ea.start - eb.start || (ea.end ?? ea.start) - (eb.end ?? eb.start) || a.id.localeCompare(b.id);
  });
}

function dayMonth(ms: number): string {
  const date = new Date(ms);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}

function clockOf(ms: number): string {
  const date = new Date(ms);
  return `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
}

/**
 * An event's date as precisely as the window calls for: the time of day in a day's window ("19:58"), the day
 * and time in a month's ("12 Mar, 05:30"), the day in a year's ("20 Sep"), the full date over decades
 * ("29 Jun 2014"); a span as "15\u201317 Mar" or "1999\u20132009".
 */
export function dateLine(row: EventRow, windowMs: number): string {
  const start = parseWhen(row.start);
  const end = row.end === null ? null : parseWhen(row.end);
  const year = (ms: number) => new Date(ms).getUTCFullYear();
  if (windowMs <= 2 * DAY) {
    if (!start.timed) return dayMonth(start.ms);
    return end && end.timed && end.date === start.date ? `${clockOf(start.ms)}\u2013${clockOf(end.ms)}` : clockOf(start.ms);
  }
  const long = windowMs > 400 * DAY;
  if (end && end.date !== start.date) {
    const sameMonth = start.date.slice(0, 7) === end.date.slice(0, 7);
    if (long && year(start.ms) !== year(end.ms)) return `${year(start.ms)}\u2013${year(end.ms)}`;
    const tail = long ? ` ${year(end.ms)}` : '';
    if (sameMonth) return `${new Date(start.ms).getUTCDate()}\u2013${dayMonth(end.ms)}${tail}`;
    return `${dayMonth(start.ms)} \u2013 ${dayMonth(end.ms)}${tail}`;
  }
  if (windowMs <= 40 * DAY) return start.timed ? `${dayMonth(start.ms)}, ${clockOf(start.ms)}` : dayMonth(start.ms);
  if (!long) return dayMonth(start.ms);
  return `${dayMonth(start.ms)} ${year(start.ms)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Spans

export type SpanUnit = 'minutes' | 'hours' | 'days' | 'months' | 'years';

export interface IntervalSpan {
  /** The earlier event's id, then the later one's. */
  readonly from: string;
  readonly to: string;
  /** Where the bracket runs (Moscow wall-clock ms): from the earlier event's end, if it ends first, to the later's start. */
  readonly start: number;
  readonly end: number;
  /** True when both ends carry a time of day, so the span can be given in hours. */
  readonly timed: boolean;
  /** Calendar days between the two ends' dates. */
  readonly days: number;
  /** Hours between the two ends, when both are timed. */
  readonly hours: number | null;
  readonly unit: SpanUnit;
  /** The number in `text` (15 for "about 15 hours", 8.5 for "about 8½ years"). */
  readonly value: number;
  readonly approximate: boolean;
  /** "39 days", "about 15 hours", "5 days". */
  readonly text: string;
}

/** Calendar days between two yyyy-mm-dd dates. */
export function calendarDays(a: string, b: string): number {
  return Math.round((parseWhen(b).ms - parseWhen(a).ms) / DAY);
}

function plural(value: number, unit: string): string {
  return `${value} ${unit}${value === 1 ? '' : 's'}`;
}

function halves(value: number): string {
  const whole = Math.floor(value);
  return value - whole === 0.5 ? `${whole === 0 ? '' : whole}\u00bd` : `${whole}`;
}

/**
 * Words a span between two points in time (Moscow wall-clock ms). Within two days, when both ends have a time of
 * day, the span is in hours ("about 15 hours"); otherwise in calendar days ("39 days": 20 Sep to 29 Oct), months
 * from 100 days on, years from two years on.
 */
export function wordSpan(a: When, b: When): Omit<IntervalSpan, 'from' | 'to' | 'start' | 'end'> {
  const timed = a.timed && b.timed;
  const days = calendarDays(a.date, b.date);
  const diff = b.ms - a.ms;
  const hours = timed ? diff / HOUR : null;
  const base = { timed, days, hours };
  if (timed && diff < 2 * DAY) {
    const minutes = Math.round(diff / 60_000);
    if (minutes < 60) return { ...base, unit: 'minutes', value: minutes, approximate: false, text: plural(minutes, 'minute') };
    const exact = minutes % 60 === 0;
    const value = Math.round(minutes / 60);
    return { ...base, unit: 'hours', value, approximate: !exact, text: `${exact ? '' : 'about '}${plural(value, 'hour')}` };
  }
  if (days === 0) return { ...base, unit: 'days', value: 0, approximate: false, text: 'the same day' };
  if (days < 100) return { ...base, unit: 'days', value: days, approximate: false, text: plural(days, 'day') };
  const [ya, ma, da] = a.date.split('-').map(Number) as [number, number, number];
  const [yb, mb, db] = b.date.split('-').map(Number) as [number, number, number];
  const months = (yb - ya) * 12 + (mb - ma) + (db - da) / 30.44;
  const sameDayOfMonth = da === db;
  if (months < 24) {
    const value = Math.round(months);
    const approximate = !sameDayOfMonth;
    return { ...base, unit: 'months', value, approximate, text: `${approximate ? 'about ' : ''}${plural(value, 'month')}` };
  }
  const value = Math.round((months / 12) * 2) / 2;
  const approximate = !(sameDayOfMonth && ma === mb);
  const word = value === 1 ? 'year' : 'years';
  return { ...base, unit: 'years', value, approximate, text: `${approximate ? 'about ' : ''}${halves(value)} ${word}` };
}

/**
 * The span between two events, in either order: from the earlier event's end (when it has one and it ends
 * before the later event starts: the end of voting, not its first day) to the later event's start.
 */
export function intervalBetween(a: EventRow, b: EventRow): IntervalSpan {
  const [first, second] = parseWhen(a.start).ms <= parseWhen(b.start).ms ? [a, b] : [b, a];
  const later = parseWhen(second.start);
  let earlier = parseWhen(first.start);
  let start = earlier.ms;
  if (first.end !== null) {
    const end = parseWhen(first.end);
    const endMs = end.timed ? end.ms : end.ms + DAY;
    if (endMs <= later.ms || end.date < later.date) {
      earlier = end;
      start = Math.min(endMs, later.ms);
    }
  }
  return { from: first.id, to: second.id, start, end: later.ms, ...wordSpan(earlier, later) };
}

// ---------------------------------------------------------------------------------------------------------------
// Ticks

export type TickUnit = 'hour' | 'day' | 'month' | 'year';

const TICK_STEPS: readonly { unit: TickUnit; step: number; ms: number; interval: TimeInterval }[] = [
  { unit: 'hour', step: 1, ms: HOUR, interval: utcHour },
  { unit: 'hour', step: 3, ms: 3 * HOUR, interval: utcHour.every(3)! },
  { unit: 'hour', step: 6, ms: 6 * HOUR, interval: utcHour.every(6)! },
  { unit: 'hour', step: 12, ms: 12 * HOUR, interval: utcHour.every(12)! },
  { unit: 'day', step: 1, ms: DAY, interval: utcDay },
  { unit: 'day', step: 2, ms: 2 * DAY, interval: utcDay.every(2)! },
  // every(7) counts from the 1st of each month: 1, 8, 15, 22, 29.
  { unit: 'day', step: 7, ms: 7 * DAY, interval: utcDay.every(7)! },
  { unit: 'month', step: 1, ms: 30.44 * DAY, interval: utcMonth },
  { unit: 'month', step: 2, ms: 2 * 30.44 * DAY, interval: utcMonth.every(2)! },
  { unit: 'month', step: 3, ms: 3 * 30.44 * DAY, interval: utcMonth.every(3)! },
  { unit: 'month', step: 6, ms: 6 * 30.44 * DAY, interval: utcMonth.every(6)! },
  { unit: 'year', step: 1, ms: 365.25 * DAY, interval: utcYear },
  { unit: 'year', step: 2, ms: 2 * 365.25 * DAY, interval: utcYear.every(2)! },
  { unit: 'year', step: 5, ms: 5 * 365.25 * DAY, interval: utcYear.every(5)! },
  { unit: 'year', step: 10, ms: 10 * 365.25 * DAY, interval: utcYear.every(10)! },
  { unit: 'year', step: 25, ms: 25 * 365.25 * DAY, interval: utcYear.every(25)! },
];

function tickLabel(ms: number, unit: TickUnit, first: boolean): string {
  const date = new Date(ms);
  const y = date.getUTCFullYear();
  const m = MONTHS[date.getUTCMonth()]!;
  const d = date.getUTCDate();
  const h = date.getUTCHours();
  switch (unit) {
    case 'year':
      return `${y}`;
    case 'month':
      return first || date.getUTCMonth() === 0 ? `${m} ${y}` : m;
    case 'day':
      return first || d === 1 ? `${d} ${m}` : `${d}`;
    case 'hour':
      return h === 0 ? `${d} ${m}` : `${String(h).padStart(2, '0')}:00`;
  }
}

export interface TickMark {
  readonly t: number;
  /** Position along the time axis, px. */
  readonly pos: number;
  readonly label: string;
}

/**
 * Ticks that suit the span: the finest of hours, days, months or years whose labels keep `minGap` px apart
 * (horizontal) or stay at least `minSpacing` px apart (vertical).
 */
export function chooseTicks(
  domain: readonly [number, number],
  range: readonly [number, number],
  options: { measure: Measure; fontSize: number; horizontal: boolean },
): { unit: TickUnit; step: number; ticks: TickMark[] } {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const pxPerMs = Math.abs(r1 - r0) / (d1 - d0);
  const scale = (t: number) => r0 + ((t - d0) / (d1 - d0)) * (r1 - r0);
  let chosen: { unit: TickUnit; step: number; ticks: TickMark[] } | null = null;
  for (const candidate of TICK_STEPS) {
    // A rough pre-check on the nominal step, then the real check on the labels.
    if (candidate.ms * pxPerMs < (options.horizontal ? 24 : options.fontSize * 2)) continue;
    const times = candidate.interval.range(new Date(d0), new Date(d1 + 1)).map((d) => d.getTime());
    if (times.length < 2 && candidate !== TICK_STEPS[TICK_STEPS.length - 1]) continue;
    const ticks = times.map((t, i) => ({ t, pos: scale(t), label: tickLabel(t, candidate.unit, i === 0) }));
    let fits = true;
    for (let i = 1; i < ticks.length; i++) {
      const gap = Math.abs(ticks[i]!.pos - ticks[i - 1]!.pos);
      // Sparse on purpose: an axis with a label every 60 px or more reads at a glance.
      const need = options.horizontal
        ? Math.max(60, (options.measure(ticks[i]!.label, false, options.fontSize) + options.measure(ticks[i - 1]!.label, false, options.fontSize)) / 2 + 16)
        : options.fontSize * 2.4;
      if (gap < need) {
        fits = false;
        break;
      }
    }
    chosen = { unit: candidate.unit, step: candidate.step, ticks };
    if (fits) break;
  }
  return chosen!;
}

// ---------------------------------------------------------------------------------------------------------------
// Text width

/** Width of `text` in px at `fontSize`, bold or not. The element measures with a canvas; tests use the estimate. */
export type Measure = (text: string, bold: boolean, fontSize: number) => number;

/** Shortens `text` with an ellipsis to fit `maxWidth`; keeps at least one character. */
export function truncate(text: string, maxWidth: number, measure: (text: string) => number): string {
  if (measure(text) <= maxWidth) return text;
  let lo = 1;
  let hi = text.length - 1;
  let best = 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (measure(`${text.slice(0, mid).trimEnd()}\u2026`) <= maxWidth) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return `${text.slice(0, best).replace(/[\s,.;:'\u2019-]+$/, '')}\u2026`;
}

// ---------------------------------------------------------------------------------------------------------------
// Marks

export type Orientation = 'horizontal' | 'vertical';
export type Emphasis = 'emphasis' | 'normal' | 'muted';

export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface LabelMark {
  readonly text: string;
  /** The label before any abbreviation. */
  readonly full: string;
  /** `short`: the short column replaced the label; `ellipsis`: it was cut to fit. */
  readonly abbreviated: 'none' | 'short' | 'ellipsis';
  /** Text anchor point: x of the start or end of the text, y of its middle. */
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'end';
  readonly bold: boolean;
  readonly fontSize: number;
  /** Around the label and its date line. */
  readonly box: Box;
  /** The event's date as a smaller line above the label, when there is room for two lines. */
  readonly date: { readonly text: string; readonly y: number; readonly fontSize: number } | null;
}

export interface EventMark {
  readonly id: string;
  readonly kind: EventKind;
  readonly emphasis: Emphasis;
  /** Moscow wall-clock ms. */
  readonly start: number;
  readonly end: number | null;
  /** A bar shorter than a mark is drawn as a mark. */
  readonly shape: 'point' | 'bar';
  /** Along the time axis, clipped to the window. */
  readonly p0: number;
  readonly p1: number;
  readonly clippedStart: boolean;
  readonly clippedEnd: boolean;
  /** Where the leader starts: the point, or the start of the bar. */
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
  readonly bar: Box | null;
  /** Polyline from the mark to its label (none when a cluster's label names the event). */
  readonly leader: readonly (readonly [number, number])[];
  /** An event in a cluster has no label of its own (its text is empty): the cluster's names it. */
  readonly label: LabelMark;
  /** The key of the cluster the event belongs to, or null. */
  readonly cluster: string | null;
}

/**
 * Events too close together on a long axis to label one by one, labelled as one: "10 events, September 2023 to
 * March 2024". Their marks stay on the track; a band beside it spans them.
 */
export interface ClusterMark {
  readonly key: string;
  readonly ids: readonly string[];
  /** The members' labels, in date order. */
  readonly names: readonly string[];
  readonly start: number;
  readonly end: number;
  /** Along the time axis: the first and last member's positions. */
  readonly p0: number;
  readonly p1: number;
  /** SVG path of the band that spans the members. */
  readonly path: string;
  readonly leader: readonly (readonly [number, number])[];
  readonly label: LabelMark;
}

export interface IntervalMark {
  readonly span: IntervalSpan;
  readonly p0: number;
  readonly p1: number;
  readonly clippedStart: boolean;
  readonly clippedEnd: boolean;
  /** SVG path of the bracket. */
  readonly path: string;
  readonly label: LabelMark;
  /** From the bracket's middle to its label, in the vertical layout. */
  readonly leader: readonly (readonly [number, number])[] | null;
}

export interface AxisMarks {
  readonly unit: TickUnit;
  readonly step: number;
  readonly ticks: readonly TickMark[];
  /** Where the axis line sits: y of a horizontal axis, x of a vertical one. */
  readonly offset: number;
  /** The area the axis and its tick labels take up. */
  readonly box: Box;
  readonly fontSize: number;
  /** "Moscow time (UTC+3)" when the ticks are hours. */
  readonly note: { readonly text: string; readonly x: number; readonly y: number; readonly anchor: 'start' | 'end' } | null;
}

/** One entry of the chart's key: a swatch (a bar or a dot, drawn as the marks are) and what it means. */
export interface LegendEntry {
  readonly code: 'bar' | 'point';
  readonly text: string;
  readonly swatch: Box;
  /** Text start and middle. */
  readonly x: number;
  readonly y: number;
  readonly fontSize: number;
}

/** What the timeline's coded marks mean: a bar is an event that lasted, drawn to scale; a dot, an event on a date. */
export const LEGEND_WORDS = { bar: 'how long it lasted', point: 'a date' } as const;

/** True when some event in the window lasts (has an end on a later day), so the chart may draw bars. */
export function hasLastingEvents(rows: readonly EventRow[], state: ChartState): boolean {
  return visibleRows(rows, state).some((row) => row.end !== null && parseWhen(row.end).date !== parseWhen(row.start).date);
}

/** The key as a sentence, for screen readers; null when the window has no lasting event. */
export function legendSentence(rows: readonly EventRow[], state: ChartState): string | null {
  return hasLastingEvents(rows, state) ? `Key: a bar shows ${LEGEND_WORDS.bar}; a dot marks ${LEGEND_WORDS.point}.` : null;
}

/** The tops of the labels drawn. */
function labelTops(events: readonly EventMark[], clusters: readonly ClusterMark[]): number[] {
  return [...events.filter((e) => !e.cluster).map((e) => e.label.box.y0), ...clusters.map((c) => c.label.box.y0)];
}

/** The key's entries in a row from (x, y): swatch, words, a gap, the next. */
function legendRow(x: number, y: number, fontSize: number, measure: Measure): LegendEntry[] {
  const entries: LegendEntry[] = [];
  let at = x;
  for (const code of ['bar', 'point'] as const) {
    const swatch = code === 'bar' ? { x0: at, x1: at + 16, y0: y - 3, y1: y + 3 } : { x0: at + 1, x1: at + 8, y0: y - 3.5, y1: y + 3.5 };
    const textX = swatch.x1 + 5;
    entries.push({ code, text: LEGEND_WORDS[code], swatch, x: textX, y, fontSize });
    at = textX + measure(LEGEND_WORDS[code], false, fontSize) + 14;
  }
  return entries;
}

export interface TimelineMarks {
  readonly orientation: Orientation;
  readonly width: number;
  readonly height: number;
  /** Moscow wall-clock ms of the window's start and end. */
  readonly domain: readonly [number, number];
  /** Pixel positions the domain maps to (x when horizontal, y when vertical). */
  readonly range: readonly [number, number];
  /** The track the marks sit on: y when horizontal, x when vertical. */
  readonly track: number;
  readonly fontSize: number;
  readonly axis: AxisMarks;
  readonly events: readonly EventMark[];
  readonly clusters: readonly ClusterMark[];
  readonly interval: IntervalMark | null;
  /** The key to bars and dots, when a bar is drawn. */
  readonly legend: readonly LegendEntry[];
  /** True when some label could not be fitted without touching another (too little room). */
  readonly overflow: boolean;
}

/** Below this width the time axis runs down the page. */
export const VERTICAL_BELOW = 600;

const GAP = 6; // px between two labels in one lane
/** The most rows of labels a long horizontal axis stacks. */
export const MAX_LONG_ROWS = 5;
const PAD = 4; // px between a leader and its own label's text
// px a leader keeps clear of another label's text; small, so leaders of events on nearly the same date (which
// nearly coincide) do not count as running through each other's labels.
const CLEAR = 2;

/**
 * The marks for a state at a size. Labels are measured by `measure` (the font's metrics by default) with a pixel of
 * slack, because canvas and SVG text round differently.
 */
export function layout({ rows, state, size, measure: measureText = estimateWidth }: LayoutInput<EventRow>): TimelineMarks {
  const measure: Measure = (text, bold, fontSize) => measureText(text, fontSize, { weight: bold ? 700 : 400 }) + 1;
  const domain = windowOf(state);
  const visible = visibleRows(rows, state);
  const highlighted = new Set(splitIds(state.highlight ?? ''));
  const emphasisOf = (id: string): Emphasis => (highlighted.size === 0 ? 'normal' : highlighted.has(id) ? 'emphasis' : 'muted');
  const ids = splitIds(state.interval ?? '');
  const pair = ids.length === 2 ? ids.map((id) => rows.find((row) => row.id === id)) : [];
  const span = pair.length === 2 && pair[0] && pair[1] && pair[0] !== pair[1] ? intervalBetween(pair[0], pair[1]) : null;
  const input: Input = { rows: visible, domain, emphasisOf, span, measure, size };
  return size.width < VERTICAL_BELOW ? layoutVertical(input) : layoutHorizontal(input);
}

interface Input {
  readonly rows: readonly EventRow[];
  readonly domain: readonly [number, number];
  readonly emphasisOf: (id: string) => Emphasis;
  readonly span: IntervalSpan | null;
  readonly measure: Measure;
  readonly size: Size;
}

const PRIORITY: Record<Emphasis, number> = { emphasis: 2, normal: 1, muted: 0 };
const RADIUS: Record<Emphasis, number> = { emphasis: 6, normal: 4.5, muted: 3.5 };

function scaler(domain: readonly [number, number], range: readonly [number, number]): (t: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  return (t) => r0 + ((t - d0) / (d1 - d0)) * (r1 - r0);
}

/** Where an event sits along the time axis, clipped to the window. */
function along(row: EventRow, domain: readonly [number, number], scale: (t: number) => number, r: number) {
  const { start, end } = extentOf(row);
  const [d0, d1] = domain;
  const p0 = scale(Math.max(start, d0));
  const p1 = scale(Math.min(end ?? start, d1));
  const shape: 'point' | 'bar' = end !== null && Math.abs(p1 - p0) >= 2 * r ? 'bar' : 'point';
  return { start, end, p0, p1, shape, clippedStart: start < d0, clippedEnd: (end ?? start) > d1 };
}

/** Each visible event placed along the time axis, with its emphasis, mark radius and date line. */
function placeEvents(input: Input, domain: readonly [number, number], scale: (t: number) => number) {
  const windowMs = domain[1] - domain[0];
  return input.rows.map((row) => {
    const emphasis = input.emphasisOf(row.id);
    const r = RADIUS[emphasis];
    return { row, emphasis, r, date: dateLine(row, windowMs), ...along(row, domain, scale, r) };
  });
}

type PlacedEvent = ReturnType<typeof placeEvents>[number];

/** The fields of an event's mark that do not depend on which way the axis runs. */
function axisFields(g: PlacedEvent) {
  const { start, end, shape, p0, p1, clippedStart, clippedEnd, r, emphasis } = g;
  return { id: g.row.id, kind: g.row.kind, emphasis, start, end, shape, p0, p1, clippedStart, clippedEnd, r };
}

function clipSpan(span: IntervalSpan, domain: readonly [number, number], scale: (t: number) => number) {
  const [d0, d1] = domain;
  if (span.end < d0 || span.start > d1) return null;
  return {
    p0: scale(Math.max(span.start, d0)),
    p1: scale(Math.min(span.end, d1)),
    clippedStart: span.start < d0,
    clippedEnd: span.end > d1,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Clusters

/** Windows longer than this are "long": only there are dense runs of events drawn as clusters. */
export const CLUSTER_WINDOW = 3 * 365.25 * DAY;
/** A cluster has at least this many members... */
const CLUSTER_MIN = 3;
/** ...each less than half a year after the one before: on a long axis, half a year is a few pixels. */
export const CLUSTER_GAP = 183 * DAY;


export interface Cluster {
  readonly key: string;
  readonly members: readonly PlacedEvent[];
  readonly start: number;
  readonly end: number;
  readonly p0: number;
  readonly p1: number;
}

/** What a cluster's mark says of it in either orientation: which events it stands for, and where. */
function clusterIdentity(c: Cluster): Pick<ClusterMark, 'key' | 'ids' | 'names' | 'start' | 'end' | 'p0' | 'p1'> {
  return { key: c.key, ids: c.members.map((g) => g.row.id), names: c.members.map((g) => g.row.label), start: c.start, end: c.end, p0: c.p0, p1: c.p1 };
}

/**
 * Runs of at least three events that are not emphasized, each less than half a year after the one before, in a
 * window longer than three years: those events are too close to label one by one and are labelled as a cluster. Emphasized events keep their own labels and leave any run they fall in. Zoomed
 * windows never cluster, so the story's close-up states are drawn event by event.
 */
export function findClusters(events: readonly PlacedEvent[], domain: readonly [number, number]): Cluster[] {
  if (domain[1] - domain[0] <= CLUSTER_WINDOW) return [];
  const candidates = events.filter((g) => g.emphasis !== 'emphasis' && g.shape === 'point').sort((a, b) => a.start - b.start);
  const runs: PlacedEvent[][] = [];
  for (const g of candidates) {
    const run = runs.at(-1);
    if (run && g.start - run.at(-1)!.start < CLUSTER_GAP) run.push(g);
    else runs.push([g]);
  }
  return runs
    .filter((run) => run.length >= CLUSTER_MIN)
    .map((run) => ({
      key: `cluster-${run[0]!.row.id}`,
      members: run,
      start: Math.min(...run.map((g) => g.start)),
      end: Math.max(...run.map((g) => g.end ?? g.start)),
      p0: Math.min(...run.map((g) => g.p0)),
      p1: Math.max(...run.map((g) => g.p0)),
    }));
}

/** "10 events, September 2023 to March 2024" and "10 events, Sep 2023 to Mar 2024"; within one month, its name once. */
export function clusterWords(cluster: Pick<Cluster, 'members' | 'start' | 'end'>): { full: string; short: string; date: string } {
  const a = new Date(cluster.start);
  const b = new Date(cluster.end);
  const month = (d: Date, names: readonly string[]) => `${names[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  const same = a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth();
  const span = (names: readonly string[]) => (same ? month(a, names) : `${month(a, names)} to ${month(b, names)}`);
  const count = `${cluster.members.length} events`;
  return {
    full: `${count}, ${span(FULL_MONTHS)}`,
    short: `${count}, ${span(MONTHS)}`,
    date: same ? `${a.getUTCDate()}\u2013${dayMonth(cluster.end)} ${b.getUTCFullYear()}` : `${dayMonth(cluster.start)} ${a.getUTCFullYear()} \u2013 ${dayMonth(cluster.end)} ${b.getUTCFullYear()}`,
  };
}

/** The label of an event placed on its own, or of a cluster. */
type Labelled =
  | { readonly kind: 'event'; readonly g: PlacedEvent }
  | { readonly kind: 'cluster'; readonly c: Cluster };

/** What gets a label: each event outside a cluster, and each cluster, in time order. */
function labelled(geometry: readonly PlacedEvent[], clusters: readonly Cluster[]): Labelled[] {
  const inCluster = new Set(clusters.flatMap((c) => c.members.map((g) => g.row.id)));
  const out: Labelled[] = [
    ...geometry.filter((g) => !inCluster.has(g.row.id)).map((g) => ({ kind: 'event' as const, g })),
    ...clusters.map((c) => ({ kind: 'cluster' as const, c })),
  ];
  const timeOf = (l: Labelled) => (l.kind === 'event' ? l.g.start : l.c.start);
  return out.sort((a, b) => timeOf(a) - timeOf(b));
}

/** Which cluster each clustered event is in. */
function clusterOf(clusters: readonly Cluster[]): Map<string, string> {
  return new Map(clusters.flatMap((c) => c.members.map((g) => [g.row.id, c.key] as const)));
}

/** The label of an event in a cluster: none of its own, an empty box at its mark. */
function silentLabel(x: number, y: number, fontSize: number): LabelMark {
  return { text: '', full: '', abbreviated: 'none', x, y, anchor: 'start', bold: false, fontSize, box: { x0: x, x1: x, y0: y, y1: y }, date: null };
}

// ---------------------------------------------------------------------------------------------------------------
// Horizontal: time runs left to right; labels stack in lanes above the track, each beside the top of its leader.

export interface LaneItem {
  readonly id: string;
  /** x of the item's leader. */
  readonly line: number;
  readonly priority: number;
  readonly time: number;
  readonly full: string;
  readonly short: string;
  readonly bold: boolean;
  /** The label takes at least this width (its date line), however it is abbreviated. */
  readonly minWidth: number;
}

export interface LanePlaced {
  readonly item: LaneItem;
  readonly lane: number;
  readonly lo: number;
  readonly hi: number;
  readonly text: string;
  readonly abbreviated: 'none' | 'short' | 'ellipsis';
  readonly anchor: 'start' | 'end';
  readonly textX: number;
}

export interface LaneOptions {
  readonly left: number;
  readonly right: number;
  readonly maxLane: number;
  readonly width: (text: string, bold: boolean) => number;
  /** Stack labels by date alone, emphasized or not (a long axis, where a staircase out of order misleads). */
  readonly dateOrder?: boolean;
}

/**
 * Places labels in lanes so that no two labels touch and no leader runs through a label: a label whose span
 * covers another event's leader sits in a higher lane than that event's label. Labels are placed one by one,
 * each only once every leader it would cover is placed (so each takes the lowest lane that clears them),
 * emphasized labels first; when the lanes run out, the short label is tried, then an ellipsis.
 */
export function placeInLanes(items: readonly LaneItem[], options: LaneOptions): { placed: LanePlaced[]; overflow: boolean } {
  const placed: LanePlaced[] = [];
  let overflow = false;
  const covers = (lo: number, hi: number, x: number) => lo - CLEAR <= x && x <= hi + CLEAR;
  const widthOf = (item: LaneItem, text: string) => Math.max(options.width(text, item.bold), item.minWidth);

  const geometry = (item: LaneItem, text: string, anchor: 'start' | 'end') => {
    const w = widthOf(item, text);
    const textX = anchor === 'start' ? item.line + PAD : item.line - PAD;
    const [lo, hi] = anchor === 'start' ? [textX, textX + w] : [textX - w, textX];
    return { lo, hi, textX, inside: lo >= options.left && hi <= options.right };
  };
  // Events on (nearly) one date share a leader, so their labels stack in time order: labels that hang right of
  // their leaders step up towards the earliest, labels that hang left step up towards the latest, as the
  // staircases around them do. Emphasized labels go first, so they get the lanes nearest the track.
  const order = (item: LaneItem) => (geometry(item, item.full, 'start').inside ? -item.time : item.time);
  const rank = (item: LaneItem) => (options.dateOrder ? 0 : item.priority);
  const unplaced = [...items].sort((a, b) => rank(b) - rank(a) || order(a) - order(b) || a.line - b.line);

  /** The highest lane this item's own leader may reach: below every placed label that covers it. */
  const ceilingFor = (item: LaneItem) =>
    placed.reduce((ceiling, p) => (covers(p.lo, p.hi, item.line) ? Math.min(ceiling, p.lane - 1) : ceiling), options.maxLane);

  const lowestLane = (item: LaneItem, lo: number, hi: number): number | null => {
    if (unplaced.some((u) => u !== item && covers(lo, hi, u.line))) return null;
    const floor = placed.reduce((f, p) => (covers(lo, hi, p.item.line) ? Math.max(f, p.lane + 1) : f), 0);
    const ceiling = ceilingFor(item);
    for (let lane = floor; lane <= ceiling; lane++) {
      if (!placed.some((p) => p.lane === lane && lo < p.hi + GAP && p.lo < hi + GAP)) return lane;
    }
    return null;
  };

  const tryLevel = (level: 'full' | 'short'): LanePlaced | null => {
    for (const item of unplaced) {
      const text = level === 'full' ? item.full : item.short;
      if (level === 'short' && text === item.full) continue;
      const anchors: ('start' | 'end')[] = geometry(item, text, 'start').inside ? ['start', 'end'] : ['end', 'start'];
      for (const anchor of anchors) {
        const g = geometry(item, text, anchor);
        if (!g.inside) continue;
        const lane = lowestLane(item, g.lo, g.hi);
        if (lane !== null) {
          return { item, lane, lo: g.lo, hi: g.hi, text, abbreviated: level === 'full' ? 'none' : 'short', anchor, textX: g.textX };
        }
      }
    }
    return null;
  };

  /** The roomiest lane and side left for this label, cut to fit with an ellipsis. */
  const squeeze = (item: LaneItem): LanePlaced => {
    const ceiling = ceilingFor(item);
    let best: { lane: number; anchor: 'start' | 'end'; room: number } | null = null;
    for (let lane = 0; lane <= Math.max(ceiling, 0); lane++) {
      for (const anchor of ['start', 'end'] as const) {
        const textX = anchor === 'start' ? item.line + PAD : item.line - PAD;
        let limit = anchor === 'start' ? options.right : options.left;
        let blocked = false;
        const obstacle = (lo: number, hi: number, clear: number) => {
          if (anchor === 'start') {
            if (hi + clear > textX && lo - clear <= textX) blocked = true;
            else if (lo - clear > textX) limit = Math.min(limit, lo - clear);
          } else {
            if (lo - clear < textX && hi + clear >= textX) blocked = true;
            else if (hi + clear < textX) limit = Math.max(limit, hi + clear);
          }
        };
        for (const u of unplaced) if (u !== item) obstacle(u.line, u.line, CLEAR);
        for (const p of placed) {
          if (p.lane >= lane) obstacle(p.item.line, p.item.line, CLEAR);
          if (p.lane === lane) obstacle(p.lo, p.hi, GAP);
        }
        const room = blocked ? 0 : Math.abs(limit - textX);
        if (!best || room > best.room + 0.5) best = { lane, anchor, room };
      }
    }
    const { lane, anchor, room } = best!;
    const text = truncate(item.short, room, (t) => options.width(t, item.bold));
    const w = widthOf(item, text);
    if (w > room) overflow = true;
    const textX = anchor === 'start' ? item.line + PAD : item.line - PAD;
    const [lo, hi] = anchor === 'start' ? [textX, textX + w] : [textX - w, textX];
    const abbreviated = text === item.full ? 'none' : text === item.short ? 'short' : 'ellipsis';
    return { item, lane, lo, hi, text, abbreviated, anchor, textX };
  };

  while (unplaced.length) {
    const next = tryLevel('full') ?? tryLevel('short') ?? squeeze(unplaced[0]!);
    placed.push(next);
    unplaced.splice(unplaced.indexOf(next.item), 1);
  }
  return { placed, overflow };
}

/**
 * True when labels stacked over one another hang like stairs in date order: of two that hang left of their
 * leaders, the higher is the later; of two that hang right, the higher is the earlier.
 */
export function inDateOrder(placed: readonly LanePlaced[]): boolean {
  for (const a of placed) {
    for (const b of placed) {
      if (a.lane <= b.lane || a.anchor !== b.anchor || a.hi <= b.lo || b.hi <= a.lo) continue;
      if (a.anchor === 'end' ? a.item.time < b.item.time : a.item.time > b.item.time) return false;
    }
  }
  return true;
}

/** How many labels a placement had to shorten, counting an overflow as worse than any number of them. */
function cost(result: { placed: readonly { abbreviated: string }[]; overflow: boolean }): number {
  return result.placed.filter((p) => p.abbreviated !== 'none').length + (result.overflow ? 1000 : 0);
}

function layoutHorizontal(input: Input): TimelineMarks {
  const { size, domain, measure, span } = input;
  const { width, height } = size;
  const fontSize = width >= 1000 ? 13 : 12;
  const dateFont = fontSize - 2;
  const tickFont = fontSize - 1;
  const side = 28;
  const range: [number, number] = [side, width - side];
  const scale = scaler(domain, range);
  const { unit, step, ticks } = chooseTicks(domain, range, { measure, fontSize: tickFont, horizontal: true });
  const note = unit === 'hour' ? 'Moscow time (UTC+3)' : null;
  const axisY = height - (note ? 40 : 22);
  const intervalY = axisY - 10;
  const bracketY = axisY - 24;
  const trackY = axisY - 38;
  const laneFloor = trackY - 16;
  const geometry = placeEvents(input, domain, scale);
  // The key to bars and dots takes the top line, above the labels' rows.
  const legendY = 9;
  const keyed = geometry.some((g) => g.shape === 'bar');
  const available = laneFloor - 6 - (keyed ? legendY + 9 : 0);

  // On a long axis, a run of events months apart is labelled as one cluster.
  const long = domain[1] - domain[0] > CLUSTER_WINDOW;
  const clusters = findClusters(geometry, domain);
  const clusterKeys = clusterOf(clusters);
  const words = new Map(clusters.map((c) => [c.key, clusterWords(c)]));
  const clusterLine = (c: Cluster) => (c.p0 + c.p1) / 2;

  // Two lines (date, then label) where the lanes allow; one line where two would force abbreviations.
  const dateHeight = Math.round(dateFont * 1.3);
  const labelHeight = Math.round(fontSize * 1.35);
  const attempt = (withDates: boolean, context: 'full' | 'short' | 'all short' = 'full') => {
    const block = labelHeight + (withDates ? dateHeight : 0);
    const pitch = block + 3;
    // A long axis stacks its labels five rows deep at most: short labels take the place of a sixth row.
    const maxLane = Math.min(long ? MAX_LONG_ROWS - 1 : Infinity, Math.max(0, Math.floor((available + 3) / pitch) - 1));
    const items: LaneItem[] = labelled(geometry, clusters).map((l) =>
      l.kind === 'event'
        ? {
            id: l.g.row.id,
            line: l.g.p0,
            priority: PRIORITY[l.g.emphasis],
            time: l.g.start,
            // The context (events not emphasized) in their short words: a long axis has room for fewer.
            full: context === 'all short' || (context === 'short' && l.g.emphasis !== 'emphasis') ? l.g.row.short : l.g.row.label,
            short: l.g.row.short,
            bold: l.g.emphasis === 'emphasis',
            minWidth: withDates ? measure(l.g.date, false, dateFont) : 0,
          }
        : {
            id: l.c.key,
            line: clusterLine(l.c),
            priority: PRIORITY.normal,
            time: l.c.start,
            full: context === 'full' ? words.get(l.c.key)!.full : words.get(l.c.key)!.short,
            short: words.get(l.c.key)!.short,
            bold: false,
            minWidth: withDates ? measure(words.get(l.c.key)!.date, false, dateFont) : 0,
          },
    );
    const result = placeInLanes(items, { left: 4, right: width - 4, maxLane, width: (text, bold) => measure(text, bold, fontSize), dateOrder: long });
    return { ...result, block, pitch, withDates };
  };
  let chosen = attempt(true);
  if (cost(chosen) > 0) {
    const plain = attempt(false);
    if (cost(plain) <= cost(chosen)) chosen = plain;
  }
  // A long axis reads in date order: if the labels' stairs came out of order (the rows ran out and a label was
  // squeezed in where it fitted), the context takes its short words, and if that is not enough, every label.
  if (long && (cost(chosen) > 0 || !inDateOrder(chosen.placed))) {
    const terse = [attempt(true, 'short'), attempt(false, 'short'), attempt(true, 'all short'), attempt(false, 'all short')].find(
      (a) => !a.overflow && inDateOrder(a.placed),
    );
    if (terse) chosen = terse;
  }
  // Few lanes in a tall box: taller flags fill it, up to two and a half times their height, rather than leave
  // it empty.
  const used = Math.max(1, ...chosen.placed.map((p) => p.lane + 1));
  const pitch = Math.max(chosen.pitch, Math.min(chosen.pitch * 2.5, (available + 3) / used));
  const byId = new Map(chosen.placed.map((p) => [p.item.id, p]));

  const events: EventMark[] = geometry.map((g) => {
    const cluster = clusterKeys.get(g.row.id) ?? null;
    if (cluster) {
      const bar = g.shape === 'bar' ? { x0: g.p0, x1: g.p1, y0: trackY - g.r + 1, y1: trackY + g.r - 1 } : null;
      return { ...axisFields(g), cx: g.p0, cy: trackY, bar, leader: [], label: silentLabel(g.p0, trackY, fontSize), cluster };
    }
    const p = byId.get(g.row.id)!;
    const bottom = laneFloor - p.lane * pitch;
    const top = bottom - chosen.block;
    const labelY = bottom - labelHeight / 2;
    return {
      ...axisFields(g),
      cx: g.p0,
      cy: trackY,
      bar: g.shape === 'bar' ? { x0: g.p0, x1: g.p1, y0: trackY - g.r + 1, y1: trackY + g.r - 1 } : null,
      leader: [
        [g.p0, trackY - g.r - 2],
        [g.p0, top + 2],
      ],
      label: {
        text: p.text,
        full: g.row.label,
        abbreviated: p.text !== g.row.label && p.abbreviated === 'none' ? 'short' : p.abbreviated,
        x: p.textX,
        y: labelY,
        anchor: p.anchor,
        bold: p.item.bold,
        fontSize,
        box: { x0: p.lo, x1: p.hi, y0: top, y1: bottom },
        date: chosen.withDates ? { text: g.date, y: top + dateHeight / 2, fontSize: dateFont } : null,
      },
      cluster: null,
    };
  });

  // A cluster: a bracket over its members' marks, and a leader from its middle to its label.
  const bandY = trackY - 10;
  const clusterMarks: ClusterMark[] = clusters.map((c) => {
    const p = byId.get(c.key)!;
    const bottom = laneFloor - p.lane * pitch;
    const top = bottom - chosen.block;
    const line = clusterLine(c);
    return {
      ...clusterIdentity(c),
      path: `M${c.p0 - 4},${bandY + 4}V${bandY}H${c.p1 + 4}V${bandY + 4}`,
      leader: [
        [line, bandY],
        [line, top + 2],
      ],
      label: {
        text: p.text,
        full: words.get(c.key)!.full,
        abbreviated: p.text !== words.get(c.key)!.full && p.abbreviated === 'none' ? 'short' : p.abbreviated,
        x: p.textX,
        y: bottom - labelHeight / 2,
        anchor: p.anchor,
        bold: false,
        fontSize,
        box: { x0: p.lo, x1: p.hi, y0: top, y1: bottom },
        date: chosen.withDates ? { text: words.get(c.key)!.date, y: top + dateHeight / 2, fontSize: dateFont } : null,
      },
    };
  });

  let interval: IntervalMark | null = null;
  const clipped = span ? clipSpan(span, domain, scale) : null;
  if (span && clipped) {
    const w = measure(span.text, true, tickFont);
    const mid = (clipped.p0 + clipped.p1) / 2;
    const x = Math.min(Math.max(mid, 4 + w / 2), width - 4 - w / 2);
    const up = trackY + 9;
    interval = {
      span,
      ...clipped,
      path: `M${clipped.p0},${up}V${bracketY}H${clipped.p1}V${up}`,
      label: {
        text: span.text,
        full: span.text,
        abbreviated: 'none',
        x,
        y: intervalY,
        anchor: 'start',
        bold: true,
        fontSize: tickFont,
        box: { x0: x - w / 2, x1: x + w / 2, y0: intervalY - tickFont * 0.6, y1: intervalY + tickFont * 0.6 },
        date: null,
      },
      leader: null,
    };
  }

  return {
    orientation: 'horizontal',
    width,
    height,
    domain,
    range,
    track: trackY,
    fontSize,
    axis: {
      unit,
      step,
      ticks,
      offset: axisY,
      box: { x0: 0, x1: width, y0: axisY, y1: height },
      fontSize: tickFont,
      note: note ? { text: note, x: width - 4, y: height - 7, anchor: 'end' } : null,
    },
    events,
    clusters: clusterMarks,
    interval,
    // Just over the highest label, where the eye starts reading (the line is kept free for it).
    legend: keyed ? legendRow(4, Math.max(legendY, Math.min(...labelTops(events, clusterMarks)) - 16), tickFont, measure) : [],
    overflow: chosen.overflow,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Vertical: time runs down the page; labels form one column, nudged apart in time order.

/**
 * Nudges blocks apart: given each block's wanted top and its height, in order, returns tops such that no two
 * blocks overlap and all lie inside [lo, hi], moving them as little as possible (least squares, by pooling
 * adjacent violators). Keeps the order. If the blocks cannot all fit, they run on past `hi`.
 */
export function dodge(wanted: readonly number[], heights: readonly number[], lo: number, hi: number): number[] {
  const n = wanted.length;
  if (n === 0) return [];
  const before: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    before.push(total);
    total += heights[i]!;
  }
  const blocks: { sum: number; count: number }[] = [];
  for (let i = 0; i < n; i++) {
    blocks.push({ sum: wanted[i]! - before[i]!, count: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]!;
      const prev = blocks[blocks.length - 2]!;
      if (prev.sum / prev.count <= last.sum / last.count) break;
      prev.sum += last.sum;
      prev.count += last.count;
      blocks.pop();
    }
  }
  const fitted: number[] = [];
  for (const block of blocks) for (let i = 0; i < block.count; i++) fitted.push(block.sum / block.count);
  const maxStart = Math.max(lo, hi - total);
  return fitted.map((value, i) => Math.min(Math.max(value, lo), maxStart) + before[i]!);
}

function layoutVertical(input: Input): TimelineMarks {
  const { size, domain, measure, span } = input;
  const { width, height } = size;
  const fontSize = 12;
  const dateFont = 10;
  const tickFont = 11;
  // The key to bars and dots takes the bottom line, under the axis (lasting events in the window may draw bars).
  const keyed = input.rows.some((row) => row.end !== null);
  const bottom = height - 12 - (keyed ? 18 : 0);
  let top = 14;
  let range: [number, number] = [top, bottom];
  let ticked = chooseTicks(domain, range, { measure, fontSize: tickFont, horizontal: false });
  const noteText = ticked.unit === 'hour' ? 'Moscow time (UTC+3)' : null;
  if (noteText) {
    // Room at the top for the note; the ticks are chosen again for the shorter axis.
    top = 34;
    range = [top, bottom];
    ticked = chooseTicks(domain, range, { measure, fontSize: tickFont, horizontal: false });
  }
  const { unit, step, ticks } = ticked;
  const scale = scaler(domain, range);
  const tickWidth = Math.max(0, ...ticks.map((t) => measure(t.label, false, tickFont)));
  const axisX = Math.ceil(4 + tickWidth + 9);
  const bracketX = axisX + 9;
  const trackX = axisX + 22;
  const labelX = trackX + 24;
  const maxWidth = Math.max(12, width - 4 - labelX);
  const dateHeight = Math.round(dateFont * 1.3);

  const geometry = placeEvents(input, domain, scale);
  const clipped = span ? clipSpan(span, domain, scale) : null;
  const clusters = findClusters(geometry, domain);
  const clusterKeys = clusterOf(clusters);
  const words = new Map(clusters.map((c) => [c.key, clusterWords(c)]));

  // Muted labels a size smaller: a crowd of them then pushes the emphasized ones less far from their marks.
  const fontOf = (emphasis: Emphasis) => (emphasis === 'muted' ? fontSize - 1 : fontSize);
  const lineOf = (font: number) => Math.round(font * 1.4);
  interface Entry {
    readonly key: string;
    /** Where the entry's label line should be. */
    readonly target: number;
    readonly time: number;
    readonly dated: boolean;
    readonly font: number;
  }
  // On a narrow column, muted events (context) go without a date line, to leave room for the others'.
  const entries: Entry[] = labelled(geometry, clusters).map((l) =>
    l.kind === 'event'
      ? { key: l.g.row.id, target: l.g.p0, time: l.g.start, dated: l.g.emphasis !== 'muted', font: fontOf(l.g.emphasis) }
      : { key: l.c.key, target: (l.c.p0 + l.c.p1) / 2, time: l.c.start, dated: true, font: fontSize },
  );
  if (span && clipped) {
    entries.push({ key: '#interval', target: (clipped.p0 + clipped.p1) / 2, time: (span.start + span.end) / 2, dated: false, font: fontSize });
  }
  entries.sort((a, b) => a.target - b.target || a.time - b.time);

  // Two lines per event where the column has room for them all, one line otherwise.
  const lo = top - 8;
  const hi = bottom + 8;
  const heightsFor = (withDates: boolean) => entries.map((e) => lineOf(e.font) + (withDates && e.dated ? dateHeight : 0));
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  const arrange = (withDates: boolean) => {
    const heights = heightsFor(withDates);
    const lead = (e: Entry) => (withDates && e.dated ? dateHeight : 0) + lineOf(e.font) / 2;
    const tops = dodge(
      entries.map((e) => e.target - lead(e)),
      heights,
      lo,
      hi,
    );
    const lines = entries.map((e, i) => tops[i]! + lead(e));
    const drift = Math.max(0, ...entries.map((e, i) => Math.abs(lines[i]! - e.target)));
    return { withDates, heights, tops, lines, drift, overflow: sum(heights) > hi - lo };
  };
  // Date lines where they fit without pushing labels much further from their marks than one line would.
  const oneLine = arrange(false);
  const twoLines = arrange(true);
  const chosen = !twoLines.overflow && twoLines.drift <= oneLine.drift + 12 ? twoLines : oneLine;
  const { withDates, overflow } = chosen;
  const placedAt = new Map(entries.map((e, i) => [e.key, { top: chosen.tops[i]!, height: chosen.heights[i]!, line: chosen.lines[i]! }]));

  const fit = (full: string, short: string, bold: boolean, font: number) => {
    const w = (t: string) => measure(t, bold, font);
    if (w(full) <= maxWidth) return { text: full, abbreviated: 'none' as const };
    if (w(short) <= maxWidth) return { text: short, abbreviated: 'short' as const };
    return { text: truncate(short, maxWidth, w), abbreviated: 'ellipsis' as const };
  };

  const elbow = (fromX: number, fromY: number, toY: number): [number, number][] => [
    [fromX, fromY],
    [Math.min(trackX + 10, labelX - 12), fromY],
    [labelX - 9, toY],
    [labelX - 3, toY],
  ];

  const events: EventMark[] = geometry.map((g) => {
    const cluster = clusterKeys.get(g.row.id) ?? null;
    if (cluster) {
      const bar = g.shape === 'bar' ? { x0: trackX - g.r + 1, x1: trackX + g.r - 1, y0: g.p0, y1: g.p1 } : null;
      return { ...axisFields(g), cx: trackX, cy: g.p0, bar, leader: [], label: silentLabel(trackX, g.p0, fontSize), cluster };
    }
    const bold = g.emphasis === 'emphasis';
    const font = fontOf(g.emphasis);
    const { text, abbreviated } = fit(g.row.label, g.row.short, bold, font);
    const at = placedAt.get(g.row.id)!;
    const w = Math.max(measure(text, bold, font), withDates && g.emphasis !== 'muted' ? measure(g.date, false, dateFont) : 0);
    return {
      ...axisFields(g),
      cx: trackX,
      cy: g.p0,
      bar: g.shape === 'bar' ? { x0: trackX - g.r + 1, x1: trackX + g.r - 1, y0: g.p0, y1: g.p1 } : null,
      leader: elbow(trackX + g.r + 2, g.p0, at.line),
      label: {
        text,
        full: g.row.label,
        abbreviated,
        x: labelX,
        y: at.line,
        anchor: 'start',
        bold,
        fontSize: font,
        box: { x0: labelX, x1: labelX + w, y0: at.top + 0.5, y1: at.top + at.height - 0.5 },
        date: withDates && g.emphasis !== 'muted' ? { text: g.date, y: at.top + dateHeight / 2, fontSize: dateFont } : null,
      },
      cluster: null,
    };
  });

  // A cluster: a bracket beside its members' marks, and a leader from its middle to its label in the column.
  const bandX = trackX + 9;
  const clusterMarks: ClusterMark[] = clusters.map((c) => {
    const at = placedAt.get(c.key)!;
    const { full, short, date } = words.get(c.key)!;
    const { text, abbreviated } = fit(full, short, false, fontSize);
    const w = Math.max(measure(text, false, fontSize), withDates ? measure(date, false, dateFont) : 0);
    const mid = (c.p0 + c.p1) / 2;
    return {
      ...clusterIdentity(c),
      path: `M${bandX - 4},${c.p0 - 4}H${bandX}V${c.p1 + 4}H${bandX - 4}`,
      leader: elbow(bandX, mid, at.line),
      label: {
        text,
        full,
        abbreviated,
        x: labelX,
        y: at.line,
        anchor: 'start',
        bold: false,
        fontSize,
        box: { x0: labelX, x1: labelX + w, y0: at.top + 0.5, y1: at.top + at.height - 0.5 },
        date: withDates ? { text: date, y: at.top + dateHeight / 2, fontSize: dateFont } : null,
      },
    };
  });

  let interval: IntervalMark | null = null;
  if (span && clipped) {
    const at = placedAt.get('#interval')!;
    const text = truncate(span.text, maxWidth, (t) => measure(t, true, fontSize));
    const w = measure(text, true, fontSize);
    const mid = (clipped.p0 + clipped.p1) / 2;
    interval = {
      span,
      ...clipped,
      path: `M${bracketX + 6},${clipped.p0}H${bracketX}V${clipped.p1}H${bracketX + 6}`,
      label: {
        text,
        full: span.text,
        abbreviated: text === span.text ? 'none' : 'ellipsis',
        x: labelX,
        y: at.line,
        anchor: 'start',
        bold: true,
        fontSize,
        box: { x0: labelX, x1: labelX + w, y0: at.top + 0.5, y1: at.top + at.height - 0.5 },
        date: null,
      },
      leader: [
        [bracketX, mid],
        [Math.min(trackX + 10, labelX - 12), mid],
        [labelX - 9, at.line],
        [labelX - 3, at.line],
      ],
    };
  }

  return {
    orientation: 'vertical',
    width,
    height,
    domain,
    range,
    track: trackX,
    fontSize,
    axis: {
      unit,
      step,
      ticks,
      offset: axisX,
      box: { x0: 0, x1: axisX, y0: 0, y1: height },
      fontSize: tickFont,
      note: noteText ? { text: noteText, x: 4, y: 14, anchor: 'start' } : null,
    },
    events,
    clusters: clusterMarks,
    interval,
    legend: keyed && geometry.some((g) => g.shape === 'bar') ? legendRow(4, height - 9, tickFont, measure) : [],
    overflow,
  };
}
