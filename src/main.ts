/**
 * The story page: defines the elements, gives the charts the story's data, and hands the built story to
 * `fl-story`, which enhances the article already in the page.
 */
import './styles/story.css';
import { story, datasets } from 'virtual:frontlines/story';
import { define, setDefaultRows } from './charts/shared/chart-element.ts';
import { FlScrolly } from './scrolly/fl-scrolly.ts';
import { FlStory } from './scrolly/fl-story.ts';
import { StepChangeEvent } from './scrolly/step-change-event.ts';
import type { StoryStep } from './types/story.ts';
import { installPresenting } from './present/presentation-mode.ts';
import { installEmbedButtons } from './embed-ui/embed-button.ts';

setDefaultRows('fl-casualties', datasets.casualties);
setDefaultRows('fl-timeline', datasets.events);
setDefaultRows('fl-distance-map', datasets.places);

/*
 * Chart modules load apart from the page script, so that what the browser must fetch and run before the story
 * is interactive stays small (bench/budgets.json: initial JS <= 50 kB gzipped): the article is already in the
 * page, and charts enhance it. A chart is fetched and defined when the first of these happens: it is the chart
 * shown when the page opens (after the first frame), a step that shows it comes within half a screen below the
 * viewport (most of a screen before that step reaches the trigger line), one of its steps becomes active (a deep
 * link, presentation mode), or the page is printed. Once the page is idle the rest are fetched, without being
 * defined, so defining them later costs only their first draw. Until then a chart is an undefined tag that
 * already holds its state as attributes, and it draws that state when it upgrades.
 */
const lazyCharts: Record<string, () => Promise<() => void>> = {
  'fl-timeline': () => import('./charts/timeline/timeline.ts').then((module) => module.defineTimeline),
  'fl-casualties': () => import('./charts/casualties/casualties.ts').then((module) => module.defineCasualties),
  'fl-distance-map': () => import('./charts/distance-map/distance-map.ts').then((module) => module.defineDistanceMap),
};
const chartModules = new Map<string, Promise<() => void>>();
const loadedDefines = new Map<string, () => void>();

/** Fetches a lazy chart's module once (again after a failure) and resolves to its define function. */
function fetchChart(tag: string): Promise<() => void> {
  let module = chartModules.get(tag);
  if (!module) {
    module = lazyCharts[tag]!().then(
      (defineChart) => {
        loadedDefines.set(tag, defineChart);
        return defineChart;
      },
      (error: unknown) => {
        chartModules.delete(tag);
        throw error;
      },
    );
    chartModules.set(tag, module);
  }
  return module;
}

function needChart(tag: string | undefined): void {
  if (!tag || !(tag in lazyCharts) || customElements.get(tag)) return;
  fetchChart(tag).then(
    (defineChart) => defineChart(),
    (error: unknown) => console.warn(`<${tag}> could not be loaded: ${String(error)}`),
  );
}

const steps: readonly StoryStep[] = story.steps;
const tagOfStep = new Map(steps.map((step) => [step.id, step.tag]));
const nearby = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) if (entry.isIntersecting) needChart(tagOfStep.get(entry.target.id));
  },
  { rootMargin: '0px 0px 50% 0px' },
);
for (const step of steps) {
  const element = step.tag in lazyCharts ? document.getElementById(step.id) : null;
  if (element) nearby.observe(element);
}
document.addEventListener(StepChangeEvent.type, (event) => needChart(tagOfStep.get((event as StepChangeEvent).detail.id)));
// The chart shown when the page opens is fetched after the first frame, so the article's text paints first.
requestAnimationFrame(() =>
  setTimeout(() => {
    for (const chart of document.querySelectorAll('.scrolly-chart[data-active] > *')) needChart(chart.localName);
  }),
);
// Printing builds a figure per step at once: define every chart whose module is here (before the print layout).
addEventListener('beforeprint', () => loadedDefines.forEach((defineChart) => defineChart()));
// ...and fetch and define the others, so figures still waiting for their chart (?print waits for them) draw.
addEventListener('beforeprint', () => Object.keys(lazyCharts).forEach(needChart));
const params = new URLSearchParams(location.search);
if (params.has('present') || params.has('print')) Object.keys(lazyCharts).forEach(needChart);
else {
  const whenIdle = (): void => Object.keys(lazyCharts).forEach((tag) => void fetchChart(tag).catch(() => {}));
  addEventListener('load', () => ('requestIdleCallback' in window ? requestIdleCallback(whenIdle, { timeout: 3000 }) : setTimeout(whenIdle, 1000)), { once: true });
}

// The story is set before the elements upgrade, so the first step event already finds it.
const element = document.querySelector('fl-story') as (Element & { story?: unknown }) | null;
if (element) element.story = story;
define('fl-story', FlStory);
define('fl-scrolly', FlScrolly);
// Presentation mode (?present, the p key), the presenter view's channel (s) and the print layout.
installPresenting(story, datasets);
// An Embed button beside each chart: the code that shows it, as it is now, on another page.
installEmbedButtons(story);
