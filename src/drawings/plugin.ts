/**
 * Puts the build's drawings (draw.ts) into the site: every step's figure gets its picture (the first step's as
 * inline SVG), the opening chart's element gets its drawing over it until it has drawn (first paint), `vite build`
 * writes the SVG files to `dist/drawings/` with the cards, share pages and storyboard, and the dev server serves
 * the drawings from memory. The story plugin renders each figure with a
 * marker; this plugin's late HTML step replaces the markers, after Vite has resolved the page's own assets (it
 * would otherwise look for the drawings among the source files).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { buildStory, type BuiltStory } from '../build/build.ts';
import { prepareCharts, REGISTRY, STORY_CHARTS, type StoryCharts } from '../build/charts.ts';
import type { ChartEntry } from '../charts/registry.ts';
import { chartSentence, chartSource } from '../build/fallback.ts';
import type { StepText, StoryMeta, StoryStep } from '../types/story.ts';
import { STORYBOARD_CSS, storyboardHtml } from './storyboard.ts';
import { cardFontFiles, cardPng, cardSvg } from './cards.ts';
import { cardPath, sharePageHtml, sharePath } from './share-page.ts';
import { drawStory, type Drawing } from './draw.ts';
import type { DrawingSize } from './sizes.ts';
import { drawingInline, drawingPicture } from './markup.ts';

const DRAWINGS_CSS = 'drawings/drawings.css';
const MARKER = /<!--frontlines:(drawing|opening):([a-z0-9-]+)-->/g;

/** The marker the story's renderer leaves first in a step's figure. */
export function drawingMarker(stepId: string): string {
  return `<!--frontlines:drawing:${stepId}-->`;
}

/** The marker the story's renderer leaves beside the opening chart element. */
export function openingMarker(stepId: string): string {
  return `<!--frontlines:opening:${stepId}-->`;
}

export interface StoryDrawings {
  readonly drawings: readonly Drawing[];
  /** drawings.css: the styles of the drawing inline in the page. */
  readonly css: string;
  /** The markup for a step's figure. */
  figure(stepId: string): string;
  /** The opening chart's drawings (phone and desktop), over its element until it has drawn. */
  opening(stepId: string): string;
  /** The first step's desktop drawing, inline in its figure (without JavaScript, the page's first chart). */
  readonly first?: Drawing;
  readonly sentence: (stepId: string) => string;
  readonly source: (stepId: string) => string;
  readonly meta: StoryMeta;
  readonly steps: readonly StoryStep[];
  readonly texts: readonly StepText[];
}

export async function storyDrawings(root: string, paths: { storyFile?: string; dataDir?: string; aboutFile?: string } = {}, charts: StoryCharts = STORY_CHARTS): Promise<StoryDrawings> {
  const built = buildStory({ root, storyFile: paths.storyFile, dataDir: paths.dataDir, aboutFile: paths.aboutFile, charts });
  const { drawings, css } = await drawStory(built.story, built.datasets, { root, charts });
  return storyDrawingsFrom(built, drawings, css, charts);
}

/** The drawings of a built story, with what the page, the cards and the share pages say beside them. */
export function storyDrawingsFrom(built: BuiltStory, drawings: Drawing[], css: string, charts: StoryCharts = STORY_CHARTS): StoryDrawings {
  const say = chartSentence(built.datasets, charts);
  const cite = chartSource(built.datasets, charts);
  const steps = new Map(built.story.steps.map((step) => [step.id, step]));
  const sentence = (stepId: string) => {
    const step = steps.get(stepId);
    return step ? say(step.chart, step.state) : '';
  };
  const first = built.story.steps[0];
  const firstDrawing = drawings.find((d) => d.step.id === first?.id && d.size === 'desktop');
  return {
    drawings,
    css,
    first: firstDrawing,
    sentence,
    meta: built.story.meta,
    steps: built.story.steps,
    texts: built.texts,
    source(stepId) {
      const step = steps.get(stepId);
      return step ? cite(step.chart, step.state) : '';
    },
    opening(stepId) {
      // Hidden from screen readers: the chart element beside it says the same (its sentence, table and source).
      return drawings
        .filter((d) => d.step.id === stepId)
        .map((d) => `<div class="opening-drawing" data-size="${d.size}" aria-hidden="true">${uniqueIds(drawingInline(d.svg, '').replace(' role="img" aria-label=""', ''), `opening-${d.size}`)}</div>`)
        .join('');
    },
    figure(stepId) {
      const step = steps.get(stepId);
      if (!step) return '';
      if (firstDrawing && stepId === firstDrawing.step.id) {
        // Both sizes inline, as the picture offers both: the page's CSS shows the one for its width.
        const sizes = drawings
          .filter((d) => d.step.id === stepId)
          .map((d) => `<div class="step-drawing-size" data-size="${d.size}">${uniqueIds(drawingInline(d.svg, sentence(stepId)), `figure-${d.size}`)}</div>`);
        return `<div class="step-drawing">${sizes.join('')}</div>`;
      }
      const box = (size: DrawingSize) => drawings.find((d) => d.step.id === stepId && d.size === size)!;
      return drawingPicture(stepId, { phone: box('phone'), desktop: box('desktop') }, sentence(stepId));
    },
  };
}

/**
 * A drawing's ids (a clip path) with a suffix, and the references to them, so one page can hold the same drawing
 * more than once (the opening chart over its element, and in its figure, at two sizes) with no id twice.
 */
function uniqueIds(svg: string, suffix: string): string {
  return svg.replace(/\bid="([^"]+)"/g, `id="$1-${suffix}"`).replace(/url\(#([^)]+)\)/g, `url(#$1-${suffix})`).replace(/href="#([^"]+)"/g, `href="#$1-${suffix}"`);
}

