/**
 * What a chart shows before (or without) JavaScript: the sentence that describes its first state, its data as a
 * table and its source, written into the chart element's light DOM at build time. When the element upgrades, its
 * shadow root (which has no slot) hides this; with JavaScript off, this is the chart. Built from the charts' own
 * pure description functions, so the words match what the drawn chart says.
 */
import type { ChartState } from '../charts/shared/schema.ts';
import type { CasualtyRow } from '../charts/casualties/schema.ts';
import type { EventRow } from '../charts/timeline/schema.ts';
import type { PlaceRow } from '../charts/distance-map/schema.ts';
import { describe as describeCasualties, sourceLine as casualtiesSource } from '../charts/casualties/describe.ts';
import { formatFigure, rowsShown, viewOf } from '../charts/casualties/layout.ts';
import { describeTimeline, sourceLine as timelineSource, tableRows as timelineRows } from '../charts/timeline/describe.ts';
import { describeMap, sourceLine as mapSource, tableRows as mapRows } from '../charts/distance-map/describe.ts';
import type { Datasets } from './data.ts';
import { escapeHtml } from './render.ts';

function table(caption: string, head: readonly string[], rows: readonly (readonly string[])[]): string {
  const th = head.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

function figure(sentence: string, source: string, data: string): string {
  return `<div class="chart-fallback"><p class="chart-fallback-sentence">${escapeHtml(sentence)}</p>${data}<p class="chart-fallback-source">${escapeHtml(source)}</p></div>`;
}

export function chartFallback(datasets: Datasets): (chart: string, state: Readonly<Record<string, string>>) => string {
  return (chart, state) => {
    const s = state as ChartState;
    switch (chart) {
      case 'casualties': {
        const rows = datasets.casualties as CasualtyRow[];
        const shown = rowsShown(rows, viewOf(s));
        return figure(
          describeCasualties(rows, viewOf(s)),
          casualtiesSource(rows, viewOf(s)),
          table(
            'Reported deaths and injuries',
            ['Attack', 'Reported', 'Killed', 'Injured'],
            shown.map((row) => [
              row.attack_name,
              row.reported ?? row.attack_date,
              formatFigure(row.killed, row.killed_high, row.killed_qualifier),
              row.injured === null ? '' : formatFigure(row.injured, row.injured_high, row.injured_qualifier),
            ]),
          ),
        );
      }
      case 'timeline': {
        const rows = datasets.events as EventRow[];
        return figure(
          describeTimeline(rows, s),
          timelineSource(rows, s),
          table('Events in this period', ['When', 'Event'], timelineRows(rows, s).map(({ row, when }) => [when, row.label])),
        );
      }
      case 'distance-map': {
        const rows = datasets.places as PlaceRow[];
        return figure(
          describeMap(rows, s),
          mapSource(rows, s),
          table('Places and their distance to Ukraine\u2019s border', ['Place', 'To the border'], mapRows(rows, s).map((row) => [row.place, row.toBorder])),
        );
      }
      default:
        return '';
    }
  };
}
