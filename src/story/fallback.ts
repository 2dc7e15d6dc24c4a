/**
 * What a chart shows before (or without) JavaScript: the sentence that describes a state, its data as a table and
 * its source, as static HTML written at build time. The build puts it in two places: inside each section's chart
 * element (its first state; the element's shadow root, which has no slot, hides it once the chart upgrades) and in
 * every step's own figure (that step's state; what the page shows without JavaScript and what prints).
 *
 * Built from the charts' own pure description functions, and each table has the caption and columns of the table
 * the drawn chart gives, so the words match what the drawn chart says, including where its source line points to
 * "the table" for each row's source.
 */
import type { ChartState } from '../charts/shared/schema.ts';
import type { CasualtyRow, CasualtyView } from '../charts/casualties/schema.ts';
import type { EventRow } from '../charts/timeline/schema.ts';
import type { PlaceRow } from '../charts/distance-map/schema.ts';
import { describe as describeCasualties, sourceLine as casualtiesSource } from '../charts/casualties/describe.ts';
import { formatDay, formatFigure, rowDate, rowsShown, viewOf } from '../charts/casualties/layout.ts';
import { describeTimeline, hasTimes, sourceLine as timelineSource, tableRows as timelineRows, windowName } from '../charts/timeline/describe.ts';
import { describeMap, measureCaption, sourceLine as mapSource, tableRows as mapRows } from '../charts/distance-map/describe.ts';
import type { Datasets } from './data.ts';
import { escapeHtml } from '../charts/shared/escape.ts';

/** A table cell: its text, and an optional second line in smaller type (a note, coordinates). */
type Cell = string | { readonly text: string; readonly detail: string };

/** `label` is the cell's column, for a narrow screen where the rows stack and the column heads are not shown. */
function cell(tag: 'th' | 'td', value: Cell, scope = '', label = ''): string {
  const open = `<${tag}${scope ? ` scope="${scope}"` : ''}${label ? ` data-label="${escapeHtml(label)}"` : ''}>`;
  if (typeof value === 'string') return `${open}${escapeHtml(value)}</${tag}>`;
  const detail = value.detail ? `<span class="chart-fallback-detail">${escapeHtml(value.detail)}</span>` : '';
  return `${open}${escapeHtml(value.text)}${detail}</${tag}>`;
}

