/**
 * What a chart shows before (or without) JavaScript: the sentence that describes a state, its data as a table and
 * its source, as static HTML written at build time. The build puts it in two places: inside each section's chart
 * element (its first state; the element's shadow root, which has no slot, hides it once the chart upgrades) and in
 * every step's own figure (that step's state; what the page shows without JavaScript and what prints).
 *
 * The words are each chart's own (its text.ts, through the registry): the sentence, the table's caption, columns
 * and rows, and the source line the drawn chart gives, so the figure says what the chart says, including where its
 * source line points to "the table" for each row's source. Nothing here knows any one chart.
 */
import type { ChartState } from '../charts/shared/schema.ts';
import type { Datasets } from './data.ts';
import { STORY_CHARTS, type BuildChart, type StoryCharts } from './charts.ts';
import { escapeHtml } from '../charts/shared/escape.ts';
import { tableHtml } from '../charts/shared/table.ts';

function figure(sentence: string, source: string, data: string): string {
  const sourceLine = source ? `<p class="chart-fallback-source">${escapeHtml(source)}</p>` : '';
  return `<div class="chart-fallback"><p class="chart-fallback-sentence">${escapeHtml(sentence)}</p>${data}${sourceLine}</div>`;
}

/** A chart's words for a state, with the rows of its dataset; '' for a chart the list does not have. */
function say(datasets: Datasets, charts: StoryCharts, say: (chart: BuildChart, rows: unknown[], state: ChartState) => string) {
  return (name: string, state: Readonly<Record<string, string>>): string => {
    const chart = charts.charts.get(name);
    return chart ? say(chart, datasets[chart.entry.dataset] ?? [], state as ChartState) : '';
  };
}

export function chartFallback(datasets: Datasets, charts: StoryCharts = STORY_CHARTS): (chart: string, state: Readonly<Record<string, string>>) => string {
  return say(datasets, charts, ({ text }, rows, state) => figure(text.sentence(rows, state), text.source(rows, state), tableHtml(text.table(rows, state))));
}

/** The sentence a chart says for a state (its description), as the drawn chart and the figure say it. */
export function chartSentence(datasets: Datasets, charts: StoryCharts = STORY_CHARTS): (chart: string, state: Readonly<Record<string, string>>) => string {
  return say(datasets, charts, ({ text }, rows, state) => text.sentence(rows, state));
}

/** The source line a chart gives for a state, as the drawn chart and the figure give it. */
export function chartSource(datasets: Datasets, charts: StoryCharts = STORY_CHARTS): (chart: string, state: Readonly<Record<string, string>>) => string {
  return say(datasets, charts, ({ text }, rows, state) => text.source(rows, state));
}
