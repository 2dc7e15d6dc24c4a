/**
 * `npm run bench`: how fast the story is, against the no-JavaScript floor of the same page.
 *
 * 1. Builds (`vite build`, then the embed bundle, each timed, into a temporary directory), and measures the bytes
 *    (scripts/bench/bytes.ts).
 * 2. Serves the build on 127.0.0.1 compressed as a static host does (brotli or gzip), with a reference page beside
 *    the story: the story's HTML with every script and modulepreload removed (/bench-reference.html).
 * 3. Runs Lighthouse (mobile defaults) and scroll-throughs (Chromium, 4x CPU slowdown; reading speed, 25 px every
 *    16 ms, and a fling, 100 px every 16 ms; at 412 x 823 and 1440 x 900) on both pages alternately, N times (story
 *    then reference, then reference then story, ...), and reports min/median/max of each figure and the median of
 *    the story/reference ratios taken within each run pair.
 * 4. With --steps N, the growth run: writes a story of at least N steps (the article's steps repeated with new
 *    ids), builds it (timed), and scrolls its first 30,000 px at reading speed (412 px), then flings on to 100 step
 *    changes and reads the JS heap; these are compared with the 28-step story's reading run at 412 px.
 * 5. Prints tables, writes bench/results.json, and with --check exits 1 when a budget in bench/budgets.json is
 *    missed.
 *
 * Options: --runs N (default 3), --quick (1 run), --check, --skip-build (measure dist/ as it is), --dist DIR (measure
 *          that build as it is), --steps N,
 *          --no-lighthouse, --no-scroll, --out FILE (default bench/results.json), --load-only (Lighthouse and the
 *          page loads at 4x CPU and 412 px only, no scrolling and no cards; writes a results file only with --out),
 *          --cpu N (the scroll-throughs at N x CPU instead of 4x, for a faster or slower device: no budgets checked,
 *          and a results file only with --out), --scroll wheel (the page moved by the browser's own scroll gesture,
 *          on the compositor, instead of by the page's script: see SCROLL_OPTIONS.driver in bench/scroll.ts; no
 *          budgets checked, a results file only with --out).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { chromium } from 'playwright-core';
import { embedEntryBytes, formatKb, measureBytes, type ByteGroup, type ByteReport } from './bench/bytes.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, chromiumVersion } from './bench/chromium.ts';
import { runLighthouse, type LighthouseFigures } from './bench/lighthouse.ts';
import { cpuThrottlingFrom, runScroll, scrollDriverFrom, SCROLL_MODES, SCROLL_OPTIONS, VIEWPORTS, type ScrollFigures, type ScrollMode, type ViewportName } from './bench/scroll.ts';
import { writeLongStory } from './bench/growth.ts';
import { measureCards } from './bench/cards.ts';
import { referencePage, serveStatic } from './bench/server.ts';
import { median, ratio, summarize, type Summary } from './bench/stats.ts';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const runs = flag('quick') ? 1 : Math.max(1, Number(option('runs') ?? 3));
// --load-only measures what a change to the first paint needs (LCP against the reference) in a few minutes; its
// partial results do not replace bench/results.json unless asked.
const loadOnly = flag('load-only');
// --cpu N: the scroll-throughs (and the page loads in them) at another CPU slowdown, a look at a faster or slower
// device than the budgets' 4x. Its figures are not the budgets': it checks none and replaces no results file.
const budgetCpu = SCROLL_OPTIONS.cpuThrottling;
SCROLL_OPTIONS.cpuThrottling = cpuThrottlingFrom(args);
// --scroll wheel: the page moved by the browser's own scroll gesture (bench/scroll.ts); the budgets are the script's.
const budgetDriver = SCROLL_OPTIONS.driver;
SCROLL_OPTIONS.driver = scrollDriverFrom(args);
const atBudgetCpu = SCROLL_OPTIONS.cpuThrottling === budgetCpu && SCROLL_OPTIONS.driver === budgetDriver;
if (!atBudgetCpu && flag('check')) {
  console.error(`--check measures the budgets at ${budgetCpu}x CPU, scrolled by ${budgetDriver}, not at ${SCROLL_OPTIONS.cpuThrottling}x by ${SCROLL_OPTIONS.driver}`);
  process.exit(2);
}
const outFile = option('out') ?? (loadOnly || !atBudgetCpu ? undefined : 'bench/results.json');
// The bench builds into a directory of its own, so a build someone else starts meanwhile cannot swap the files
// it is serving; --skip-build measures dist/ as it is.
// --dist DIR measures another build as it is (e.g. one made before a change, to compare the two in turn).
if (option('dist')) args.push('--skip-build');
const DIST = flag('skip-build') ? (option('dist') ?? 'dist') : join(mkdtempSync(join(tmpdir(), 'frontlines-bench-')), 'dist');
const REFERENCE_PATH = '/bench-reference.html';

interface ScrollBudget {
  longTasks: number;
  frameP95Ms: number;
  framesOver50?: number;
}
interface Budgets {
  bytes: { initialJsGzip: number; geographyGzip: number; fontsRaw: number; embedChartGzip?: Record<string, number> };
  lighthouse: { performanceScore: number; cls: number; tbtMs: number; lcpToReference: number };
  scroll: { reading: ScrollBudget; fling: ScrollBudget; stepToDrawnFrames: number };
  growth: { buildMs: number; longTasksPer10kPxRatio: number; frameP95Ratio: number; heapRatio: number };
}
const growthSteps = option('steps') ? Math.max(1, Number(option('steps'))) : 0;
/** The growth run scrolls this far at reading speed, and reads the heap after this many step changes. */
const GROWTH_SCROLL_PX = 30_000;
const GROWTH_HEAP_STEPS = 100;

