/**
 * The story on paper. The live graphic shows one state at a time, which paper cannot. The build draws every
 * step's chart (src/drawings/) into the step's own figure, so printing uses those drawings: nothing to wait for,
 * every map with its outlines, in presentation handouts too. Only a page built without drawings falls back to
 * drawing here: before printing, every step's own figure (the build's .step-figure, which holds that step's state
 * as text) gets a drawing: a fresh
 * chart element, given that step's state as attributes (the same vocabulary the story uses), drawn at a fixed
 * print width from the story's default data. After printing the drawings are removed. A last page lists the sources of every figure, the original article and this page's address.
 *
 * Ctrl+P gives no time to wait: `beforeprint` builds the figures, and the charts draw in the microtasks that run
 * before the browser lays the page out for print. A map's country outlines arrive a frame later, so a print
 * started with Ctrl+P may show a map's places and measured lines without them. `?print` waits until every chart
 * has finished drawing (outlines included) and then opens the print dialog: the dependable way to print.
 *
 * In presentation mode the print is a handout: one slide per landscape page (see print.css).
 */
import type { Story, StoryStep } from '../types/story.ts';

/** Figure sizes in CSS px: the chart draws at this width, and print.css keeps the figure at it. */
const FIGURE = {
  article: { width: 640, aspect: '16 / 9' },
  slides: { width: 940, aspect: '47 / 20' },
} as const;

type Mode = keyof typeof FIGURE;

/** The longest `?print` waits for charts (a slow geography request) before printing what there is. */
const READY_TIMEOUT_MS = 8000;

/** A dataset as the print's last page lists its sources: what it holds, and its rows. */
export interface Dataset {
  readonly label: string;
  readonly rows: readonly { readonly source?: string }[];
}

export interface PrintOptions {
  /** Whether presentation mode is on: slides print as a handout, one per page. */
  presenting(): boolean;
  /** The story's data, for the list of sources; each row has a `source`. */
  readonly datasets: readonly Dataset[];
}

export class PrintLayout {
  private figures: HTMLElement[] = [];
  private sources?: HTMLElement;
  private mode?: Mode;
  private ready?: Promise<void>;
  /** The build's drawings in the steps' figures (src/drawings/). */
  private drawings: HTMLImageElement[] = [];

  constructor(
    private readonly story: Story,
    private readonly options: PrintOptions,
  ) {}

  install(): void {
    addEventListener('beforeprint', this.onBeforePrint);
    addEventListener('afterprint', this.onAfterPrint);
  }

  /**
   * Adds a figure to every step, each chart in its step's state, and resolves once all have drawn. Calling it
   * again before `clear()` returns the same promise (unless the mode changed, which needs other sizes).
   */
  prepare(): Promise<void> {
    const mode: Mode = this.options.presenting() ? 'slides' : 'article';
    if (this.ready && this.mode === mode) return this.ready;
    this.clear();
    this.mode = mode;
    const root = document.documentElement;
    root.classList.add('fl-print-prepared');
    const drawings: HTMLImageElement[] = [];
    for (const step of this.story.steps) {
      const element = document.getElementById(step.id);
      if (!element) continue;
      // The build drew this step's chart (src/drawings/): print that. Its image is left lazy: browsers load lazy
      // images for print themselves, and changing one to eager now would only start a load the print does not wait
      // for (measured in Chromium: a print with the images left alone has them all, one switched to eager has none).
      const drawing = element.querySelector<HTMLElement>(':scope > .step-figure > .step-drawing');
      if (drawing) {
        drawings.push(...drawing.querySelectorAll('img'));
        continue;
      }
      const figure = this.figure(step, mode);
      // Into the step's own figure, before its sentence and table (which print.css then leaves out).
      const slot = element.querySelector(':scope > .step-figure') ?? element;
      slot.prepend(figure);
      this.figures.push(figure);
    }
    this.sources = this.sourcesPage();
    (document.querySelector('main') ?? document.body).append(this.sources);
    this.drawings = drawings;
    this.ready = waitForCharts(this.figures.map((figure) => figure.firstElementChild!), READY_TIMEOUT_MS);
    return this.ready;
  }

  /** Removes the figures and the sources page. */
  clear(): void {
    for (const figure of this.figures) figure.remove();
    this.figures = [];
    this.sources?.remove();
    this.sources = undefined;
    this.ready = undefined;
    this.mode = undefined;
    document.documentElement.classList.remove('fl-print-prepared');
  }

