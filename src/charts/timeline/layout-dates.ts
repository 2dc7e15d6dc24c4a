/**
 * The timeline's dates: parsing the data's Moscow wall-clock times (see layout.ts), the window a state shows, each
 * event's date line, and the span between two events in words ("39 days", "about 15 hours").
 */
import { type ChartState } from '../shared/schema.ts';
import type { EventRow } from './schema.ts';
import { formatClock, formatDayMonth } from '../shared/wording.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Moscow has kept UTC+3 all year since October 2014; the data's times are Moscow time. */
export const MOSCOW_UTC_OFFSET_HOURS = 3;

/** Month names (the wording module's), under the names the timeline's sentences import them by. */

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

export function dayMonth(ms: number): string {
  return formatDayMonth(new Date(ms));
}

function clockOf(ms: number): string {
  return formatClock(new Date(ms));
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
