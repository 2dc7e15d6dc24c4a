/**
 * The Vite plugin that turns story/ into the page: it serves the built story as `virtual:frontlines/story`
 * (structure and data), `virtual:frontlines/texts` (step text and notes, for the presenter view), the chart list
 * as `virtual:frontlines/charts` (each chart's registration, from the list the plugin is given), and writes the
 * article's HTML into index.html. A story problem fails `vite build` with file:line messages and shows in the dev
 * server's error overlay; editing a story file reloads the page.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, ViteDevServer } from 'vite';
import { buildStory, type BuiltStory, type StoryPaths } from './build.ts';
import type { RenderOptions } from './render.ts';
import { escapeHtml } from '../charts/shared/escape.ts';
import type { ChartEntry } from '../charts/registry.ts';
import { prepareCharts, REGISTRY, STORY_CHARTS, type StoryCharts } from './charts.ts';

const MODULES = {
  story: 'virtual:frontlines/story',
  texts: 'virtual:frontlines/texts',
  charts: 'virtual:frontlines/charts',
} as const;

/** `virtual:frontlines/dataset/<name>`: one dataset's rows alone (a chart's own embed file carries only its own). */
export const DATASET_MODULE = 'virtual:frontlines/dataset/';

/** The pages' chart list: each registration imported from its own module, so it is bundled as the source is. */
export function chartsModule(charts: readonly ChartEntry[]): string {
  const imports = charts.map((chart, i) => `import { chart as c${i} } from ${JSON.stringify(fileURLToPath(chart.module))};`);
  return `${imports.join('\n')}\nexport const CHARTS = [${charts.map((_, i) => `c${i}`).join(', ')}];\n`;
}

export interface StoryPluginPaths extends Partial<Omit<StoryPaths, 'charts'>> {
  /** The charts a step may name, and the pages define (default: the registry's, src/charts/registry.ts). */
  readonly charts?: readonly ChartEntry[];
}

/** Where the page shell wants the article. */
export const ARTICLE_SLOT = '<!--frontlines:article-->';

export function storyPlugin({ charts = REGISTRY, ...paths }: StoryPluginPaths = {}, options: RenderOptions = {}): Plugin {
  let root = paths.root ?? process.cwd();
  let cached: BuiltStory | null = null;
  let server: ViteDevServer | undefined;
  let command: 'build' | 'serve' = 'build';
  let prepared: Promise<StoryCharts> | undefined;
  const prepare = () => (prepared ??= charts === REGISTRY ? Promise.resolve(STORY_CHARTS) : prepareCharts(charts));
  const build = async (): Promise<BuiltStory> => (cached ??= buildStory({ ...paths, root, charts: await prepare() }, options));

  return {
    name: 'frontlines-story',
    configResolved(config) {
      root = paths.root ?? config.root;
      command = config.command;
    },
    async buildStart() {
      // A build fails fast and loudly: a broken story stops it before any bundling. The dev server starts anyway
      // and shows the problem in its error overlay, so the author can fix it and reload.
      cached = null;
      if (command === 'build') await build();
    },
    configureServer(dev) {
      server = dev;
      dev.watcher.add([`${root}/story`]);
      dev.watcher.on('all', (_event, file) => {
        if (!relative(root, file).startsWith('story')) return;
        cached = null;
        for (const id of Object.values(MODULES)) {
          const module = dev.moduleGraph.getModuleById(`\0${id}`);
          if (module) dev.moduleGraph.invalidateModule(module);
        }
        dev.ws.send({ type: 'full-reload' });
      });
    },
    resolveId(id) {
      if (id.startsWith(DATASET_MODULE)) return `\0${id}`;
      return Object.values(MODULES).includes(id as (typeof MODULES)[keyof typeof MODULES]) ? `\0${id}` : null;
    },
    async load(id) {
      if (id === `\0${MODULES.story}`) {
        const built = await build();
        for (const file of built.files) this.addWatchFile(file);
        return `export const story = ${JSON.stringify(built.story)};\nexport const datasets = ${JSON.stringify(built.datasets)};\n`;
      }
      if (id === `\0${MODULES.texts}`) {
        const built = await build();
        return `export const texts = ${JSON.stringify(built.texts)};\n`;
      }
      if (id === `\0${MODULES.charts}`) return chartsModule(charts);
      if (id.startsWith(`\0${DATASET_MODULE}`)) {
        const built = await build();
        const name = id.slice(DATASET_MODULE.length + 1);
        if (!(name in built.datasets)) this.error(`${DATASET_MODULE}${name}: no such dataset (known: ${Object.keys(built.datasets).join(', ')})`);
        return `export const rows = ${JSON.stringify(built.datasets[name])};\n`;
      }
      return null;
    },
    transformIndexHtml: {
      order: 'pre',
      async handler(html, context) {
        if (!html.includes(ARTICLE_SLOT)) return html;
        if (server) cached = null; // the dev server rebuilds on each page load, so an edit shows on reload
        const built = await build();
        const { meta } = built.story;
        void context;
        return html
          .replace(ARTICLE_SLOT, built.html)
          .replace('<!--frontlines:about-->', built.about)
          .replace('<!--frontlines:credits-->', built.credits)
          .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(meta.title)} | Frontlines</title>`)
          .replace('<!--frontlines:description-->', `<meta name="description" content="${escapeHtml(meta.dek)}">`);
      },
    },
  };
}