  /** `?print`: prepares the figures, waits for every chart to finish, then opens the print dialog. */
  async printWhenReady(): Promise<void> {
    await this.prepare();
    // `?print` has time to wait: every drawing loaded now, so the dialog's first preview has them all. One that
    // cannot load prints its text alternative; it holds nothing back.
    for (const img of this.drawings) img.loading = 'eager';
    await Promise.all(this.drawings.map((img) => img.decode().catch(() => undefined)));
    document.documentElement.setAttribute('data-fl-print-ready', '');
    // A frame for the last draw to reach the screen before the dialog snapshots the page.
    await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    window.print();
  }

  private onBeforePrint = (): void => {
    void this.prepare();
  };

  private onAfterPrint = (): void => {
    this.clear();
  };

  private figure(step: StoryStep, mode: Mode): HTMLElement {
    // A box inside the step's <figure>, not a figure of its own: the drawing is one more view of the same state.
    const figure = document.createElement('div');
    figure.className = 'fl-print-figure';
    figure.dataset.step = step.id;
    figure.dataset.mode = mode;
    figure.style.setProperty('--fl-print-width', `${FIGURE[mode].width}px`);
    figure.style.setProperty('--fl-aspect', FIGURE[mode].aspect);
    // The chart by name, its state as attributes: exactly what the step sets on the live chart.
    const chart = document.createElement(step.tag);
    const attributes = this.story.charts[step.chart]?.attributes ?? Object.keys(step.state);
    for (const name of attributes) {
      const value = step.state[name] ?? '';
      if (value !== '') chart.setAttribute(name, value);
    }
    // Paper has no colour scheme: a dark screen still prints dark ink on white.
    chart.setAttribute('theme', 'light');
    figure.append(chart);
    return figure;
  }

  private sourcesPage(): HTMLElement {
    const { meta } = this.story;
    const section = document.createElement('section');
    section.className = 'fl-print-sources';
    section.setAttribute('aria-label', 'Sources');
    const heading = document.createElement('h2');
    heading.textContent = 'Sources';
    section.append(heading);
    for (const dataset of this.options.datasets) {
      const sources = uniqueSources(dataset.rows);
      if (!sources.length) continue;
      const title = document.createElement('h3');
      title.textContent = dataset.label;
      const list = document.createElement('ul');
      for (const source of sources) {
        const item = document.createElement('li');
        item.textContent = source;
        list.append(item);
      }
      section.append(title, list);
    }
    const original = document.createElement('p');
    original.append('Article: ', link(meta.original), ` (${meta.byline}).`);
    const here = new URL(location.href);
    here.search = '';
    here.hash = '';
    const printed = document.createElement('p');
    printed.append('This story: ', link(here.href), '.');
    section.append(original, printed);
    return section;
  }
}

function link(href: string): HTMLAnchorElement {
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.textContent = href;
  return anchor;
}

/**
 * Every distinct source line in a dataset's rows, as the rows give it: a row's line may name several sources and
 * qualify them ("figures differ between sources"), so it is kept whole rather than split.
 */
export function uniqueSources(rows: readonly { readonly source?: string }[]): string[] {
  const seen: string[] = [];
  for (const row of rows) {
    const source = (row.source ?? '').trim();
    if (source && !seen.includes(source)) seen.push(source);
  }
  return seen;
}

type ChartElement = Element & { updateComplete?: Promise<unknown>; geographyStatus?: string };

/**
 * Resolves when every chart has drawn its state (`data-drawn`, which the chart base sets after each draw) and
 * nothing it draws from is still on its way; a map says so through its public `geographyStatus`. Gives up after
 * `timeoutMs`, so a failed request cannot hold the print back for ever.
 */
export async function waitForCharts(charts: readonly Element[], timeoutMs: number): Promise<void> {
  const start = performance.now();
  const settled = (chart: ChartElement) =>
    !chart.isConnected ||
    (chart.hasAttribute('data-drawn') && chart.geographyStatus !== 'waiting' && chart.geographyStatus !== 'loading');
  while (performance.now() - start < timeoutMs) {
    await Promise.all(charts.map((chart) => (chart as ChartElement).updateComplete));
    if (charts.every((chart) => settled(chart as ChartElement))) break;
    await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  }
  // A map redraws when its outlines arrive; its update after that is the last one.
  await Promise.all(charts.map((chart) => (chart as ChartElement).updateComplete));
}
