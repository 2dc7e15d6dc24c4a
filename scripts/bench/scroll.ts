/**
 * The scroll-through: a page in Chromium with the CPU slowed 4x, scrolled from top to bottom at a fixed speed
 * (a distance every 16 ms, as a finger drags: reading speed, or a fling), measuring
 * - long tasks (PerformanceObserver 'longtask'), during load and during the scroll, and the scroll's blocking time
 *   (the part of each long task over 50 ms, summed);
 * - frame intervals (requestAnimationFrame timestamps) while scrolling: p50, p95, max;
 * - for each `fl-step-change`, the time until the active chart has drawn the new state (its `data-drawn`
 *   attribute equals its state key), in ms and in frames.
 *
 * The page scripts are plain JavaScript strings: they run in the browser untouched by any TypeScript transform.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { percentile } from './stats.ts';
import { CHARTS } from '../../src/charts/registry.ts';

export const SCROLL_OPTIONS = {
  /**
   * The CPU slowdown of every scroll-through: 4x, the budgets' (a mid-range phone); `--cpu N` in the bench and
   * the trace sets another for a look at a faster or slower device (cpuThrottlingFrom).
   */
  cpuThrottling: 4 as number,
  /** The scroll moves this far every tickMs, whatever the frame rate: a slow page drops frames, not distance. */
  tickMs: 16,
  /** Time after the last scroll frame for transitions and late work to finish (still counted for long tasks). */
  settleMs: 1000,
  /** Quiet time after load (and the first chart's picture, where the page draws one) before scrolling starts. */
  loadSettleMs: 1500,
  /**
   * What moves the page (`--scroll script|wheel`):
   * - 'script', the budgets' way: the page's own script, `scrollTo` in each animation frame, so that every frame
   *   the reader sees is one the main thread made (as a page's frames are while it moves under a finger and
   *   responds to it). Reading the page's height there makes the browser do the frame's style and layout inside
   *   that callback, and again after the page's own callbacks (D3's transitions) when they change anything.
   * - 'wheel', a scroll gesture the browser makes of its own input (CDP Input.synthesizeScrollGesture: wheel
   *   events at the same speed): the compositor moves the page, and the main thread does only what the page asks
   *   of it. It gives fewer long tasks but more frames over 50 ms than 'script' on the same build: Chromium keeps
   *   such a scroll moving on the compositor and lets the main thread's frames (each chart's moves) fall behind.
   *   A look at the page as a wheel or a touch screen moves it; the budgets are not checked with it.
   */
  driver: 'script' as ScrollDriver,
};

export type ScrollDriver = 'wheel' | 'script';

/** The driver a command line asks for with `--scroll script|wheel` ('script', the budgets', without it). */
export function scrollDriverFrom(args: readonly string[]): ScrollDriver {
  const i = args.indexOf('--scroll');
  if (i === -1) return 'script';
  const driver = args[i + 1];
  if (driver !== 'wheel' && driver !== 'script') throw new Error(`--scroll takes wheel or script, not "${driver ?? ''}"`);
  return driver;
}

/**
 * The slowdown a command line asks for with `--cpu N` (a number from 1), or the budgets' 4x without it. Only the
 * bench's scroll-throughs and traces take it: Lighthouse keeps its own mobile settings.
 */
export function cpuThrottlingFrom(args: readonly string[]): number {
  const i = args.indexOf('--cpu');
  if (i === -1) return SCROLL_OPTIONS.cpuThrottling;
  const rate = Number(args[i + 1]);
  if (!Number.isFinite(rate) || rate < 1) throw new Error(`--cpu takes a slowdown of 1 or more (1 = none), not "${args[i + 1] ?? ''}"`);
  return rate;
}

