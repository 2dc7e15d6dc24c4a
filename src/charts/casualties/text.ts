/**
 * The casualty chart in words: one sentence per view, built from the rows the view shows, so a changed figure in
 * the data changes the sentence with it; its data table and its source line. Pure: the element's caption, live
 * region and table, the no-JS page, print and the presenter view all say the same.
 */
import type { ChartState } from '../shared/schema.ts';
import type { ChartText } from '../shared/types.ts';
import type { ChartTable } from '../shared/table.ts';
import type { CasualtyRow, CasualtyView } from './schema.ts';
import { formatDay } from '../shared/wording.ts';
import { legendSentence } from './legend.ts';
import { compareRows, formatFigure, formatReported, latestRow, preliminaryRow, rowsShown, subjectAttack, tollRows, viewOf } from './layout.ts';

export function describeCasualties(rows: readonly CasualtyRow[], view: CasualtyView): string {
  switch (view) {
    case 'preliminary':
      return describePreliminary(rows);
    case 'toll':
      return describeToll(rows);
    case 'compare':
      return describeCompare(rows);
  }
}

/** "Source: ..." or "Sources: a; b." naming each source of the rows the view shows, once. */
export function sourceLine(rows: readonly CasualtyRow[], view: CasualtyView): string {
  const sources = [...new Set(rowsShown(rows, view).map((row) => row.source))];
  if (!sources.length) return '';
  return `${sources.length > 1 ? 'Sources' : 'Source'}: ${sources.join('; ')}.`;
}

function killed(row: CasualtyRow): string {
  return `${formatFigure(row.killed, row.killed_high, row.killed_qualifier, false)} killed`;
}

function injured(row: CasualtyRow): string | null {
  return row.injured === null ? null : `${formatFigure(row.injured, row.injured_high, row.injured_qualifier, false)} injured`;
}

function both(row: CasualtyRow): string {
  const hurt = injured(row);
  return hurt ? `${killed(row)} and ${hurt}` : killed(row);
}

/**
 * Who gave a figure, from the row's source: its leading name ("FSB preliminary information, via TASS" -> "the FSB";
 * "Investigative Committee of Russia (23 Mar 2024)" -> "the Investigative Committee of Russia").
 */
export function reporterOf(source: string): string {
  const words = source.split(/[,(;]/)[0]!.trim().split(/\s+/);
  const name: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const capital = /^[A-Z\u00C0-\u024F]/.test(word);
    const joins = /^(of|for|and)$/.test(word) && /^[A-Z]/.test(words[i + 1] ?? '');
    if (capital || (joins && name.length)) name.push(word);
    else break;
  }
  if (!name.length) return 'a first report';
  const text = name.join(' ');
  // An acronym or a body of several words takes "the"; a single proper name ("Wikipedia") does not.
  return /^[A-Z]{2,}$/.test(text) || name.length > 1 ? `the ${text}` : text;
}

/** "the evening of " when the row says the figure came in the evening of the day it reports on, else "". */
function partOfDay(row: CasualtyRow): string {
  if (row.reported !== row.attack_date) return '';
  const match = /\b(morning|afternoon|evening|night)\b/i.exec(row.note ?? '');
  return match ? `the ${match[1]!.toLowerCase()} of ` : '';
}

function describePreliminary(rows: readonly CasualtyRow[]): string {
  const row = preliminaryRow(rows);
  if (!row) return 'There is no report to show.';
  return `On ${partOfDay(row)}${formatReported(row)} ${reporterOf(row.source)} reported ${both(row)}.`;
}

function describeToll(rows: readonly CasualtyRow[]): string {
  const reports = tollRows(rows);
  if (!reports.length) return 'There is no report to show.';
  // The count proper starts with the first exact figure; "at least" is an early floor, not a count.
  const first = reports.find((row) => row.killed_qualifier === 'exact') ?? reports[0]!;
  const last = reports.at(-1)!;
  if (first === last) return `The official count stood at ${both(last)} on ${formatReported(last)}.`;
  const verb = last.killed > first.killed ? 'rose' : last.killed < first.killed ? 'fell' : 'went';
  return `The official count ${verb} from ${killed(first)} on ${formatReported(first)} to ${both(last)} by ${formatReported(last)}.`;
}

