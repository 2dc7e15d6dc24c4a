/**
 * Words for the timeline, generated from the data and the state: the one-sentence description a screen reader
 * hears when the state changes, the window's name, the dates in the table, the source line. Pure, like layout.ts.
 */
import { splitIds, type ChartState } from '../shared/schema.ts';
import type { EventRow } from './schema.ts';
import type { ChartText } from '../shared/types.ts';
import type { ChartTable } from '../shared/table.ts';
import { capitalize, formatClock, formatDay, formatShortDay, listOf, MONTHS } from '../shared/wording.ts';
import { DAY, extentOf, intervalBetween, legendSentence, parseWhen, visibleRows, windowOf, wordSpan, type When } from './layout.ts';

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

export function countWords(count: number, noun: string): string {
  const number = count < NUMBER_WORDS.length ? NUMBER_WORDS[count]! : String(count);
  return `${number} ${noun}${count === 1 ? '' : 's'}`;
}

function parts(ms: number): { y: number; m: number; d: number } {
  const date = new Date(ms);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth(), d: date.getUTCDate() };
}

function ordinal(day: number): string {
  const suffix = day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th';
  return `${day}${suffix}`;
}

function clock(ms: number): string {
  return formatClock(new Date(ms));
}

function day(ms: number): string {
  return formatDay(new Date(ms));
}

/** "March 2024", "2024", "1999 to 2024", "22 March 2024", "1 September 2023 to 31 March 2024". */
export function windowName(state: ChartState): string {
  const [w0, w1] = windowOf(state);
  const a = parts(w0);
  const b = parts(w1 - DAY);
  if (w1 - w0 === DAY) return day(w0);
  const wholeYears = a.m === 0 && a.d === 1 && b.m === 11 && b.d === 31;
  if (wholeYears) return a.y === b.y ? `${a.y}` : `${a.y} to ${b.y}`;
  const wholeMonths = a.d === 1 && parts(w1).d === 1;
  if (wholeMonths) {
    if (a.y === b.y && a.m === b.m) return `${MONTHS[a.m]} ${a.y}`;
    if (a.y === b.y) return `${MONTHS[a.m]} to ${MONTHS[b.m]} ${a.y}`;
    return `${MONTHS[a.m]} ${a.y} to ${MONTHS[b.m]} ${b.y}`;
  }
  if (a.y === b.y) return `${a.d} ${MONTHS[a.m]} to ${b.d} ${MONTHS[b.m]} ${a.y}`;
  return `${a.d} ${MONTHS[a.m]} ${a.y} to ${b.d} ${MONTHS[b.m]} ${b.y}`;
}

/** When an event happened, worded for the window: "at 19:58", "on the 7th", "on 29 October", "in 1999". */
function when(row: EventRow, state: ChartState): string {
  const [w0, w1] = windowOf(state);
  const start = parseWhen(row.start);
  if (row.end !== null && start.ms < w0) {
    return `(under way since ${day(start.ms)})`;
  }
  const p = parts(start.ms);
  const span = w1 - w0;
  const a = parts(w0);
  const b = parts(w1 - DAY);
  if (span <= 2 * DAY) return start.timed ? `at ${clock(start.ms)}` : `on ${p.d} ${MONTHS[p.m]}`;
  if (a.y === b.y && a.m === b.m) return `on the ${ordinal(p.d)}`;
  if (span <= 400 * DAY) return a.y === b.y ? `on ${p.d} ${MONTHS[p.m]}` : `on ${p.d} ${MONTHS[p.m]} ${p.y}`;
  return `in ${p.y}`;
}

function phrase(row: EventRow): string {
  return row.phrase || row.label;
}


/**
 * One sentence for the state: the window, how many events it shows and over what span, the first and the last,
 * what is highlighted, and the interval when one is set. Every number is computed here.
 */
