/**
 * Builds measured against each other, read for read: `npx tsx scripts/bench/compare.ts [--runs N]
 * [--viewport phone|desktop] [--mode reading|fling] [--cpu N] [--scroll script|wheel] BEFORE_DIR AFTER_DIR [MORE_DIRS...]`.
 *
 * On a shared machine the bench's figures drift from one quarter hour to the next by more than most changes move
 * them (the same build has given 10 and 26 long tasks in a phone read within the hour), so a change is judged
 * against the build before it, measured in the same minutes. Each round reads every build once, at the bench's
 * scroll-through (scroll.ts), the order reversed every other round (A B, B A, A B, ...) so that neither build
 * always runs first; each build is served compressed, as the bench serves dist/. It prints every read, then each
 * figure summed over the rounds per build, and in how many rounds each later build did better than the first.
 * A change that did better in most rounds, by more than the rounds differ among themselves, has done something.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.ts';
import { serveStatic } from './server.ts';
import { SCROLL_OPTIONS, SCROLL_MODES, VIEWPORTS, cpuThrottlingFrom, runScroll, scrollDriverFrom, type ScrollFigures, type ScrollMode, type ViewportName } from './scroll.ts';

export interface CompareOptions {
  readonly runs: number;
  readonly viewport: ViewportName;
  readonly mode: ScrollMode;
  readonly dirs: readonly string[];
}

/** The command line's options (the builds are the arguments that are not an option or its value). */
export function compareOptionsFrom(args: readonly string[]): CompareOptions {
  const valued = new Set(['--runs', '--viewport', '--mode', '--cpu', '--scroll']);
  const value = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i === -1 ? undefined : args[i + 1];
  };
  const runs = Number(value('--runs') ?? 3);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs takes a whole number of rounds from 1, not "${value('--runs') ?? ''}"`);
  const viewport = (value('--viewport') ?? 'phone') as ViewportName;
  if (!(viewport in VIEWPORTS)) throw new Error(`--viewport is one of ${Object.keys(VIEWPORTS).join(', ')}, not "${viewport}"`);
  const mode = (value('--mode') ?? 'reading') as ScrollMode;
  if (!(mode in SCROLL_MODES)) throw new Error(`--mode is one of ${Object.keys(SCROLL_MODES).join(', ')}, not "${mode}"`);
  const dirs = args.filter((arg, i) => !arg.startsWith('--') && !valued.has(args[i - 1] ?? ''));
  if (dirs.length < 2) throw new Error('name two builds or more to compare: the build before a change first, then the build after it');
  return { runs, viewport, mode, dirs };
}

/** The order in which round `round` (from 0) reads `count` builds: as given, then reversed, in turn. */
export function orderOfRound(round: number, count: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  return round % 2 === 0 ? order : order.reverse();
}

/** A figure of a read, and which way is better. */
export interface Figure {
  readonly name: string;
  readonly of: (read: ScrollFigures) => number;
  /** 'fewer' when less is better (long tasks), 'more' when more is (frames drawn in the same scroll). */
  readonly better: 'fewer' | 'more';
}

export const FIGURES: readonly Figure[] = [
  { name: 'long tasks', of: (read) => read.longTasks, better: 'fewer' },
  { name: 'frames over 50 ms', of: (read) => read.framesOver50, better: 'fewer' },
  { name: 'frames over 25 ms', of: (read) => read.framesMissed, better: 'fewer' },
  { name: 'blocking time (ms)', of: (read) => Math.round(read.blockingMs), better: 'fewer' },
  { name: 'frames drawn', of: (read) => read.frameCount, better: 'more' },
];

export interface FigureSummary {
  readonly name: string;
  /** The figure summed over the rounds, per build. */
  readonly totals: number[];
  /** Per build after the first: the rounds in which it did better than the first build (ties are not wins). */
  readonly wins: number[];
}

/** `reads[round][build]`: each figure summed per build, and each later build's wins over the first, round by round. */
export function summarize(reads: readonly (readonly number[])[], figure: Pick<Figure, 'name' | 'better'>): FigureSummary {
  const builds = reads[0]?.length ?? 0;
  const totals = Array.from({ length: builds }, (_, b) => reads.reduce((sum, round) => sum + round[b]!, 0));
  const wins = Array.from({ length: Math.max(0, builds - 1) }, (_, i) =>
    reads.filter((round) => (figure.better === 'fewer' ? round[i + 1]! < round[0]! : round[i + 1]! > round[0]!)).length,
  );
  return { name: figure.name, totals, wins };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const options = compareOptionsFrom(args);
  for (const dir of options.dirs) if (!existsSync(`${dir}/index.html`)) throw new Error(`${dir} is not a build (no index.html): make one with npx vite build --outDir ${dir}`);
  SCROLL_OPTIONS.cpuThrottling = cpuThrottlingFrom(args);
  SCROLL_OPTIONS.driver = scrollDriverFrom(args);
  const servers = await Promise.all(options.dirs.map((dir) => serveStatic(dir)));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
  const reads: ScrollFigures[][] = [];
  try {
    console.log(`${options.viewport} ${options.mode}, ${SCROLL_OPTIONS.cpuThrottling}x CPU, scrolled by ${SCROLL_OPTIONS.driver}, ${options.runs} round(s) of ${options.dirs.length} builds`);
    for (let round = 0; round < options.runs; round++) {
      const row: ScrollFigures[] = [];
      for (const b of orderOfRound(round, options.dirs.length)) {
        const read = await runScroll(browser, `${servers[b]!.origin}/index.html`, { viewport: options.viewport, mode: options.mode });
        row[b] = read;
        console.log(`round ${round + 1}, ${options.dirs[b]}: ${FIGURES.map((figure) => `${figure.name} ${figure.of(read)}`).join(', ')}, frame p95 ${read.frameP95Ms.toFixed(1)} ms`);
      }
      reads.push(row);
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((server) => server.close()));
  }
  const later = options.dirs.slice(1);
  console.log(`\n| figure (sum of ${options.runs} rounds) | ${options.dirs.join(' | ')} | ${later.map((dir) => `rounds ${dir} did better`).join(' | ')} |`);
  console.log(`|---|${options.dirs.map(() => '---:').join('|')}|${later.map(() => '---:').join('|')}|`);
  for (const figure of FIGURES) {
    const summary = summarize(reads.map((row) => row.map(figure.of)), figure);
    console.log(`| ${summary.name} (${figure.better} is better) | ${summary.totals.join(' | ')} | ${summary.wins.map((wins) => `${wins} of ${options.runs}`).join(' | ')} |`);
  }
}

// Run as a command (not when a test imports the pure parts above).
if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
}
