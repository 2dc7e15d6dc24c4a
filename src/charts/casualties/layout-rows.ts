/** Reading the casualty rows (which rows a view shows, their dates) and the wording the marks, sentence and table share. */
import type { ChartState } from '../shared/schema.ts';
import { CASUALTY_VIEWS, type CasualtyRow, type CasualtyView, type Qualifier } from './schema.ts';
import { formatDay, formatInteger, formatMonthYear } from '../shared/wording.ts';

export const DAY = 86_400_000;

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

/** A count of people: 1,234. */
export function formatCount(value: number): string {
  return formatInteger(value);
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