export const VIEWPORTS = {
  phone: { width: 412, height: 823 },
  desktop: { width: 1440, height: 900 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/** Reading speed (25 px every 16 ms) and a fling (100 px every 16 ms). */
export const SCROLL_MODES = { reading: 25, fling: 100 } as const;
export type ScrollMode = keyof typeof SCROLL_MODES;

export interface ScrollRun {
  readonly viewport: ViewportName;
  readonly mode: ScrollMode;
  /** Stop after this many px (the whole page when absent). */
  readonly maxPx?: number;
  /** After the measured scroll, fling on until this many step changes, then read the JS heap (growth run). */
  readonly heapAfterSteps?: number;
  /** Load the page and read its load figures (LCP, shift, long tasks) without scrolling (`npm run bench -- --load-only`). */
  readonly loadOnly?: boolean;
}

export interface StepTiming {
  readonly id: string;
  readonly chart: string;
  /** ms from the step event to the chart's finished draw. */
  readonly ms: number;
  /** The longest task that overlapped the step change and its transition (0 when none was long). */
  readonly longestTaskMs: number;
  /**
   * The frame in which the update shows: 1 when the chart drew before the next frame began (the update is in
   * the first frame after the step change), 2 when one frame went by without it, and so on.
   */
  readonly frames: number;
}

export interface SlowFrame {
  /** The frame interval, in ms. */
  readonly ms: number;
  /** When the frame ended, in ms from the start of the scroll. */
  readonly atMs: number;
  /** The last step change before the frame began (null when none had happened), and how long before, in ms. */
  readonly afterStep: string | null;
  readonly afterStepMs: number;
}

export interface ScrollFigures {
  readonly scrollMs: number;
  /** How far the measured scroll went. */
  readonly scrolledPx: number;
  /** Long tasks during the scroll per 10,000 px scrolled. */
  readonly longTasksPer10kPx: number;
  /** Frame intervals over 50 ms. */
  readonly framesOver50: number;
  /**
   * Frame intervals over 25 ms: frames that took two display intervals or more (at 60 Hz). The p95 goes from 16.7
   * to 33.3 ms once these are over 5% of the frames, so this count says how near that a scroll is.
   */
  readonly framesMissed: number;
  /** Where those frames fell: each one's length, and the step change before it (its id, and how long before). */
  readonly slowFrames: SlowFrame[];
  /** Where the scroll's long tasks fell, in the same terms (atMs: when the task began). */
  readonly longTaskList: SlowFrame[];
  /** JS heap after garbage collection, at the end (after heapAfterSteps step changes when asked). */
  readonly heapBytes: number;
  /** Step changes before the heap was read. */
  readonly heapSteps: number;
  readonly frameCount: number;
  readonly frameP50Ms: number;
  readonly frameP95Ms: number;
  readonly frameMaxMs: number;
  readonly longTasks: number;
  readonly longTaskMaxMs: number;
  readonly blockingMs: number;
  readonly loadLongTasks: number;
  readonly loadBlockingMs: number;
  readonly stepEvents: number;
  /** Step changes whose chart had a new state to draw, with their timings. */
  readonly steps: StepTiming[];
  /** Step changes that left their chart's state as it was (nothing to draw). */
  readonly unchangedSteps: number;
  /** Step changes whose chart had not drawn when the run ended. */
  readonly undrawnSteps: string[];
  readonly stepP50Ms: number;
  readonly stepMaxMs: number;
  readonly stepMaxFrames: number;
  readonly pageErrors: string[];
  /** When the first chart had drawn, in ms from navigation. */
  readonly firstChartMs: number;
  /** When the measured scroll began, in ms from navigation. */
  readonly scrollStartMs: number;
  /** Layout shift before scrolling (the sum of shift values, as CLS counts them on a page this short-lived). */
  readonly loadShift: number;
  /** The elements that moved in those shifts, largest shift first. */
  readonly loadShiftSources: string[];
  /** The page's largest contentful paint before scrolling: when (ms from navigation) and which element. */
  readonly lcpMs: number;
  readonly lcpElement: string;
}

/** Installed before any page script: records long tasks, counts frames, and times step changes. */
const INIT_SCRIPT = String.raw`(() => {
  const bench = { longTasks: [], frame: 0, stepEvents: 0, stepLog: [], steps: [], unchanged: 0, pending: [] };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    bench.observerError = String(error);
  }
  const describe = (node) => {
    if (!node) return '(removed)';
    if (node.nodeType !== 1) return node.parentElement ? describe(node.parentElement) : '#text';
    const classes = typeof node.className === 'string' && node.className.trim() ? '.' + node.className.trim().split(/\s+/).join('.') : '';
    return node.localName + (node.id ? '#' + node.id : '') + classes;
  };
  bench.shifts = [];
  bench.lcp = null;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) bench.shifts.push({ start: entry.startTime, value: entry.value, sources: (entry.sources || []).map((source) => describe(source.node)) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      const entry = list.getEntries().at(-1);
      if (entry) bench.lcp = { start: entry.startTime, size: entry.size, element: describe(entry.element) };
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch (error) {
    bench.observerError = String(error);
  }
  const tick = () => { bench.frame++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);

  const stateKey = (chart) => (chart.chartState === undefined ? null : JSON.stringify(chart.chartState));
  const settle = () => {
    const now = performance.now();
    if (bench.firstChart === undefined && document.querySelector('[data-drawn]')) {
      bench.firstChart = { ms: now };
    }
    bench.pending = bench.pending.filter((entry) => {
      const key = stateKey(entry.chart);
      if (key === null || entry.chart.getAttribute('data-drawn') !== key) return true;
      bench.steps.push({ id: entry.id, chart: entry.chart.localName, t0: entry.t0, ms: now - entry.t0, frames: bench.frame - entry.frame0 + 1 });
      return false;
    });
  };
  new MutationObserver(settle).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-drawn'] });
  customElements.whenDefined && ${JSON.stringify(CHARTS.map((chart) => chart.tag))}.forEach((tag) =>
    customElements.whenDefined(tag).then(settle));

  document.addEventListener('fl-step-change', (event) => {
    const t0 = performance.now();
    bench.stepEvents++;
    bench.stepLog.push({ id: event.detail && event.detail.id, t: t0 });
    const section = event.composedPath()[0];
    const wrapper = section && section.querySelector ? section.querySelector('.scrolly-chart[data-active]') : null;
    const chart = wrapper ? [...wrapper.children].find((element) => element.localName.startsWith('fl-')) : null;
    if (!chart) return;
    // A newer step for the same chart replaces an older one not yet drawn.
    bench.pending = bench.pending.filter((entry) => entry.chart !== chart);
    const key = stateKey(chart);
    if (key !== null && chart.getAttribute('data-drawn') === key) {
      bench.unchanged++;
      return;
    }
    bench.pending.push({ id: event.detail && event.detail.id, chart, t0, frame0: bench.frame });
  }, true);
})();`;

/**
 * The page's own paced scroll, as a function's source to run in the page: every frame it scrolls (\`scrollTo\`) to
 * where the pace puts the page by then, \`pxPerTick\` px every \`tickMs\` ms since \`start\`, until the bottom (or
 * \`maxPx\`) has held for three frames. \`onFrame\` is given each frame's time. With \`scroll\` false it only counts
 * frames until \`done()\` (the browser's own gesture moves the page: wheelScroll). The bench's reads (SCROLL_SCRIPT)
 * and trace.ts scroll with it, so a trace is of the very scroll the bench measures.
 */
export const PACED_SCROLL = String.raw`async ({ pxPerTick, tickMs, maxPx, start, scroll = true, done = () => false, onFrame = () => {} }) => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  let atEnd = 0;
  let top = 0;
  for (let frames = 0; atEnd < 3 && frames < 20000; frames++) {
    const now = await frame();
    onFrame(now);
    if (!scroll) {
      if (done()) break;
      continue;
    }
    const max = Math.min(maxPx || Infinity, document.documentElement.scrollHeight - window.innerHeight);
    if (top >= max - 1) atEnd++;
    else {
      top = Math.min(max, Math.round(((now - start) / tickMs) * pxPerTick));
      window.scrollTo({ top, behavior: 'instant' });
    }
  }
}`;

/**
 * Records the scroll's frames and returns what was recorded. With the 'script' driver it scrolls the page itself,
 * from top to bottom (or maxPx) at pxPerTick every tickMs; with 'wheel' the bench moves the page (wheelScroll) and
 * sets \`__bench.scrollDone\` when it has, and the page only counts frames (reading nothing of its layout).
 */
const SCROLL_SCRIPT = String.raw`async ({ pxPerTick, tickMs, maxPx, settleMs, loadOnly, driver }) => {
  const bench = window.__bench;
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  window.scrollTo({ top: 0, behavior: 'instant' });
  await frame();
  await frame();
  const lcp = bench.lcp;
  const loadShifts = bench.shifts.slice();
  const times = [];
  const start = performance.now();
  bench.scrolling = true;
  if (!loadOnly) {
    await (${PACED_SCROLL})({ pxPerTick, tickMs, maxPx, start, scroll: driver !== 'wheel', done: () => bench.scrollDone, onFrame: (now) => times.push(now) });
  }
  const end = performance.now();
  if (!loadOnly) await new Promise((resolve) => setTimeout(resolve, settleMs));
  return {
    times,
    start,
    end,
    scrolledPx: window.scrollY,
    settled: performance.now(),
    longTasks: bench.longTasks,
    stepEvents: bench.stepEvents,
    stepLog: bench.stepLog,
    steps: bench.steps,
    unchanged: bench.unchanged,
    undrawn: bench.pending.map((entry) => entry.id),
    observerError: bench.observerError || null,
    firstChart: bench.firstChart || null,
    lcp,
    loadShifts,
  };
}`;

/** Flings on from where the page is until `steps` step changes have happened (or the page ends): the 'script' driver. */
const FLING_ON_SCRIPT = String.raw`async ({ steps, pxPerTick, tickMs }) => {
  const bench = window.__bench;
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const from = window.scrollY;
  const start = performance.now();
  while (bench.stepEvents < steps) {
    const now = await frame();
    const max = document.documentElement.scrollHeight - window.innerHeight;
    if (window.scrollY >= max - 1) break;
    window.scrollTo({ top: Math.min(max, from + Math.round(((now - start) / tickMs) * pxPerTick)), behavior: 'instant' });
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return bench.stepEvents;
}`;

interface PageRecord {
  times: number[];
  start: number;
  end: number;
  settled: number;
  scrolledPx: number;
  longTasks: { start: number; duration: number }[];
  stepEvents: number;
  /** Every step change during the scroll: its id and when (performance.now()). */
  stepLog: { id: string; t: number }[];
  steps: (Omit<StepTiming, 'longestTaskMs'> & { t0: number })[];
  unchanged: number;
  undrawn: string[];
  observerError: string | null;
  firstChart: { ms: number } | null;
  lcp: { start: number; size: number; element: string } | null;
  loadShifts: { start: number; value: number; sources: string[] }[];
}

const blocking = (tasks: readonly { duration: number }[]): number => tasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0);

/** Something that took `ms` from `began`, reported at `atMs` from the scroll's start, after the step change before it. */
function placed(record: PageRecord, ms: number, began: number, atMs: number): SlowFrame {
  const step = record.stepLog.findLast((entry) => entry.t <= began);
  return { ms: Math.round(ms * 10) / 10, atMs: Math.round(atMs), afterStep: step?.id ?? null, afterStepMs: step ? Math.round(began - step.t) : Number.NaN };
}

/** The frames over 50 ms, each placed after the step change before it began: where to look in a trace. */
function slowFrames(record: PageRecord, intervals: readonly number[]): SlowFrame[] {
  return intervals.flatMap((ms, i) => (ms > 50 ? [placed(record, ms, record.times[i]!, record.times[i + 1]! - record.start)] : []));
}

/**
 * Waits after a page's load until its scroll can be measured: for its first chart's picture where it draws one,
 * then for the quiet time. The scroll measures scrolling, not the end of the load (Lighthouse does that). The
 * 28-step story has drawn long before the network is idle; a story of a thousand steps lays out a far longer page,
 * and without the wait for its picture began its scroll inside its load.
 */
export async function settleAfterLoad(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-drawn]') || !document.querySelector('script[type="module"]'), undefined, { timeout: 60_000 });
  await page.waitForTimeout(SCROLL_OPTIONS.loadSettleMs);
}

