/**
 * embed.html: one chart alone, for an iframe. The query names the chart and its state with the same words as the
 * story and the custom elements: `embed.html?chart=timeline&from=2024-03-01&to=2024-03-31&highlight=crocus-attack`
 * shows what the story step with those attributes shows. Also `theme` (light, dark), `height` (of the plot, in
 * CSS pixels), `src` (a CSV or JSON file with the chart's columns) and `id` (echoed in the height messages).
 *
 * The page tells its parent how tall it is, on load and whenever its content changes size, in the manner of
 * pym.js: `{ type: 'frontlines:height', id, height }` (dist/embed/frame.js on the host page listens for it).
 * An unknown chart or parameter shows a readable message instead of the chart; a bad value for a known attribute
 * is the chart's own to report, in its box.
 */
import '../embed-ui/frame.css';
import { datasets, story } from 'virtual:frontlines/story';
import { CHARTS } from 'virtual:frontlines/charts';
import { setDefaultRows } from '../charts/shared/chart-element.ts';
import { readQuery } from '../embed-ui/frame-query.ts';
import { HEIGHT_MESSAGE, MEASURE_MESSAGE, type HeightMessage } from '../embed-ui/messages.ts';

for (const chart of CHARTS) setDefaultRows(chart.tag, datasets[chart.dataset] ?? []);

function showMessage(container: HTMLElement, message: string): void {
  const paragraph = document.createElement('p');
  paragraph.className = 'fl-frame-message';
  paragraph.setAttribute('role', 'alert');
  paragraph.textContent = message;
  container.replaceChildren(paragraph);
}

function credit(): HTMLElement {
  const paragraph = document.createElement('p');
  paragraph.className = 'fl-frame-credit';
  const link = document.createElement('a');
  link.href = new URL('./', location.href).href;
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = story.meta.title;
  paragraph.append('From ', link, ', a Frontlines story');
  return paragraph;
}

function start(): void {
  const container = document.getElementById('chart');
  if (!container) return;
  const params = new URLSearchParams(location.search);
  const query = readQuery(params, story.charts);
  if ('message' in query) {
    showMessage(container, query.message);
    console.warn(`embed.html: ${query.message}`);
  } else {
    const chart = CHARTS.find((entry) => entry.name === query.chart);
    document.title = `${chart?.title ?? query.chart} | Frontlines`;
    const theme = query.attributes.find(([name]) => name === 'theme')?.[1];
    if (theme) document.documentElement.style.colorScheme = theme;
    const element = document.createElement(query.tag);
    for (const [name, value] of query.attributes) element.setAttribute(name, value);
    container.replaceChildren(element, credit());
    // Only the chart the frame shows is fetched: its module is the story page's own lazy chart chunk.
    (chart ? chart.element() : Promise.reject(new Error('no module for this chart'))).then(
      (define: () => void) => define(),
      (error: unknown) => {
        showMessage(container, 'The chart could not be loaded. Reload the page to try again.');
        console.warn(`embed.html: the ${query.chart} chart could not be loaded: ${String(error)}`);
      },
    );
  }
  reportHeight(params.get('id') ?? '');
}

/** Posts the page's height to the parent now, on every change of size, and when the parent asks. */
function reportHeight(id: string): void {
  if (window.parent === window) return;
  let last = -1;
  const post = (force: boolean): void => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last && !force) return;
    last = height;
    const message: HeightMessage = { type: HEIGHT_MESSAGE, id, height };
    // A height is no secret, and the parent's origin is not known in advance.
    window.parent.postMessage(message, '*');
  };
  new ResizeObserver(() => post(false)).observe(document.body);
  addEventListener('load', () => post(true));
  addEventListener('message', (event) => {
    if (event.source === window.parent && (event.data as { type?: unknown } | null)?.type === MEASURE_MESSAGE) post(true);
  });
}

start();
