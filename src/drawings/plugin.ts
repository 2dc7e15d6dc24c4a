/**
 * Puts the build's drawings (draw.ts) into the site: every step's figure gets its picture (the first step's as
 * inline SVG, so the page's opening chart shows at first paint), `vite build` writes the SVG files to
 * `dist/drawings/`, and the dev server serves them from memory. The story plugin renders each figure with a
 * marker; this plugin's late HTML step replaces the markers, after Vite has resolved the page's own assets (it
 * would otherwise look for the drawings among the source files).
 */
import type { Plugin, ViteDevServer } from 'vite';
import { buildStory } from '../story/build.ts';
import { chartSentence } from '../story/fallback.ts';
import { drawStory, type Drawing } from './draw.ts';
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
  /** The opening chart's SVG (its first step, at the desktop size, scaled to the column), for the page's first paint. */
  readonly first?: Drawing;
  readonly sentence: (stepId: string) => string;
}

export async function storyDrawings(root: string, storyFile?: string): Promise<StoryDrawings> {
  const built = buildStory({ root, storyFile });
  const { drawings, css } = await drawStory(built.story, built.datasets, { root });
  const say = chartSentence(built.datasets);
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
    opening(stepId) {
      // Hidden from screen readers: the chart element beside it says the same (its sentence, table and source).
      return drawings
        .filter((d) => d.step.id === stepId)
        .map((d) => `<div class="opening-drawing" data-size="${d.size}" aria-hidden="true">${drawingInline(d.svg, '').replace(' role="img" aria-label=""', '')}</div>`)
        .join('');
    },
    figure(stepId) {
      const step = steps.get(stepId);
      if (!step) return '';
      if (firstDrawing && stepId === firstDrawing.step.id) return `<div class="step-drawing">${drawingInline(firstDrawing.svg, sentence(stepId))}</div>`;
      return drawingPicture(stepId, step.chart, sentence(stepId));
    },
  };
}

export function drawingsPlugin(options: { storyFile?: string } = {}): Plugin {
  let root = process.cwd();
  let pending: Promise<StoryDrawings> | undefined;
  let server: ViteDevServer | undefined;
  const current = () => (pending ??= storyDrawings(root, options.storyFile));

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
        if (server) pending = undefined; // the dev server draws again on each page load (from the cache)
        const drawings = await current();
        // The inline drawing's styles come with the page's own CSS, before the first paint.
        const link = `<link rel="stylesheet" href="./${DRAWINGS_CSS}">`;
        return html.replace(MARKER, (_, kind: string, id: string) => (kind === 'opening' ? drawings.opening(id) : drawings.figure(id))).replace(/(\s*)(<link rel="stylesheet")/, `$1${link}$1$2`);
      },
    },
    async generateBundle() {
      const { drawings, css } = await current();
      for (const drawing of drawings) this.emitFile({ type: 'asset', fileName: drawing.path, source: drawing.svg });
      this.emitFile({ type: 'asset', fileName: DRAWINGS_CSS, source: css });
      // What was drawn, for tools and tests: each drawing's step, chart, state and size.
      const index = drawings.map(({ step, size, width, height, path }) => ({ step: step.id, chart: step.chart, tag: step.tag, state: step.state, size, width, height, path }));
      this.emitFile({ type: 'asset', fileName: 'drawings/index.json', source: JSON.stringify(index) });
    },
  };
}
