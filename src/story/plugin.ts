/**
 * The Vite plugin that turns story/ into the page: it serves the built story as `virtual:frontlines/story`
 * (structure and data), `virtual:frontlines/texts` (step text and notes, for the presenter view), and writes the
 * article's HTML into index.html. A story problem fails `vite build` with file:line messages and shows in the dev
 * server's error overlay; editing a story file reloads the page.
 */
import { relative } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { buildStory, type BuiltStory, type StoryPaths } from './build.ts';
import type { RenderOptions } from './render.ts';
import { escapeHtml } from '../charts/shared/escape.ts';

const MODULES = {
  story: 'virtual:frontlines/story',
  texts: 'virtual:frontlines/texts',
} as const;

/** Where the page shell wants the article. */
export const ARTICLE_SLOT = '<!--frontlines:article-->';

export function storyPlugin(paths: Partial<StoryPaths> = {}, options: RenderOptions = {}): Plugin {
  let root = paths.root ?? process.cwd();
  let cached: BuiltStory | null = null;
  let server: ViteDevServer | undefined;
  let command: 'build' | 'serve' = 'build';
  const build = (): BuiltStory => (cached ??= buildStory({ ...paths, root }, options));

  return {
    name: 'frontlines-story',
    configResolved(config) {
      root = paths.root ?? config.root;
      command = config.command;
    },
    buildStart() {
      // A build fails fast and loudly: a broken story stops it before any bundling. The dev server starts anyway
      // and shows the problem in its error overlay, so the author can fix it and reload.
      cached = null;
      if (command === 'build') build();
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
      return Object.values(MODULES).includes(id as (typeof MODULES)[keyof typeof MODULES]) ? `\0${id}` : null;
    },
    load(id) {
      if (id === `\0${MODULES.story}`) {
        const built = build();
        for (const file of built.files) this.addWatchFile(file);
        return `export const story = ${JSON.stringify(built.story)};\nexport const datasets = ${JSON.stringify(built.datasets)};\n`;
      }
      if (id === `\0${MODULES.texts}`) {
        const built = build();
        return `export const texts = ${JSON.stringify(built.texts)};\n`;
      }
      return null;
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        if (!html.includes(ARTICLE_SLOT)) return html;
        if (server) cached = null; // the dev server rebuilds on each page load, so an edit shows on reload
        const built = build();
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