function attackName(row: CasualtyRow): string {
  const name = row.attack_name;
  return /\b(attack|attacks|bombing|bombings|siege|crisis|shooting|massacre|explosion|explosions)$/i.test(name) ? `the ${name}` : `the ${name} attack`;
}

function describeCompare(rows: readonly CasualtyRow[]): string {
  const subject = latestRow(rows);
  const attack = subjectAttack(rows);
  if (!subject || !attack) return 'There is no attack to compare.';
  const others = compareRows(rows).filter((row) => row.attack !== attack);
  const lead = `With ${killed(subject)}, ${attackName(subject)}`;
  if (!others.length) return `${lead} is the only attack shown.`;
  const earlier = others.filter((row) => row.attack_date < subject.attack_date);
  const deadlier = earlier.filter((row) => row.killed > subject.killed).sort((a, b) => (a.attack_date < b.attack_date ? 1 : -1));
  const previous = deadlier[0];
  if (previous) {
    // Said of the attacks shown only: a claim about all attacks would need a source, not this chart's list.
    return `Of the ${others.length + 1} terror attacks on Russian soil shown, ${lead.charAt(0).toLowerCase()}${lead.slice(1)} is the deadliest since ${attackName(previous)} in ${previous.attack_date.slice(0, 4)} (${killed(previous)}).`;
  }
  const ranked = compareRows(rows);
  const rank = ranked.findIndex((row) => row.attack === attack) + 1;
  if (rank === 1) return `${lead} is the deadliest of the ${ranked.length} terror attacks on Russian soil shown.`;
  const deadliest = ranked[0]!;
  return `${lead} ranks ${ordinal(rank)} of the ${ranked.length} terror attacks on Russian soil shown; the deadliest was ${attackName(deadliest)} in ${deadliest.attack_date.slice(0, 4)} (${killed(deadliest)}).`;
}

function ordinal(n: number): string {
  const words = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
  return words[n - 1] ?? `${n}th`;
}

function count(value: number | null, high: number | null, qualifier: CasualtyRow['killed_qualifier'] | null): string {
  return value === null ? '\u2013' : formatFigure(value, high, qualifier);
}

function attackDates(row: CasualtyRow): string {
  const start = formatDay(new Date(`${row.attack_date}T00:00:00Z`));
  if (!row.attack_end || row.attack_end === row.attack_date) return start;
  return `${start} to ${formatDay(new Date(`${row.attack_end}T00:00:00Z`))}`;
}

/** The data table: successive reports with their sources, or the attacks compared. */
export function casualtiesTable(rows: readonly CasualtyRow[], view: CasualtyView): ChartTable {
  const shown = rowsShown(rows, view);
  if (view === 'compare') {
    return {
      caption: 'Deaths in terror attacks on Russian soil, deadliest first',
      columns: ['Attack', 'Date', 'Killed', 'Injured', 'Note'],
      rows: shown.map((row) => [
        row.attack_name,
        attackDates(row),
        count(row.killed, row.killed_high, row.killed_qualifier),
        count(row.injured, row.injured_high, row.injured_qualifier),
        [row.killed_high !== null && row.killed_high !== row.killed ? 'Sources differ.' : '', row.note ?? ''].filter(Boolean).join(' '),
      ]),
      headerColumn: 0,
      columnClasses: ['', '', 'number', 'number'],
    };
  }
  const name = shown[0]?.attack_name ?? '';
  return {
    caption: view === 'preliminary' ? `${name}: the first report` : `${name}: successive reports`,
    columns: ['Reported', 'Killed', 'Injured', 'Source'],
    rows: shown.map((row) => [
      formatReported(row),
      count(row.killed, row.killed_high, row.killed_qualifier),
      count(row.injured, row.injured_high, row.injured_qualifier),
      { text: row.source, detail: row.note ?? '' },
    ]),
    headerColumn: 0,
    columnClasses: ['', 'number', 'number'],
  };
}

/** The chart in words, for any state: what the registry hands the build, print and the presenter view. */
export const casualtiesText: ChartText<CasualtyRow> = {
  sentence: (rows, state: ChartState) => describeCasualties(rows, viewOf(state)),
  table: (rows, state: ChartState) => casualtiesTable(rows, viewOf(state)),
  source: (rows, state: ChartState) => sourceLine(rows, viewOf(state)),
  legend: (rows, state: ChartState) => legendSentence(rows, viewOf(state)),
};