/** A data table whose first column names each row (a row header), as the drawn charts' tables do. */
function table(caption: string, head: readonly string[], rows: readonly (readonly Cell[])[], headerColumn = 0): string {
  const th = head.map((name) => cell('th', name, 'col')).join('');
  const body = rows
    .map((row) => `<tr>${row.map((value, i) => (i === headerColumn ? cell('th', value, 'row') : cell('td', value, '', head[i]))).join('')}</tr>`)
    .join('');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

function figure(sentence: string, source: string, data: string): string {
  const sourceLine = source ? `<p class="chart-fallback-source">${escapeHtml(source)}</p>` : '';
  return `<div class="chart-fallback"><p class="chart-fallback-sentence">${escapeHtml(sentence)}</p>${data}${sourceLine}</div>`;
}

function count(value: number | null, high: number | null, qualifier: CasualtyRow['killed_qualifier'] | null): string {
  return value === null ? '\u2013' : formatFigure(value, high, qualifier);
}

function attackDates(row: CasualtyRow): string {
  const start = formatDay(new Date(`${row.attack_date}T00:00:00Z`));
  if (!row.attack_end || row.attack_end === row.attack_date) return start;
  return `${start} to ${formatDay(new Date(`${row.attack_end}T00:00:00Z`))}`;
}

/** The casualty chart's table: successive reports with their sources, or the attacks compared. */
function casualtiesTable(rows: readonly CasualtyRow[], view: CasualtyView): string {
  const shown = rowsShown(rows, view);
  if (view === 'compare') {
    return table(
      'Deaths in terror attacks on Russian soil, deadliest first',
      ['Attack', 'Date', 'Killed', 'Injured', 'Note'],
      shown.map((row) => [
        row.attack_name,
        attackDates(row),
        count(row.killed, row.killed_high, row.killed_qualifier),
        count(row.injured, row.injured_high, row.injured_qualifier),
        [row.killed_high !== null && row.killed_high !== row.killed ? 'Sources differ.' : '', row.note ?? ''].filter(Boolean).join(' '),
      ]),
    );
  }
  const name = shown[0]?.attack_name ?? '';
  return table(
    view === 'preliminary' ? `${name}: the first report` : `${name}: successive reports`,
    ['Reported', 'Killed', 'Injured', 'Source'],
    shown.map((row) => [
      formatDay(rowDate(row)),
      count(row.killed, row.killed_high, row.killed_qualifier),
      count(row.injured, row.injured_high, row.injured_qualifier),
      { text: row.source, detail: row.note ?? '' },
    ]),
  );
}

function timelineTable(rows: readonly EventRow[], state: ChartState): string {
  const events = timelineRows(rows, state);
  const timed = hasTimes(events.map((event) => event.row));
  const caption = `Events, ${windowName(state)}${timed ? ' (times are Moscow time, UTC+3)' : ''}`;
  return table(
    caption,
    ['Date', 'Event', 'Note', 'Source'],
    events.map(({ row, when }) => [when, row.label, [row.note ?? '', row.confidence === 'disputed' ? '(disputed)' : ''].filter(Boolean).join(' '), row.source]),
    1,
  );
}

function mapTable(rows: readonly PlaceRow[], state: ChartState): string {
  return table(
    measureCaption(rows, state) ?? 'Places in this view',
    ['Place', 'To Ukraine\u2019s border', 'Source'],
    mapRows(rows, state).map((row) => [
      { text: row.place, detail: row.coordinates },
      { text: row.toBorder, detail: row.article ? `the article: ${row.article}` : '' },
      { text: row.source, detail: row.note },
    ]),
  );
}

export function chartFallback(datasets: Datasets): (chart: string, state: Readonly<Record<string, string>>) => string {
  return (chart, state) => {
    const s = state as ChartState;
    switch (chart) {
      case 'casualties': {
        const rows = datasets.casualties as CasualtyRow[];
        const view = viewOf(s);
        return figure(describeCasualties(rows, view), casualtiesSource(rows, view), casualtiesTable(rows, view));
      }
      case 'timeline': {
        const rows = datasets.events as EventRow[];
        return figure(describeTimeline(rows, s), timelineSource(rows, s), timelineTable(rows, s));
      }
      case 'distance-map': {
        const rows = datasets.places as PlaceRow[];
        return figure(describeMap(rows, s), mapSource(rows, s), mapTable(rows, s));
      }
      default:
        return '';
    }
  };
}

/** The sentence a chart says for a state (its description), as the drawn chart and the figure say it. */
export function chartSentence(datasets: Datasets): (chart: string, state: Readonly<Record<string, string>>) => string {
  return (chart, state) => {
    const s = state as ChartState;
    switch (chart) {
      case 'casualties':
        return describeCasualties(datasets.casualties as CasualtyRow[], viewOf(s));
      case 'timeline':
        return describeTimeline(datasets.events as EventRow[], s);
      case 'distance-map':
        return describeMap(datasets.places as PlaceRow[], s);
      default:
        return '';
    }
  };
}

/** The source line a chart gives for a state, as the drawn chart and the figure give it. */
export function chartSource(datasets: Datasets): (chart: string, state: Readonly<Record<string, string>>) => string {
  return (chart, state) => {
    const s = state as ChartState;
    switch (chart) {
      case 'casualties':
        return casualtiesSource(datasets.casualties as CasualtyRow[], viewOf(s));
      case 'timeline':
        return timelineSource(datasets.events as EventRow[], s);
      case 'distance-map':
        return mapSource(datasets.places as PlaceRow[], s);
      default:
        return '';
    }
  };
}
