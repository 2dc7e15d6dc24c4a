/**
 * Every step's chart drawn at build time, as SVG, by the charts' own code: each chart's pure layout computes the
 * marks and its element's draw code (D3 joins, the shared axis) puts them into an SVG element, here a linkedom document
 * instead of a browser's. The only differences from the browser are the ones a build must make: text is measured
 * with the font's advance widths (text-width.ts) rather than a canvas, nothing animates, and the marks' styles
 * are inlined (svg-style.ts) because a drawing has no shadow root around it.
 *
 * Drawings are cached on disk by a hash of the chart code, the data and the state, so a rebuild or the dev server
 * redraws only what changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CSSResult } from 'lit';
import type { Story, StoryStep } from '../types/story.ts';
import type { Datasets } from '../build/data.ts';
import { importTypeScript, STORY_CHARTS, type StoryCharts } from '../build/charts.ts';
import type { ChartDrawing, ChartEntry } from '../charts/registry.ts';
import { resolveState, type ChartState } from '../charts/shared/schema.ts';
import { DRAWING_SIZES, drawingBox, drawingPath, type DrawingSize } from './sizes.ts';
import { drawingCss } from './svg-style.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface Drawing {
  readonly step: StoryStep;
  readonly size: DrawingSize;
  readonly width: number;
  readonly height: number;
  /** Relative to the page: `drawings/<step>-<size>.svg`. */
  readonly path: string;
  /** The standalone SVG file. */
  readonly svg: string;
}

/** What drawing needs from the project: its root (for the geography and the code hash). */
export interface DrawOptions {
  readonly root: string;
  /** Where drawings are cached between builds (default node_modules/.cache/frontlines-drawings). */
  readonly cacheDir?: string;
  /** The charts (default: the registry's). */
  readonly charts?: StoryCharts;
}

/** The files whose content decides how a chart looks: the chart code (any chart folder outside src/charts too), the drawing code, the geography. */
function codeHash(root: string, charts: StoryCharts): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|json)$/.test(name)) hash.update(name).update(readFileSync(path));
    }
  };
  walk(join(root, 'src/charts'));
  for (const entry of charts.entries) {
    const folder = dirname(fileURLToPath(entry.module));
    if (relative(join(root, 'src/charts'), folder).startsWith('..')) walk(folder);
  }
  walk(join(root, 'src/drawings'));
  hash.update(readFileSync(join(root, 'assets/geo/region.topo.json')));
  const lock = join(root, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex');
}

/** The chart code, loaded (with a DOM for it to draw into) only when some drawing is not in the cache. */
interface Drawer {
  draw(step: StoryStep, state: ChartState, width: number, height: number): string;
  /** The drawings' styles for a page that has them inline (its CSP allows no inline style element). */
  pageCss(): string;
}