/** One row of the figures table: a number per run for the story and (where it applies) the reference. */
interface Figure {
  readonly name: string;
  readonly unit: 'ms' | 'score' | 'count' | 'frames' | '';
  readonly story: number[];
  readonly reference: number[] | null;
  /** Time-like figures get a story/reference ratio per run pair. */
  readonly ratio: boolean;
}

interface FigureSummary {
  name: string;
  unit: string;
  story: Summary & { runs: number[] };
  reference: (Summary & { runs: number[] }) | null;
  /** Median of the per-run-pair ratios, with their min and max. */
  ratio: Summary | null;
}

const started = performance.now();
const log = (text: string): void => console.error(text);

function git(...gitArgs: string[]): string {
  return spawnSync('git', gitArgs, { encoding: 'utf8' }).stdout?.trim() ?? '';
}

// 1. Build, timed: the site, then the embed bundle (when the project has its config) into the same directory.
let buildMs = Number.NaN;
let embedBuildMs = Number.NaN;
const vite = (extra: string[], env: Record<string, string> = {}): boolean =>
  spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', ...extra], { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
if (!flag('skip-build')) {
  log('building (vite build) ...');
  const buildStart = performance.now();
  const built = vite(['--outDir', DIST, '--emptyOutDir']);
  buildMs = performance.now() - buildStart;
  let embedBuilt = true;
  if (built && existsSync('vite.embed.config.ts')) {
    log('building the embed bundle (vite build -c vite.embed.config.ts) ...');
    const embedStart = performance.now();
    embedBuilt = vite(['-c', 'vite.embed.config.ts', '--outDir', join(DIST, 'embed')]);
    embedBuildMs = performance.now() - embedStart;
    if (embedBuilt && existsSync('scripts/build-embed-charts.ts')) {
      log('building the charts\' own embed entries (scripts/build-embed-charts.ts) ...');
      embedBuilt = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-embed-charts.ts', '--outDir', join(DIST, 'embed')], { stdio: 'inherit' }).status === 0;
    }
  }
  if (!built || !embedBuilt) {
    console.error('the build failed: nothing to measure');
    rmSync(dirname(DIST), { recursive: true, force: true });
    process.exit(1);
  }
}
// The growth run's story, built apart (the site only: the embed bundle does not depend on the story's length).
let growthBuildMs = Number.NaN;
let growthStepCount = 0;
const GROWTH_DIR = growthSteps ? mkdtempSync(join(tmpdir(), 'frontlines-growth-')) : '';
if (growthSteps) {
  const storyFile = join(GROWTH_DIR, 'article.md');
  growthStepCount = writeLongStory('story/article.md', storyFile, growthSteps);
  log(`building the ${growthStepCount}-step story ...`);
  const growthStart = performance.now();
  const built = vite(['--outDir', join(GROWTH_DIR, 'dist'), '--emptyOutDir'], { FRONTLINES_STORY: relative(process.cwd(), storyFile), FRONTLINES_DRAWINGS: 'off' });
  growthBuildMs = performance.now() - growthStart;
  if (!built) {
    console.error('the long story did not build');
    process.exit(1);
  }
}
const bytes = measureBytes(DIST);
const embedEntries = Object.fromEntries(Object.keys(JSON.parse(readFileSync('bench/budgets.json', 'utf8')).bytes.embedChartGzip ?? {}).map((file) => [file, embedEntryBytes(DIST, file)]));
const embedEntryGzip = (file: string): number => embedEntries[file]?.gzip ?? Number.NaN;
const storyHtml = readFileSync(`${DIST}/index.html`, 'utf8');
const server = await serveStatic(DIST, { [REFERENCE_PATH]: referencePage(storyHtml) });
const pages = { story: `${server.origin}/index.html`, reference: `${server.origin}${REFERENCE_PATH}` } as const;
type PageName = keyof typeof pages;
/** Alternate which page goes first in each pair, so drift on a shared machine does not favour one. */
const order = (run: number): PageName[] => (run % 2 === 0 ? ['story', 'reference'] : ['reference', 'story']);

