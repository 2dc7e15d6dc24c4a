/**
 * `npm run bench`: how fast the story is, against the no-JavaScript floor of the same page.
 *
 * 1. Builds (`vite build`, then the embed bundle, each timed, into a temporary directory), and measures the bytes
 *    (scripts/bench/bytes.ts).
 * 2. Serves the build on 127.0.0.1, with a reference page beside the story: the story's HTML with every script and
 *    modulepreload removed (/bench-reference.html, served from memory).
 * 3. Runs Lighthouse (mobile defaults) and a scroll-through (Chromium, 4x CPU slowdown, 390 x 844) on both pages
 *    alternately, N times (story then reference, then reference then story, ...), and reports min/median/max of
 *    each figure and the median of the story/reference ratios taken within each run pair.
 * 4. Prints a table, writes bench/results.json, and with --check exits 1 when a budget in bench/budgets.json is
 *    missed.
 *
 * Options: --runs N (default 3), --quick (1 run), --check, --skip-build (measure dist/ as it is),
 *          --no-lighthouse, --no-scroll, --out FILE (default bench/results.json).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { formatKb, measureBytes, type ByteGroup, type ByteReport } from './bench/bytes.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, chromiumVersion } from './bench/chromium.ts';
import { runLighthouse, type LighthouseFigures } from './bench/lighthouse.ts';
import { runScroll, SCROLL_OPTIONS, type ScrollFigures } from './bench/scroll.ts';
import { referencePage, serveStatic } from './bench/server.ts';
import { median, ratio, summarize, type Summary } from './bench/stats.ts';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const runs = flag('quick') ? 1 : Math.max(1, Number(option('runs') ?? 3));
const outFile = option('out') ?? 'bench/results.json';
// The bench builds into a directory of its own, so a build someone else starts meanwhile cannot swap the files
// it is serving; --skip-build measures dist/ as it is.
const DIST = flag('skip-build') ? 'dist' : join(mkdtempSync(join(tmpdir(), 'frontlines-bench-')), 'dist');
const REFERENCE_PATH = '/bench-reference.html';

interface Budgets {
  bytes: { initialJsGzip: number; geographyGzip: number; fontsRaw: number };
  lighthouse: { performanceScore: number; cls: number; tbtMs: number; lcpToReference: number };
  scroll: { longTasks: number; frameP95Ms: number; stepToDrawnFrames: number };
}

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
const vite = (extra: string[]): boolean =>
  spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', ...extra], { stdio: 'inherit' }).status === 0;
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
  }
  if (!built || !embedBuilt) {
    console.error('the build failed: nothing to measure');
    rmSync(dirname(DIST), { recursive: true, force: true });
    process.exit(1);
  }
}
const bytes = measureBytes(DIST);
const storyHtml = readFileSync(`${DIST}/index.html`, 'utf8');
const server = await serveStatic(DIST, { [REFERENCE_PATH]: referencePage(storyHtml) });
const pages = { story: `${server.origin}/index.html`, reference: `${server.origin}${REFERENCE_PATH}` } as const;
type PageName = keyof typeof pages;
/** Alternate which page goes first in each pair, so drift on a shared machine does not favour one. */
const order = (run: number): PageName[] => (run % 2 === 0 ? ['story', 'reference'] : ['reference', 'story']);

const lighthouseRuns: Record<PageName, LighthouseFigures[]> = { story: [], reference: [] };
const scrollRuns: Record<PageName, ScrollFigures[]> = { story: [], reference: [] };