async function loadDrawer(root: string, datasets: Datasets, charts: StoryCharts): Promise<Drawer> {
  const { parseHTML } = await import('linkedom');
  const { document } = parseHTML('<!doctype html><html data-fl-motion="off"><body></body></html>');
  // The charts' draw code creates elements through the global document, as in a browser; motion is off (no fades).
  const global = globalThis as { document?: unknown };
  const previous = global.document;
  global.document = document;
  try {
    // Each chart's drawing parts through tsx, which applies the charts' TypeScript transforms (decorators) wherever
    // this module is bundled: its registration is imported again from its own module (the registry's `module`).
    const shared = (await importTypeScript(new URL('../charts/shared/theme.ts', import.meta.url).href)) as typeof import('../charts/shared/theme.ts');
    const { estimateTextWidth: textWidth } = (await importTypeScript(new URL('../charts/shared/text-width.ts', import.meta.url).href)) as typeof import('../charts/shared/text-width.ts');
    const parts = new Map<string, ChartDrawing<unknown>>();
    for (const { entry } of charts.charts.values()) {
      const { chart } = (await importTypeScript(entry.module)) as { chart: ChartEntry };
      parts.set(entry.name, await chart.drawing());
    }
    const topology = JSON.parse(readFileSync(join(root, 'assets/geo/region.topo.json'), 'utf8'));
    const styles = (chart: string): CSSResult[] => [shared.themeTokens, shared.chartStyles, ...(parts.get(chart)?.styles ?? [])];
    // An SVG shown as an image cannot load the page's web fonts, but it can use the reader's own: the page's
    // metric-matched fallback faces (fonts.css: DejaVu Sans or Arial, resized to the chart font's widths), named
    // after the chart font as the page names them, so labels take the room they were laid out for.
    const fallbackFaces = [...readFileSync(join(root, 'src/styles/fonts.css'), 'utf8').matchAll(/@font-face \{[^}]*font-family: 'Source Sans 3 [^']+';[^}]*\}/g)]
      .map((face) => face[0].replace(/\s+/g, ' '))
      .join('');
    const withFallbacks = (css: string) => css.replace(/font-family: 'Source Sans 3'/g, "font-family: 'Source Sans 3', 'Source Sans 3 DejaVu', 'Source Sans 3 Local'");
    const css = new Map<string, string>();
    const cssFor = (chart: string) => {
      let text = css.get(chart);
      if (text === undefined) {
        text = `${fallbackFaces}${withFallbacks(drawingCss(styles(chart), 'light'))}@media (prefers-color-scheme: dark){${withFallbacks(drawingCss(styles(chart), 'dark'))}}`;
        css.set(chart, text);
      }
      return text;
    };
    const scoped = (chart: string, scheme: 'light' | 'dark') => drawingCss(styles(chart), scheme, `.fl-drawing.chart-${chart}`);
    return {
      pageCss() {
        const names = [...parts.keys()];
        return `${names.map((c) => scoped(c, 'light')).join('')}@media (prefers-color-scheme: dark){${names.map((c) => scoped(c, 'dark')).join('')}}`;
      },
      draw(step, state, width, height) {
        global.document = document;
        const svg = document.createElementNS(SVG_NS, 'svg') as unknown as SVGSVGElement;
        document.body.append(svg as unknown as Node);
        try {
          const chart = parts.get(step.chart);
          if (!chart) throw new Error(`no drawing for the chart "${step.chart}"`);
          const dataset = charts.charts.get(step.chart)!.entry.dataset;
          // The element's own steps (chart-element.ts drawNow): a viewBox of the frame's size, then draw at once.
          svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
          chart.draw(svg, datasets[dataset] ?? [], state, { width, height }, { id: step.id, topology, textWidth });
          svg.setAttribute('xmlns', SVG_NS);
          svg.setAttribute('width', String(width));
          svg.setAttribute('height', String(height));
          svg.setAttribute('class', `fl-drawing chart-${step.chart}`);
          svg.setAttribute('data-step', step.id);
          svg.setAttribute('data-state', JSON.stringify(state));
          const style = document.createElementNS(SVG_NS, 'style');
          style.textContent = cssFor(step.chart);
          svg.insertBefore(style as unknown as Node, svg.firstChild);
          // The draw code's bookkeeping (a label's last text, joined with a NUL, which XML does not allow) is no
          // part of the picture.
          for (const text of (svg as unknown as Element).querySelectorAll('[data-text]')) text.removeAttribute('data-text');
          // XML 1.0 forbids these control characters, and an SVG file with one does not parse: strip them.
          // oxlint-disable-next-line no-control-regex
          return (svg as unknown as Element).outerHTML.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
        } finally {
          (svg as unknown as Element).remove();
        }
      },
    };
  } finally {
    global.document = previous;
  }
}

/** A step's state as its chart element resolves it: the attributes set (non-empty), the rest by default. */
export function stepState(step: StoryStep, charts: StoryCharts = STORY_CHARTS): ChartState {
  const given: Record<string, string> = {};
  for (const [name, value] of Object.entries(step.state)) if (value !== '') given[name] = value;
  return resolveState(charts.charts.get(step.chart)!.schema, given);
}

export interface StoryDrawingSet {
  readonly drawings: Drawing[];
  /** Styles for drawings inline in a page (drawings.css). */
  readonly css: string;
}

/** Draws every step of the story at every size, from the cache where it can. */
export async function drawStory(story: Story, datasets: Datasets, options: DrawOptions): Promise<StoryDrawingSet> {
  const cacheDir = options.cacheDir ?? join(options.root, 'node_modules/.cache/frontlines-drawings');
  mkdirSync(cacheDir, { recursive: true });
  const charts = options.charts ?? STORY_CHARTS;
  const code = codeHash(options.root, charts);
  let drawer: Drawer | undefined;
  const drawings: Drawing[] = [];
  for (const step of story.steps) {
    const state = stepState(step, charts);
    const { entry } = charts.charts.get(step.chart)!;
    const data = JSON.stringify(datasets[entry.dataset]);
    for (const size of DRAWING_SIZES) {
      const { width, height } = drawingBox(entry.aspect, size);
      const key = createHash('sha256').update(code).update(step.chart).update(step.id).update(JSON.stringify(state)).update(data).update(`${width}x${height}`).digest('hex');
      const cached = join(cacheDir, `${key}.svg`);
      let svg: string;
      if (existsSync(cached)) svg = readFileSync(cached, 'utf8');
      else {
        drawer ??= await loadDrawer(options.root, datasets, charts);
        svg = drawer.draw(step, state, width, height);
        writeFileSync(cached, svg);
      }
      drawings.push({ step, size, width, height, path: drawingPath(step.id, size), svg });
    }
  }
  const cssFile = join(cacheDir, `${code}.css`);
  let css: string;
  if (existsSync(cssFile)) css = readFileSync(cssFile, 'utf8');
  else {
    drawer ??= await loadDrawer(options.root, datasets, charts);
    css = drawer.pageCss();
    writeFileSync(cssFile, css);
  }
  return { drawings, css };
}