const growthServer = growthSteps ? await serveStatic(join(GROWTH_DIR, 'dist')) : null;
const growthUrl = growthServer ? `${growthServer.origin}/index.html` : '';

const lighthouseRuns: Record<PageName, LighthouseFigures[]> = { story: [], reference: [] };
/** Scroll runs by page, then by "viewport mode" (e.g. "phone reading"). */
type ScrollKey = `${ViewportName} ${ScrollMode}`;
const SCROLL_KEYS: ScrollKey[] = loadOnly
  ? ['phone reading']
  : (Object.keys(VIEWPORTS) as ViewportName[]).flatMap((viewport) =>
      (Object.keys(SCROLL_MODES) as ScrollMode[]).map((mode): ScrollKey => `${viewport} ${mode}`),
    );
const scrollRuns: Record<PageName, Record<ScrollKey, ScrollFigures[]>> = {
  story: Object.fromEntries(SCROLL_KEYS.map((key) => [key, []])) as unknown as Record<ScrollKey, ScrollFigures[]>,
  reference: Object.fromEntries(SCROLL_KEYS.map((key) => [key, []])) as unknown as Record<ScrollKey, ScrollFigures[]>,
};
const growthScrolls: ScrollFigures[] = [];
const growthLighthouse: LighthouseFigures[] = [];