export function describeTimeline(rows: readonly EventRow[], state: ChartState): string {
  const visible = visibleRows(rows, state);
  const name = windowName(state);
  const [w0, w1] = windowOf(state);
  const moscow = (text: string) => (w1 - w0 <= 2 * DAY && /at \d\d:\d\d$/.test(text) ? `${text} Moscow time` : text);
  const clauses: string[] = [];
  let spanned: { from: string; to: string; text: string } | null = null;
  if (visible.length === 0) clauses.push(`${name}: no events in this window`);
  else if (visible.length === 1) clauses.push(`${name}: one event, ${phrase(visible[0]!)} ${moscow(when(visible[0]!, state))}`);
  else {
    const first = visible[0]!;
    const last = visible[visible.length - 1]!;
    const between = wordSpan(parseWhen(first.start), parseWhen(last.start));
    spanned = { from: first.id, to: last.id, text: between.text };
    const over =
      between.unit === 'days' && between.value === 0
        ? 'on one day'
        : visible.length === 2
          ? `${between.text} apart`
          : `over ${between.text}`;
    clauses.push(
      `${name}: ${countWords(visible.length, 'event')} ${over}, from ${phrase(first)} ${when(first, state)} to ${phrase(last)} ${moscow(when(last, state))}`,
    );
  }
  const highlighted = splitIds(state.highlight ?? '')
    .map((id) => visible.find((row) => row.id === id))
    .filter((row): row is EventRow => row !== undefined);
  if (highlighted.length && highlighted.length < visible.length) clauses.push(`highlighted: ${listOf(highlighted.map(phrase))}`);
  const pair = splitIds(state.interval ?? '').map((id) => rows.find((row) => row.id === id));
  if (pair.length === 2 && pair[0] && pair[1]) {
    const span = intervalBetween(pair[0], pair[1]);
    const [a, b] = span.from === pair[0].id ? [pair[0], pair[1]] : [pair[1], pair[0]];
    const fromEnd = a.end !== null && span.start !== parseWhen(a.start).ms;
    const said = spanned && spanned.from === a.id && spanned.to === b.id && spanned.text === span.text && !fromEnd;
    if (!said) clauses.push(`from ${fromEnd ? `the end of ${phrase(a)}` : phrase(a)} to ${phrase(b)}: ${span.text}`);
  }
  return `${capitalize(clauses.join('; '))}.`;
}

/** "26 Aug 1999 to 16 Apr 2009", "22 Mar 2024, 19:58 to 20:11", "12 Mar 2024, 05:30". */
export function formatWhen(row: EventRow): string {
  const day = (w: When) => formatShortDay(new Date(w.ms));
  const start = parseWhen(row.start);
  const startText = start.timed ? `${day(start)}, ${clock(start.ms)}` : day(start);
  if (row.end === null) return startText;
  const end = parseWhen(row.end);
  if (end.date === start.date && end.timed) return `${startText} to ${clock(end.ms)}`;
  return `${startText} to ${end.timed ? `${day(end)}, ${clock(end.ms)}` : day(end)}`;
}

/** Whether any visible event carries a time of day (the table then says the times are Moscow time). */
export function hasTimes(rows: readonly EventRow[]): boolean {
  return rows.some((row) => row.start.includes('T') || (row.end ?? '').includes('T'));
}

/** Who a source line names first: "Reuters (7 Mar 2024)" and "Wikipedia, \"Kstovo Refinery\"" give Reuters, Wikipedia. */
export function publisher(source: string): string {
  return source
    .replace(/^(end|start):\s*/i, '')
    .split(/,|\s\(/)[0]!
    .trim();
}

/** "Sources: ..." naming each publisher behind the events in the window once; the table gives each row's source. */
export function sourceLine(rows: readonly EventRow[], state: ChartState): string {
  const visible = visibleRows(rows, state);
  const names: string[] = [];
  for (const row of visible) {
    for (const source of row.source.split(/;\s*/)) {
      const name = publisher(source);
      if (name && !names.includes(name)) names.push(name);
    }
  }
  if (names.length === 0) return '';
  const times = hasTimes(visible) ? ' Times are Moscow time (UTC+3).' : '';
  // Semicolons: publishers' own names contain "and".
  return `${names.length === 1 ? 'Source' : 'Sources'}: ${names.join('; ')}. Each event\u2019s source is in the table.${times}`;
}

/** Events in the window, in time order, each with its extent: what the data table lists. */
export function tableRows(rows: readonly EventRow[], state: ChartState): { row: EventRow; when: string; start: number; end: number | null }[] {
  return visibleRows(rows, state).map((row) => ({ row, when: formatWhen(row), ...extentOf(row) }));
}

/** The data table: the events in the window, each with its dates, note and source (the event names each row). */
export function timelineTable(rows: readonly EventRow[], state: ChartState): ChartTable {
  const events = tableRows(rows, state);
  const timed = hasTimes(events.map((event) => event.row));
  return {
    caption: `Events, ${windowName(state)}${timed ? ' (times are Moscow time, UTC+3)' : ''}`,
    columns: ['Date', 'Event', 'Note', 'Source'],
    rows: events.map(({ row, when }) => [when, row.label, [row.note ?? '', row.confidence === 'disputed' ? '(disputed)' : ''].filter(Boolean).join(' '), row.source]),
    headerColumn: 1,
    ids: events.map(({ row }) => row.id),
    // The element's styles keep dates on one line, mute notes and sources, and drop the source column on a phone.
    columnClasses: ['when', '', 'note', 'source'],
    empty: 'No events in this window.',
  };
}

/** The chart in words, for any state: what the registry hands the build, print and the presenter view. */
export const timelineText: ChartText<EventRow> = {
  sentence: describeTimeline,
  table: timelineTable,
  source: sourceLine,
  legend: legendSentence,
};