/** Px per second of a scroll that moves `pxPerTick` every tick: the gesture's speed. */
const gestureSpeed = (pxPerTick: number): number => Math.round((pxPerTick / SCROLL_OPTIONS.tickMs) * 1000);

/** How far the page can still scroll down (to `maxPx` when not 0). Read between gestures, not during one. */
const scrollLeft = (page: Page, maxPx: number): Promise<number> =>
  page.evaluate((maxPx) => Math.min(maxPx || Number.POSITIVE_INFINITY, document.documentElement.scrollHeight - innerHeight) - scrollY, maxPx);

/**
 * One scroll gesture down `px` at `pxPerTick` every tick, as the browser's own input (wheel events from the middle
 * of the viewport): it resolves once the gesture has ended. The browser paces the gesture, not the page, so a slow
 * page drops frames, not distance.
 */
async function gesture(page: Page, cdp: CDPSession, px: number, pxPerTick: number): Promise<void> {
  const { width, height } = page.viewportSize() ?? VIEWPORTS.phone;
  await cdp.send('Input.synthesizeScrollGesture', {
    x: Math.round(width / 2),
    y: Math.round(height / 2),
    yDistance: -Math.ceil(px),
    speed: gestureSpeed(pxPerTick),
    gestureSourceType: 'mouse',
    preventFling: true,
  });
}