try {
  // 2. Lighthouse, alternately.
  if (!flag('no-lighthouse')) {
    for (let run = 0; run < runs; run++) {
      for (const page of order(run)) {
        log(`lighthouse ${run + 1}/${runs}: ${page}`);
        lighthouseRuns[page].push(await runLighthouse(pages[page]));
      }
      if (growthSteps) {
        log(`lighthouse ${run + 1}/${runs}: ${growthStepCount}-step story`);
        growthLighthouse.push(await runLighthouse(growthUrl));
      }
    }
  }
  // 3. Scroll-through, alternately, in one browser with a fresh context per run.
  if (!flag('no-scroll')) {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
    try {
      for (let run = 0; run < runs; run++) {
        for (const key of SCROLL_KEYS) {
          const [viewport, mode] = key.split(' ') as [ViewportName, ScrollMode];
          for (const page of order(run)) {
            log(`${loadOnly ? 'load' : 'scroll-through'} ${run + 1}/${runs}: ${page}, ${loadOnly ? viewport : key}`);
            scrollRuns[page][key].push(await runScroll(browser, pages[page], { viewport, mode, loadOnly }));
          }
        }
        if (growthSteps) {
          log(`scroll-through ${run + 1}/${runs}: ${growthStepCount}-step story, first ${GROWTH_SCROLL_PX} px`);
          growthScrolls.push(await runScroll(browser, growthUrl, { viewport: 'phone', mode: 'reading', maxPx: GROWTH_SCROLL_PX, heapAfterSteps: GROWTH_HEAP_STEPS }));
        }
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
  await growthServer?.close();
  if (!flag('skip-build')) rmSync(dirname(DIST), { recursive: true, force: true });
  if (GROWTH_DIR) rmSync(GROWTH_DIR, { recursive: true, force: true });
}

// 4. Figures.
const lh = (pick: (figures: LighthouseFigures) => number, name: string, unit: Figure['unit'], isTime: boolean): Figure => ({
  name,
  unit,
  story: lighthouseRuns.story.map(pick),
  reference: lighthouseRuns.reference.map(pick),
  ratio: isTime,
});
const sc = (key: ScrollKey, pick: (figures: ScrollFigures) => number, name: string, unit: Figure['unit'], isTime: boolean, withReference = true): Figure => ({
  name: `${key}: ${name}`,
  unit,
  story: scrollRuns.story[key].map(pick),
  reference: withReference ? scrollRuns.reference[key].map(pick) : null,
  ratio: isTime && withReference,
});
const scrolled = scrollRuns.story['phone reading'].length > 0;
const figures: Figure[] = [];
if (lighthouseRuns.story.length) {
  figures.push(
    lh((f) => f.score, 'Lighthouse performance score', 'score', false),
    lh((f) => f.fcpMs, 'First Contentful Paint', 'ms', true),
    lh((f) => f.lcpMs, 'Largest Contentful Paint', 'ms', true),
    lh((f) => f.tbtMs, 'Total Blocking Time', 'ms', true),
    lh((f) => f.cls, 'Cumulative Layout Shift', '', false),
    lh((f) => f.speedIndexMs, 'Speed Index', 'ms', true),
  );
}
if (scrolled) {
  const load: ScrollKey = 'phone reading';
  figures.push(
    sc(load, (f) => f.lcpMs, `load LCP (${SCROLL_OPTIONS.cpuThrottling}x CPU, no network throttling)`, 'ms', true),
    sc(load, (f) => f.loadShift, 'load layout shift', '', false),
    sc(load, (f) => f.loadLongTasks, 'load long tasks', 'count', false),
    sc(load, (f) => f.loadBlockingMs, 'load blocking time', 'ms', true),
    sc(load, (f) => f.firstChartMs, 'first chart drawn', 'ms', false, false),
  );
  for (const key of loadOnly ? [] : SCROLL_KEYS) {
    figures.push(
      sc(key, (f) => f.longTasks, 'long tasks', 'count', false),
      sc(key, (f) => f.longTaskMaxMs, 'longest task', 'ms', false),
      sc(key, (f) => f.frameP95Ms, 'frame interval p95', 'ms', true),
      sc(key, (f) => f.framesOver50, 'frames over 50 ms', 'count', false),
      // Frames of two intervals or more: over 5% of the frames, the p95 is two intervals (33.3 ms).
      sc(key, (f) => f.framesMissed, 'frames over 25 ms', 'count', false),
      sc(key, (f) => f.blockingMs, 'blocking time', 'ms', false),
      sc(key, (f) => f.scrollMs, 'time to scroll through', 'ms', true),
    );
  }
  for (const key of loadOnly ? [] : (['phone reading', 'desktop reading'] as const)) {
    figures.push(
      sc(key, (f) => f.stepP50Ms, 'step change -> chart drawn, p50', 'ms', false, false),
      sc(key, (f) => f.stepMaxFrames, 'step change -> chart drawn, worst', 'frames', false, false),
    );
  }
}
// The build's drawings and share cards, from an empty cache (goal: every card in under 15 s).
if (!loadOnly) {
  log('drawing every step and rendering the share cards (cold) ...');
  const cards = await measureCards();
  figures.push(
    { name: `build: every step drawn, 2 sizes (${cards.steps} steps, cold)`, unit: 'ms', story: [cards.drawingsMs], reference: null, ratio: false },
    { name: `build: share cards (${cards.steps} PNGs, cold)`, unit: 'ms', story: [cards.cardsMs], reference: null, ratio: false },
  );
}
if (growthScrolls.length) {
  const base = scrollRuns.story['phone reading'];
  const growthFigure = (pick: (figures: ScrollFigures) => number, name: string, unit: Figure['unit']): Figure => ({
    name: `growth: ${name}`,
    unit,
    story: growthScrolls.map(pick),
    reference: base.map(pick),
    ratio: false,
  });
  figures.push(
    growthFigure((f) => f.longTasksPer10kPx, 'long tasks per 10,000 px (phone reading)', 'count'),
    growthFigure((f) => f.frameP95Ms, 'frame interval p95 (phone reading)', 'ms'),
    growthFigure((f) => f.longTaskMaxMs, 'longest task (phone reading)', 'ms'),
    growthFigure((f) => f.heapBytes / 1e6, 'JS heap after the steps passed, MB', 'count'),
    growthFigure((f) => f.heapSteps, 'steps passed before the heap was read', 'count'),
  );
  if (growthLighthouse.length) {
    figures.push({ name: 'growth: Lighthouse TBT', unit: 'ms', story: growthLighthouse.map((f) => f.tbtMs), reference: lighthouseRuns.story.map((f) => f.tbtMs), ratio: false });
  }
}

const withRuns = (values: number[]): Summary & { runs: number[] } => ({ ...summarize(values), runs: values });
const summaries: FigureSummary[] = figures.map((figure) => ({
  name: figure.name,
  unit: figure.unit,
  story: withRuns(figure.story),
  reference: figure.reference ? withRuns(figure.reference) : null,
  // A ratio to a few milliseconds (blocking time on a page with no script) says nothing: pairs whose reference is
  // under 10 ms are left out.
  ratio:
    figure.ratio && figure.reference
      ? summarize(figure.story.map((value, i) => (figure.reference![i]! >= 10 ? ratio(value, figure.reference![i]!) : Number.NaN)))
      : null,
}));
const find = (name: string, unit?: string): FigureSummary | undefined =>
  summaries.find((summary) => summary.name === name && (unit === undefined || summary.unit === unit));

// 5. Budgets.
const format = (value: number, unit: string): string => {
  if (!Number.isFinite(value)) return '-';
  if (unit === 'ms') return value >= 100 ? `${Math.round(value)}` : value.toFixed(1);
  if (unit === '') return value.toFixed(3);
  return `${Math.round(value * 10) / 10}`;
};
const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8')) as Budgets;
interface BudgetResult {
  name: string;
  target: string;
  value: string;
  pass: boolean | null;
}
const budgetResults: BudgetResult[] = [];
const budget = (name: string, target: string, value: number, pass: (value: number) => boolean, show: (value: number) => string): void => {
  const measured = Number.isFinite(value);
  budgetResults.push({ name, target, value: measured ? show(value) : 'not measured', pass: measured ? pass(value) : null });
};
const ms = (value: number): string => `${Math.round(value)} ms`;
budget('initial JS, gzipped', `<= ${formatKb(budgets.bytes.initialJsGzip)}`, bytes.initialJs.gzip, (v) => v <= budgets.bytes.initialJsGzip, formatKb);
budget('fonts (WOFF2)', `<= ${formatKb(budgets.bytes.fontsRaw)}`, bytes.fonts.files.length ? bytes.fonts.raw : Number.NaN, (v) => v <= budgets.bytes.fontsRaw, formatKb);
budget('map geography, gzipped', `<= ${formatKb(budgets.bytes.geographyGzip)}`, bytes.geography.files.length ? bytes.geography.gzip : Number.NaN, (v) => v <= budgets.bytes.geographyGzip, formatKb);
for (const [file, limit] of Object.entries(budgets.bytes.embedChartGzip ?? {})) {
  budget(`embed/${file} with its chunks, gzipped`, `<= ${formatKb(limit)}`, embedEntryGzip(file), (v) => v <= limit, formatKb);
}
const lcp = find('Largest Contentful Paint');
budget('LCP, story / reference', `<= ${budgets.lighthouse.lcpToReference}x`, lcp?.ratio?.median ?? Number.NaN, (v) => v <= budgets.lighthouse.lcpToReference, (v) => `${v.toFixed(2)}x`);
budget('Lighthouse performance score (worst run)', `${budgets.lighthouse.performanceScore}`, find('Lighthouse performance score')?.story.min ?? Number.NaN, (v) => v >= budgets.lighthouse.performanceScore, (v) => `${v}`);
// CLS is compared as Lighthouse shows it, to three decimals.
budget('CLS', `${budgets.lighthouse.cls}`, find('Cumulative Layout Shift')?.story.median ?? Number.NaN, (v) => Number(v.toFixed(3)) <= budgets.lighthouse.cls, (v) => v.toFixed(3));
budget('TBT (Lighthouse)', `<= ${budgets.lighthouse.tbtMs} ms`, find('Total Blocking Time')?.story.median ?? Number.NaN, (v) => v <= budgets.lighthouse.tbtMs, ms);
for (const key of loadOnly ? [] : SCROLL_KEYS) {
  const mode = key.split(' ')[1] as ScrollMode;
  const limits = budgets.scroll[mode];
  budget(`${key}: long tasks`, `<= ${limits.longTasks}`, find(`${key}: long tasks`)?.story.median ?? Number.NaN, (v) => v <= limits.longTasks, (v) => `${v}`);
  budget(`${key}: frame p95`, `<= ${limits.frameP95Ms} ms`, find(`${key}: frame interval p95`)?.story.median ?? Number.NaN, (v) => v <= limits.frameP95Ms, (v) => `${v.toFixed(1)} ms`);
  if (limits.framesOver50 !== undefined) {
    const over = limits.framesOver50;
    budget(`${key}: frames over 50 ms`, `<= ${over}`, find(`${key}: frames over 50 ms`)?.story.median ?? Number.NaN, (v) => v <= over, (v) => `${v}`);
  }
}
for (const key of loadOnly ? [] : (['phone reading', 'desktop reading'] as const)) {
  budget(`${key}: step change -> chart drawn (worst step)`, `<= ${budgets.scroll.stepToDrawnFrames} frames`, find(`${key}: step change -> chart drawn, worst`, 'frames')?.story.median ?? Number.NaN, (v) => v <= budgets.scroll.stepToDrawnFrames, (v) => `${v} frames`);
}
if (growthSteps) {
  budget(`growth: ${growthStepCount}-step story builds`, `<= ${budgets.growth.buildMs / 1000} s`, growthBuildMs, (v) => v <= budgets.growth.buildMs, (v) => `${(v / 1000).toFixed(1)} s`);
  /** The long story's median against the 28-step story's (no worse than `limit` times; 0 against 0 passes). */
  const growthRatio = (name: string, limit: number, label: string): void => {
    const figure = find(`growth: ${name}`);
    const long = figure?.story.median ?? Number.NaN;
    const short = figure?.reference?.median ?? Number.NaN;
    budget(`growth: ${label}, ${growthStepCount} steps / 28`, `<= ${limit}x`, long, (v) => v <= short * limit, (v) => `${format(v, figure!.unit)} / ${format(short, figure!.unit)}`);
  };
  growthRatio('long tasks per 10,000 px (phone reading)', budgets.growth.longTasksPer10kPxRatio, 'long tasks per 10,000 px');
  growthRatio('frame interval p95 (phone reading)', budgets.growth.frameP95Ratio, 'frame p95');
  growthRatio('JS heap after the steps passed, MB', budgets.growth.heapRatio, 'JS heap');
}

// 6. Output.
const totalMs = performance.now() - started;
const triple = (summary: Summary, unit: string): string =>
  `${format(summary.min, unit)} / ${format(summary.median, unit)} / ${format(summary.max, unit)}`;
const ratioText = (summary: Summary | null): string =>
  summary && Number.isFinite(summary.median)
    ? `${summary.median.toFixed(2)}x (${summary.min.toFixed(2)}-${summary.max.toFixed(2)})`
    : '-';

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (row: string[]): string => `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((width, i) => (i === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}

const figureRows = summaries.map((summary) => [
  `${summary.name}${summary.unit && summary.unit !== 'score' ? ` (${summary.unit})` : ''}`,
  triple(summary.story, summary.unit),
  summary.reference ? triple(summary.reference, summary.unit) : '-',
  ratioText(summary.ratio),
]);
const byteRow = (name: string, group: ByteGroup | null): string[] =>
  group ? [name, formatKb(group.raw), formatKb(group.gzip), `${group.files.length}`] : [name, 'not built', '-', '-'];
const byteRows = [
  byteRow('HTML (index.html)', bytes.html),
  byteRow('initial JS', bytes.initialJs),
  byteRow('lazy JS (charts, loaded as needed)', bytes.lazyJs),
  byteRow('other pages (presenter, embed page)', bytes.otherPages),
  byteRow('CSS (story page)', bytes.css),
  byteRow('map geography', bytes.geography),
  byteRow('fonts (WOFF2)', bytes.fonts),
  byteRow('embed bundle', bytes.embed),
  ...Object.entries(embedEntries).map(([file, group]) => byteRow(`embed/${file} with its chunks`, group)),
];
const fileRows = (['initialJs', 'lazyJs', 'css', 'geography', 'fonts', 'embed', 'otherPages'] as const).flatMap((key) =>
  (bytes[key]?.files ?? []).map((file) => [`${key}: ${file.file}`, formatKb(file.raw), formatKb(file.gzip)]),
);
const budgetRows = budgetResults.map((result) => [result.name, result.target, result.value, result.pass === null ? 'n/a' : result.pass ? 'pass' : 'FAIL']);

const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  chromium: chromiumVersion(),
  lighthouse: JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')).version as string,
  lighthouseBenchmarkIndex: median(lighthouseRuns.story.concat(lighthouseRuns.reference).map((f) => f.benchmarkIndex)),
};

console.log(`\nFrontlines bench: ${runs} run(s) per page, ${new Date().toISOString()}, ${machine.cores} cores, Node ${machine.node}, ${machine.chromium}`);
// The machine's speed as Lighthouse measures it (a fixed piece of script, timed): runs on a slower or busier
// machine miss budgets in ms that a quiet one meets, so the figure belongs beside them.
const speeds = summarize(lighthouseRuns.story.concat(lighthouseRuns.reference).map((f) => f.benchmarkIndex));
if (Number.isFinite(speeds.median)) console.log(`Lighthouse benchmark index (the machine's speed; higher is faster): ${Math.round(speeds.median)} (${Math.round(speeds.min)} to ${Math.round(speeds.max)})`);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const buildText = Number.isFinite(buildMs) ? `build ${seconds(buildMs)}${Number.isFinite(embedBuildMs) ? ` (+ embed bundle ${seconds(embedBuildMs)})` : ''}` : 'build skipped';
const growthText = growthSteps ? `; ${growthStepCount}-step story built in ${seconds(growthBuildMs)}` : '';
console.log(`${buildText}${growthText}; served compressed; scroll-throughs at ${SCROLL_OPTIONS.cpuThrottling}x CPU, scrolled by ${SCROLL_OPTIONS.driver === 'wheel' ? 'the browser\u2019s scroll gesture' : 'the page\u2019s script'}: phone ${VIEWPORTS.phone.width}x${VIEWPORTS.phone.height}, desktop ${VIEWPORTS.desktop.width}x${VIEWPORTS.desktop.height}; reading ${SCROLL_MODES.reading} px and fling ${SCROLL_MODES.fling} px every ${SCROLL_OPTIONS.tickMs} ms\n`);
console.log(table(['figure', 'story min / median / max', 'reference min / median / max', 'story / reference'], figureRows));
console.log('');
console.log(table(['bytes', 'raw', 'gzip -9', 'files'], byteRows));
console.log('');
console.log(table(['file', 'raw', 'gzip -9'], fileRows));
console.log('');
console.log(table(['budget', 'target', 'median', 'result'], budgetRows));
for (const page of ['story', 'reference'] as const) {
  const elements = [...new Set(scrollRuns[page]['phone reading'].map((f) => f.lcpElement).filter(Boolean))];
  if (elements.length) console.log(`\n${page}: largest contentful paint element: ${elements.join(' | ')}`);
  const moved = [...new Set(scrollRuns[page]['phone reading'].flatMap((f) => f.loadShiftSources))];
  if (moved.length) console.log(`${page}: elements that shifted during load: ${moved.slice(0, 8).join(', ')}`);
}
// Step changes by chart and state (the step's id names the state), over the story's reading runs at 412 px.
const byStep = new Map<string, { chart: string; ms: number[]; frames: number[]; longest: number[] }>();
for (const run of scrollRuns.story['phone reading']) {
  for (const step of run.steps) {
    const entry = byStep.get(step.id) ?? { chart: step.chart, ms: [], frames: [], longest: [] };
    entry.ms.push(step.ms);
    entry.frames.push(step.frames);
    entry.longest.push(step.longestTaskMs);
    byStep.set(step.id, entry);
  }
}
if (byStep.size) {
  console.log('');
  console.log(
    table(
      [`step change (412 px, reading, ${SCROLL_OPTIONS.cpuThrottling}x CPU)`, 'chart', 'to drawn, median ms', 'frames, worst', 'longest task, median ms'],
      [...byStep].map(([id, entry]) => [id, entry.chart, format(median(entry.ms), 'ms'), `${Math.max(...entry.frames)}`, format(median(entry.longest), 'ms')]),
    ),
  );
}
const allScrolls = (page: PageName): ScrollFigures[] => SCROLL_KEYS.flatMap((key) => scrollRuns[page][key]).concat(page === 'story' ? growthScrolls : []);
const errors = [...new Set(allScrolls('story').concat(allScrolls('reference')).flatMap((f) => f.pageErrors))];
if (errors.length) console.log(`\npage errors during the scroll-throughs:\n  ${errors.join('\n  ')}`);
const undrawn = [...new Set(SCROLL_KEYS.flatMap((key) => scrollRuns.story[key]).flatMap((f) => f.undrawnSteps))];
if (undrawn.length) console.log(`\nsteps whose chart never drew the new state: ${undrawn.join(', ')}`);
// Where the story's frames over 50 ms and long tasks fell, run by run: the step change before each is where a
// trace should look.
const where = (what: 'slowFrames' | 'longTaskList'): string[] => {
  const runsByKey: [string, ScrollFigures[]][] = [...SCROLL_KEYS.map((key): [string, ScrollFigures[]] => [key, scrollRuns.story[key]]), ['growth reading', growthScrolls]];
  return runsByKey.flatMap(([key, figures]) =>
    figures.flatMap((f, run) => f[what].map((item) => `${key} run ${run + 1}: ${item.ms} ms at ${item.atMs} ms, ${item.afterStep === null ? 'before any step change' : `${item.afterStepMs} ms after the step change to ${item.afterStep}`}`)),
  );
};
const slow = where('slowFrames');
if (slow.length) console.log(`\nthe story's frames over 50 ms:\n  ${slow.join('\n  ')}`);
const long = where('longTaskList');
if (long.length) console.log(`\nthe story's long tasks while scrolling:\n  ${long.join('\n  ')}`);
console.log(`\nbench took ${(totalMs / 1000).toFixed(0)} s`);

const results = {
  date: new Date().toISOString(),
  commit: `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', 'src', 'index.html', 'vite.config.ts', 'story') ? ' (with uncommitted changes)' : ''}`,
  machine,
  runs,
  benchMs: Math.round(totalMs),
  buildMs: Number.isFinite(buildMs) ? Math.round(buildMs) : null,
  embedBuildMs: Number.isFinite(embedBuildMs) ? Math.round(embedBuildMs) : null,
  growth: growthSteps ? { steps: growthStepCount, buildMs: Math.round(growthBuildMs), scrollPx: GROWTH_SCROLL_PX, heapAfterSteps: GROWTH_HEAP_STEPS, lighthouse: growthLighthouse } : null,
  embedEntries,
  options: { loadOnly, scroll: { ...SCROLL_OPTIONS, viewports: VIEWPORTS, pxPerTick: SCROLL_MODES }, server: 'brotli (quality 11), else gzip', lighthouse: 'default mobile config, performance category' },
  bytes: bytes satisfies ByteReport,
  figures: summaries,
  budgets: budgetResults,
  lighthouse: lighthouseRuns,
  scroll: {
    story: Object.fromEntries(SCROLL_KEYS.map((key) => [key, scrollRuns.story[key].map(({ steps, ...rest }) => ({ ...rest, steps: steps.map((s) => ({ ...s, ms: Math.round(s.ms * 10) / 10 })) }))])),
    reference: Object.fromEntries(SCROLL_KEYS.map((key) => [key, scrollRuns.reference[key].map(({ steps: _steps, ...rest }) => rest)])),
    growth: growthScrolls.map(({ steps: _steps, ...rest }) => rest),
  },
};
if (outFile) {
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(results, (_key, value) => (typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value), 2)}\n`);
  log(`wrote ${outFile}`);
}

if (flag('check')) {
  const missed = budgetResults.filter((result) => result.pass === false);
  if (missed.length) {
    console.log(`\nbudgets missed:\n${missed.map((result) => `  - ${result.name}: ${result.value} (target ${result.target})`).join('\n')}`);
    process.exit(1);
  }
  console.log('\nall measured budgets met');
}