try {
  // 2. Lighthouse, alternately.
  if (!flag('no-lighthouse')) {
    for (let run = 0; run < runs; run++) {
      for (const page of order(run)) {
        log(`lighthouse ${run + 1}/${runs}: ${page}`);
        lighthouseRuns[page].push(await runLighthouse(pages[page]));
      }
    }
  }
  // 3. Scroll-through, alternately, in one browser with a fresh context per run.
  if (!flag('no-scroll')) {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
    try {
      for (let run = 0; run < runs; run++) {
        for (const page of order(run)) {
          log(`scroll-through ${run + 1}/${runs}: ${page}`);
          scrollRuns[page].push(await runScroll(browser, pages[page]));
        }
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
  if (!flag('skip-build')) rmSync(dirname(DIST), { recursive: true, force: true });
}

// 4. Figures.
const lh = (pick: (figures: LighthouseFigures) => number, name: string, unit: Figure['unit'], isTime: boolean): Figure => ({
  name,
  unit,
  story: lighthouseRuns.story.map(pick),
  reference: lighthouseRuns.reference.map(pick),
  ratio: isTime,
});
const sc = (pick: (figures: ScrollFigures) => number, name: string, unit: Figure['unit'], isTime: boolean, withReference = true): Figure => ({
  name,
  unit,
  story: scrollRuns.story.map(pick),
  reference: withReference ? scrollRuns.reference.map(pick) : null,
  ratio: isTime && withReference,
});
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
if (scrollRuns.story.length) {
  figures.push(
    sc((f) => f.lcpMs, 'Load: LCP (4x CPU, no network throttling)', 'ms', true),
    sc((f) => f.loadShift, 'Load: layout shift (4x CPU)', '', false),
    sc((f) => f.loadLongTasks, 'Load: long tasks (4x CPU)', 'count', false),
    sc((f) => f.loadBlockingMs, 'Load: blocking time (4x CPU)', 'ms', true),
    sc((f) => f.longTasks, 'Scroll: long tasks', 'count', false),
    sc((f) => f.blockingMs, 'Scroll: total blocking time', 'ms', true),
    sc((f) => f.frameP50Ms, 'Scroll: frame interval p50', 'ms', true),
    sc((f) => f.frameP95Ms, 'Scroll: frame interval p95', 'ms', true),
    sc((f) => f.frameMaxMs, 'Scroll: frame interval max', 'ms', true),
    sc((f) => f.scrollMs, 'Scroll: time to scroll through', 'ms', true),
    sc((f) => f.firstChartMs, 'Load: first chart drawn (4x CPU)', 'ms', false, false),
    sc((f) => f.stepP50Ms, 'Step change -> chart drawn, p50', 'ms', false, false),
    sc((f) => f.stepMaxMs, 'Step change -> chart drawn, max', 'ms', false, false),
    sc((f) => f.stepMaxFrames, 'Step change -> chart drawn, max', 'frames', false, false),
  );
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
const lcp = find('Largest Contentful Paint');
budget('LCP, story / reference', `<= ${budgets.lighthouse.lcpToReference}x`, lcp?.ratio?.median ?? Number.NaN, (v) => v <= budgets.lighthouse.lcpToReference, (v) => `${v.toFixed(2)}x`);
budget('Lighthouse performance score', `${budgets.lighthouse.performanceScore}`, find('Lighthouse performance score')?.story.median ?? Number.NaN, (v) => v >= budgets.lighthouse.performanceScore, (v) => `${v}`);
// CLS is compared as Lighthouse shows it, to three decimals.
budget('CLS', `${budgets.lighthouse.cls}`, find('Cumulative Layout Shift')?.story.median ?? Number.NaN, (v) => Number(v.toFixed(3)) <= budgets.lighthouse.cls, (v) => v.toFixed(3));
budget('TBT (Lighthouse)', `<= ${budgets.lighthouse.tbtMs} ms`, find('Total Blocking Time')?.story.median ?? Number.NaN, (v) => v <= budgets.lighthouse.tbtMs, ms);
budget('scroll-through: long tasks', `${budgets.scroll.longTasks}`, find('Scroll: long tasks')?.story.median ?? Number.NaN, (v) => v <= budgets.scroll.longTasks, (v) => `${v}`);
budget('scroll-through: frame p95', `<= ${budgets.scroll.frameP95Ms} ms`, find('Scroll: frame interval p95')?.story.median ?? Number.NaN, (v) => v <= budgets.scroll.frameP95Ms, (v) => `${v.toFixed(1)} ms`);
budget('step change -> chart drawn (worst step)', `<= ${budgets.scroll.stepToDrawnFrames} frames`, find('Step change -> chart drawn, max', 'frames')?.story.median ?? Number.NaN, (v) => v <= budgets.scroll.stepToDrawnFrames, (v) => `${v} frames`);

// 6. Output.
const totalMs = performance.now() - started;
const format = (value: number, unit: string): string => {
  if (!Number.isFinite(value)) return '-';
  if (unit === 'ms') return value >= 100 ? `${Math.round(value)}` : value.toFixed(1);
  if (unit === '') return value.toFixed(3);
  return `${Math.round(value * 10) / 10}`;
};
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
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const buildText = Number.isFinite(buildMs) ? `build ${seconds(buildMs)}${Number.isFinite(embedBuildMs) ? ` (+ embed bundle ${seconds(embedBuildMs)})` : ''}` : 'build skipped';
console.log(`${buildText}; scroll-through at ${SCROLL_OPTIONS.viewport.width}x${SCROLL_OPTIONS.viewport.height}, ${SCROLL_OPTIONS.cpuThrottling}x CPU, ${SCROLL_OPTIONS.stepPx} px a frame\n`);
console.log(table(['figure', 'story min / median / max', 'reference min / median / max', 'story / reference'], figureRows));
console.log('');
console.log(table(['bytes', 'raw', 'gzip -9', 'files'], byteRows));
console.log('');
console.log(table(['file', 'raw', 'gzip -9'], fileRows));
console.log('');
console.log(table(['budget', 'target', 'median', 'result'], budgetRows));
for (const page of ['story', 'reference'] as const) {
  const elements = [...new Set(scrollRuns[page].map((f) => f.lcpElement).filter(Boolean))];
  if (elements.length) console.log(`\n${page}: largest contentful paint element: ${elements.join(' | ')}`);
  const moved = [...new Set(scrollRuns[page].flatMap((f) => f.loadShiftSources))];
  if (moved.length) console.log(`${page}: elements that shifted during load: ${moved.slice(0, 8).join(', ')}`);
}
// Step changes by chart, over every story run: which chart's update takes longest.
const byChart = new Map<string, number[]>();
for (const run of scrollRuns.story) for (const step of run.steps) byChart.set(step.chart, [...(byChart.get(step.chart) ?? []), step.ms]);
if (byChart.size) {
  console.log('');
  console.log(
    table(
      ['step change -> chart drawn, by chart (4x CPU)', 'steps', 'median ms', 'max ms'],
      [...byChart].map(([chart, times]) => [chart, `${times.length}`, format(median(times), 'ms'), format(Math.max(...times), 'ms')]),
    ),
  );
}
const errors = [...new Set(scrollRuns.story.concat(scrollRuns.reference).flatMap((f) => f.pageErrors))];
if (errors.length) console.log(`\npage errors during the scroll-through:\n  ${errors.join('\n  ')}`);
const undrawn = [...new Set(scrollRuns.story.flatMap((f) => f.undrawnSteps))];
if (undrawn.length) console.log(`\nsteps whose chart never drew the new state: ${undrawn.join(', ')}`);
console.log(`\nbench took ${(totalMs / 1000).toFixed(0)} s`);

const results = {
  date: new Date().toISOString(),
  commit: `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', 'src', 'index.html', 'vite.config.ts', 'story') ? ' (with uncommitted changes)' : ''}`,
  machine,
  runs,
  benchMs: Math.round(totalMs),
  buildMs: Number.isFinite(buildMs) ? Math.round(buildMs) : null,
  embedBuildMs: Number.isFinite(embedBuildMs) ? Math.round(embedBuildMs) : null,
  options: { scroll: SCROLL_OPTIONS, lighthouse: 'default mobile config, performance category' },
  bytes: bytes satisfies ByteReport,
  figures: summaries,
  budgets: budgetResults,
  lighthouse: lighthouseRuns,
  scroll: {
    story: scrollRuns.story.map(({ steps, ...rest }) => ({ ...rest, steps: steps.map((s) => ({ ...s, ms: Math.round(s.ms * 10) / 10 })) })),
    reference: scrollRuns.reference.map(({ steps: _steps, ...rest }) => rest),
  },
};
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(results, (_key, value) => (typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value), 2)}\n`);
log(`wrote ${outFile}`);

if (flag('check')) {
  const missed = budgetResults.filter((result) => result.pass === false);
  if (missed.length) {
    console.log(`\nbudgets missed:\n${missed.map((result) => `  - ${result.name}: ${result.value} (target ${result.target})`).join('\n')}`);
    process.exit(1);
  }
  console.log('\nall measured budgets met');
}
