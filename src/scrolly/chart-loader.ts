/**
 * Loads the chart modules apart from the page script, so that what the browser must fetch and run before the
 * story is interactive stays small (bench/budgets.json: initial JS <= 50 kB gzipped): the article is already in
 * the page, and charts enhance it. A chart is fetched and defined when the first of these happens: it is the
 * chart shown when the page opens (once the first frame is out), a step that shows it comes within LEAD_SCREENS
 * of the viewport, one of its steps becomes active (a deep link, presentation mode), or the page is printed. Once
 * the page is idle the rest are fetched, without being defined. Until then a chart is an undefined tag that
 * already holds its state as attributes, and it draws that state when it upgrades.
 */
import { StepChangeEvent } from './step-change-event.ts';
import { inBackground, nextTask } from '../charts/shared/background.ts';
import type { StoryStep } from '../types/story.ts';

/**
 * How far ahead of the viewport (in screen heights) a step brings its chart in. A chart draws its first picture
 * in background tasks while it is out of sight, which on a slow phone takes a few hundred ms (the map's most): half
 * a screen ahead, a reader at reading speed reached the step first, and the chart did that work at once, in the
 * frames of the step change.
 */
const LEAD_SCREENS = 1.5;

/** A chart's module, fetched on demand, resolving to the function that defines its element. */
export type ChartLoader = () => Promise<() => void>;

export function loadChartsLazily(steps: readonly StoryStep[], lazyCharts: Readonly<Record<string, ChartLoader>>): void {
  const chartModules = new Map<string, Promise<() => void>>();
  const loadedDefines = new Map<string, () => void>();

  /** Fetches a chart's module once (again after a failure) and resolves to its define function. */
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
    // Each chart's fetch starts in a task of its own: asking for a chart's module asks for every module it
    // imports at once (a dozen and more), and two charts asked for together (the one shown and the one a step
    // ahead) made one task of about 70 ms at 4x on a phone, most of it the browser starting requests.
    if (!chartModules.has(tag)) {
      nextTask(() => needChartNow(tag));
      return;
    }
    needChartNow(tag);
  }

  function needChartNow(tag: string): void {
    if (customElements.get(tag)) return;
    fetchChart(tag).then(
      // Defined in a task of its own, not in the one that ran the module: upgrading the chart renders its text
      // and table, and the two together made one long task on a phone.
      (defineChart) => nextTask(() => {
        defineChart();
        // Its steps need no more watching: an observer target costs a little on every frame, for every step.
        for (const element of stepsByTag.get(tag) ?? []) nearby.unobserve(element);
        stepsByTag.delete(tag);
        if (!stepsByTag.size) nearby.disconnect();
      }),
      (error: unknown) => console.warn(`<${tag}> could not be loaded: ${String(error)}`),
    );
  }

  const tagOfStep = new Map(steps.map((step) => [step.id, step.tag]));
  const nearby = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) if (entry.isIntersecting) needChart(tagOfStep.get(entry.target.id));
    },
    { rootMargin: `0px 0px ${LEAD_SCREENS * 100}% 0px` },
  );
  const stepsByTag = new Map<string, HTMLElement[]>();
  for (const step of steps) {
    const element = step.tag in lazyCharts ? document.getElementById(step.id) : null;
    if (!element) continue;
    nearby.observe(element);
    const list = stepsByTag.get(step.tag);
    if (list) list.push(element);
    else stepsByTag.set(step.tag, [element]);
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
    // One chart a task here too (see needChart).
    const whenIdle = (): void => Object.keys(lazyCharts).forEach((tag) => inBackground(() => void fetchChart(tag).catch(() => {})));
    const afterLoad = (): void => void ('requestIdleCallback' in window ? requestIdleCallback(whenIdle, { timeout: 3000 }) : setTimeout(whenIdle, 1000));
    // The page's code starts after the first paint (boot.ts), by which time the page has usually loaded: a listener
    // for the load event added then never hears it.
    if (document.readyState === 'complete') afterLoad();
    else addEventListener('load', afterLoad, { once: true });
  }
}