/** Scrolls the page to its end (or to `maxPx`) with gestures ('wheel' driver): again if the page grew meanwhile. */
export async function wheelScroll(page: Page, cdp: CDPSession, pxPerTick: number, maxPx: number): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const left = await scrollLeft(page, maxPx);
    if (left < 1) return;
    await gesture(page, cdp, left, pxPerTick);
  }
}

/** A fling's distance between two counts of the step changes, for wheelFlingOn: a second of flinging. */
const FLING_CHUNK_PX = SCROLL_MODES.fling * (1000 / SCROLL_OPTIONS.tickMs);

/** Flings on until `steps` step changes have happened (or the page ends), a second at a time; their count. */
async function wheelFlingOn(page: Page, cdp: CDPSession, steps: number): Promise<number> {
  const stepEvents = (): Promise<number> => page.evaluate('window.__bench.stepEvents') as Promise<number>;
  while ((await stepEvents()) < steps) {
    const left = await scrollLeft(page, 0);
    if (left < 1) break;
    await gesture(page, cdp, Math.min(left, FLING_CHUNK_PX), SCROLL_MODES.fling);
  }
  await page.waitForTimeout(1000);
  return stepEvents();
}

export async function runScroll(browser: Browser, url: string, run: ScrollRun): Promise<ScrollFigures> {
  const context = await browser.newContext({
    viewport: VIEWPORTS[run.viewport],
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    reducedMotion: 'no-preference',
  });
  const pageErrors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.addInitScript({ content: INIT_SCRIPT });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SCROLL_OPTIONS.cpuThrottling });
    await page.goto(url, { waitUntil: 'networkidle', timeout: 60_000 });
    await settleAfterLoad(page);
    const pxPerTick = SCROLL_MODES[run.mode];
    const driver = SCROLL_OPTIONS.driver;
    const loadOnly = run.loadOnly ?? false;
    const script = { pxPerTick, tickMs: SCROLL_OPTIONS.tickMs, maxPx: run.maxPx ?? 0, settleMs: SCROLL_OPTIONS.settleMs, loadOnly, driver };
    const recording = page.evaluate(`(${SCROLL_SCRIPT})(${JSON.stringify(script)})`) as Promise<PageRecord>;
    // Settled either way: an error of the gesture below is the one to report, not this one's after the page closes.
    const recorded = recording.then(
      (record) => ({ record }),
      (error: unknown) => ({ error }),
    );
    if (driver === 'wheel' && !loadOnly) {
      await page.waitForFunction(() => (window as unknown as { __bench: { scrolling?: boolean } }).__bench.scrolling);
      await wheelScroll(page, cdp, pxPerTick, run.maxPx ?? 0);
      await page.evaluate('window.__bench.scrollDone = true');
    }
    const outcome = await recorded;
    if ('error' in outcome) throw outcome.error;
    const { record } = outcome;
    let heapSteps = record.stepEvents;
    if (run.heapAfterSteps && heapSteps < run.heapAfterSteps) {
      if (driver === 'wheel') heapSteps = await wheelFlingOn(page, cdp, run.heapAfterSteps);
      else {
        const fling = { steps: run.heapAfterSteps, pxPerTick: SCROLL_MODES.fling, tickMs: SCROLL_OPTIONS.tickMs };
        heapSteps = (await page.evaluate(`(${FLING_ON_SCRIPT})(${JSON.stringify(fling)})`)) as number;
      }
    }
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    if (record.observerError) throw new Error(`long task observer: ${record.observerError}`);
    const intervals = record.times.slice(1).map((time, i) => time - record.times[i]!);
    const during = record.longTasks.filter((task) => task.start + task.duration > record.start && task.start < record.settled);
    const atLoad = record.longTasks.filter((task) => task.start + task.duration <= record.start);
    const stepMs = record.steps.map((step) => step.ms);
    const steps: StepTiming[] = record.steps.map(({ t0, ...step }) => {
      const overlapping = record.longTasks.filter((task) => task.start + task.duration >= t0 && task.start <= t0 + step.ms);
      return { ...step, longestTaskMs: overlapping.length ? Math.max(...overlapping.map((task) => task.duration)) : 0 };
    });
    return {
      scrollMs: record.end - record.start,
      scrolledPx: record.scrolledPx,
      longTasksPer10kPx: record.scrolledPx > 0 ? (during.length / record.scrolledPx) * 10_000 : Number.NaN,
      framesOver50: intervals.filter((interval) => interval > 50).length,
      framesMissed: intervals.filter((interval) => interval > 25).length,
      slowFrames: slowFrames(record, intervals),
      heapBytes: heap.usedSize,
      heapSteps,
      frameCount: record.times.length,
      frameP50Ms: percentile(intervals, 50),
      frameP95Ms: percentile(intervals, 95),
      frameMaxMs: intervals.length ? Math.max(...intervals) : Number.NaN,
      longTasks: during.length,
      longTaskList: during.map((task) => placed(record, task.duration, task.start, task.start - record.start)),
      longTaskMaxMs: during.length ? Math.max(...during.map((task) => task.duration)) : 0,
      blockingMs: blocking(during),
      loadLongTasks: atLoad.length,
      loadBlockingMs: blocking(atLoad),
      stepEvents: record.stepEvents,
      steps,
      unchangedSteps: record.unchanged,
      undrawnSteps: record.undrawn,
      stepP50Ms: percentile(stepMs, 50),
      stepMaxMs: stepMs.length ? Math.max(...stepMs) : Number.NaN,
      stepMaxFrames: steps.length ? Math.max(...steps.map((step) => step.frames)) : Number.NaN,
      pageErrors,
      firstChartMs: record.firstChart?.ms ?? Number.NaN,
      scrollStartMs: record.start,
      loadShift: record.loadShifts.reduce((sum, shift) => sum + shift.value, 0),
      loadShiftSources: [...new Set([...record.loadShifts].sort((a, b) => b.value - a.value).flatMap((shift) => shift.sources))],
      lcpMs: record.lcp?.start ?? Number.NaN,
      lcpElement: record.lcp?.element ?? '',
    };
  } finally {
    await context.close();
  }
}
