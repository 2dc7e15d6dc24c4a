/**
 * The key to the casualty chart's coded marks, as a sentence for screen readers (the SVG draws the same key beside
 * the marks): the outlined dots of a count given as a minimum, the dotted stretch where the time axis is cut, the
 * dashed range where sources differ. Null when the view draws nothing coded.
 */
import type { CasualtyRow, CasualtyView } from './schema.ts';
import { compareRows, DAY, isOpenEnded, preliminaryRow, rowDate, tollRows } from './layout-rows.ts';
import { BREAK_AFTER_DAYS } from './layout-toll.ts';

export function legendSentence(rows: readonly CasualtyRow[], view: CasualtyView): string | null {
  const parts: string[] = [];
  if (view === 'preliminary') {
    const row = preliminaryRow(rows);
    if (!row) return null;
    parts.push('each dot is one person');
    if (isOpenEnded(row.killed_qualifier) || isOpenEnded(row.injured_qualifier)) {
      parts.push('the open dots after the last one mean the count is a minimum (\u201cat least\u201d, \u201cmore than\u201d)');
    }
  } else if (view === 'toll') {
    const toll = tollRows(rows);
    if (toll.some((row) => isOpenEnded(row.killed_qualifier) || isOpenEnded(row.injured_qualifier))) {
      parts.push('an open dot marks the first report, a minimum');
    }
    const dates = toll.map((row) => +rowDate(row));
    if (dates.some((d, i) => i > 0 && (d - dates[i - 1]!) / DAY > BREAK_AFTER_DAYS)) {
      parts.push('a dotted stretch of line crosses a cut in the time axis, labelled with the time left out');
    }
  } else if (compareRows(rows).some((row) => row.killed_high !== null)) {
    parts.push('a dashed outline shows the range where sources differ');
  }
  return parts.length ? `Key: ${parts.join('; ')}.` : null;
}