/**
 * `FRONTLINES_DRAWINGS=off` builds the site without drawings, cards, share pages or storyboard (the benchmark's
 * long generated story, which is for measuring scrolling, would otherwise draw hundreds of steps).
 */
export function drawingsPlugin(options: { storyFile?: string; dataDir?: string; aboutFile?: string; enabled?: boolean; charts?: readonly ChartEntry[] } = {}): Plugin {
  const enabled = options.enabled ?? process.env.FRONTLINES_DRAWINGS !== 'off';
  let root = process.cwd();
  let pending: Promise<StoryDrawings> | undefined;
  let server: ViteDevServer | undefined;
  const charts = options.charts ?? REGISTRY;
  const current = () => (pending ??= (charts === REGISTRY ? Promise.resolve(STORY_CHARTS) : prepareCharts(charts)).then((prepared) => storyDrawings(root, options, prepared)));

  return {
    name: 'frontlines-drawings',
    configResolved(config) {
      root = config.root;
    },
    buildStart() {
      pending = undefined;
    },
    configureServer(dev) {
      server = dev;
      dev.watcher.on('all', () => {
        pending = undefined;
      });
      dev.middlewares.use((request, response, next) => {
        const match = /\/(drawings\/(?:[a-z0-9-]+-(?:phone|desktop)\.svg|drawings\.css))$/.exec((request.url ?? '').split('?')[0]!);
        if (!match) return next();
        current().then(
          ({ drawings, css }) => {
            if (match[1] === DRAWINGS_CSS) {
              response.setHeader('Content-Type', 'text/css');
              response.end(css);
              return;
            }
            const drawing = drawings.find((d) => d.path === match[1]);
            if (!drawing) return next();
            response.setHeader('Content-Type', 'image/svg+xml');
            response.end(drawing.svg);
          },
          (error: unknown) => next(error),
        );
      });
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        if (!MARKER.test(html)) return html;
        MARKER.lastIndex = 0;
        if (!enabled) return html.replace(MARKER, '');
        if (server) pending = undefined; // the dev server draws again on each page load (from the cache)
        const drawings = await current();
        // The inline drawing's styles come with the page's own CSS, before the first paint.
        const link = `<link rel="stylesheet" href="./${DRAWINGS_CSS}">`;
        return html.replace(MARKER, (_, kind: string, id: string) => (kind === 'opening' ? drawings.opening(id) : drawings.figure(id))).replace(/(\s*)(<link rel="stylesheet")/, `$1${link}$1$2`);
      },
    },
    async generateBundle() {
      if (!enabled) return;
      const set = await current();
      const { drawings, css } = set;
      for (const drawing of drawings) this.emitFile({ type: 'asset', fileName: drawing.path, source: drawing.svg });
      this.emitFile({ type: 'asset', fileName: DRAWINGS_CSS, source: css });
      // What was drawn, for tools and tests: each drawing's step, chart, state and size.
      const index = drawings.map(({ step, size, width, height, path }) => ({ step: step.id, chart: step.chart, tag: step.tag, state: step.state, size, width, height, path }));
      this.emitFile({ type: 'asset', fileName: 'drawings/index.json', source: JSON.stringify(index) });
      // The storyboard: every step's text beside its chart.
      const texts = new Map(set.texts.map((text) => [text.id, text]));
      const board = set.steps.map((step) => ({ step, text: texts.get(step.id)!, sentence: set.sentence(step.id), source: set.source(step.id), box: drawings.find((d) => d.step.id === step.id && d.size === 'desktop')! }));
      this.emitFile({ type: 'asset', fileName: 'storyboard.html', source: storyboardHtml(set.meta, board) });
      this.emitFile({ type: 'asset', fileName: 'storyboard.css', source: STORYBOARD_CSS });
      // A share page and card per step.
      const cards = await shareCards(root, set);
      for (const card of cards) {
        this.emitFile({ type: 'asset', fileName: cardPath(card.stepId), source: card.png });
        this.emitFile({ type: 'asset', fileName: sharePath(card.stepId), source: card.html });
      }
    },
  };
}

export interface ShareCard {
  readonly stepId: string;
  readonly png: Buffer;
  readonly html: string;
}

/** Two at a time: the cards render in child processes (cards.ts), one per core here. */
const CARD_CONCURRENCY = 2;

/** Every step's card and share page (scripts/bench/cards.ts times it). */
export async function shareCards(root: string, set: StoryDrawings, cacheDir = join(root, 'node_modules/.cache/frontlines-drawings')): Promise<ShareCard[]> {
  mkdirSync(cacheDir, { recursive: true });
  const fonts = cardFontFiles(root, cacheDir);
  const siteUrl = (process.env.FRONTLINES_SITE_URL ?? '').replace(/\/?$/, (end) => (process.env.FRONTLINES_SITE_URL ? '/' : end));
  const desktop = set.drawings.filter((d) => d.size === 'desktop');
  const out: ShareCard[] = new Array(desktop.length);
  let next = 0;
  const worker = async () => {
    while (next < desktop.length) {
      const i = next++;
      const drawing = desktop[i]!;
      const id = drawing.step.id;
      const text = { kicker: set.meta.kicker, title: set.meta.title, source: set.source(id) };
      const png = await cardPng([cardSvg(drawing, text), cardSvg(drawing, text, { inset: false })], fonts, cacheDir);
      const html = sharePageHtml({ stepId: id, title: set.meta.title, kicker: set.meta.kicker, sentence: set.sentence(id), source: set.source(id), siteUrl });
      out[i] = { stepId: id, png, html };
    }
  };
  await Promise.all(Array.from({ length: CARD_CONCURRENCY }, worker));
  return out;
}
