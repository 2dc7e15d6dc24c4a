import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { storyPlugin } from './src/build/plugin.ts';
import { cspPlugin } from './src/build/csp.ts';
import { cssTemplatesPlugin } from './src/build/css-templates.ts';
import { drawingMarker, drawingsPlugin, openingMarker } from './src/drawings/plugin.ts';
import { REGISTRY } from './src/build/charts.ts';
import type { ChartEntry } from './src/charts/registry.ts';

/**
 * The pages' text is in the HTML and their scripts only enhance it, so the scripts are fetched at low priority:
 * they never hold up the first paint (the browser fetches CSS first), and tools that estimate paint times from
 * request priorities (Lighthouse) do not count them as render-blocking.
 */
function lowPriorityScripts(): Plugin {
  return {
    name: 'frontlines-low-priority-scripts',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(/<(script type="module"|link rel="modulepreload")(?![^>]*fetchpriority)/g, '<$1 fetchpriority="low"'),
    },
  };
}

/**
 * The story page preloads its text face (fonts.css), so the file is on its way with the style sheets rather than
 * found only once they have arrived and the page has been laid out. It is the only font file the page asks for
 * before its first paint: the other faces are declared in fonts-late.css, which the page adds once it has painted
 * (src/entries/boot.ts), and their text paints in metric-matched fallbacks until they swap in. Lighthouse's
 * simulated LCP counts every file that arrived before the paint, so each face there would cost the first paint its
 * bytes on a slow network (bench/budgets.json, lcpToReference; README, Performance). fonts.test.ts checks that the
 * page asks for no other face before it has painted.
 */
const PRELOADED_FONTS = ['source-serif-4-story-400-normal'];

/** The page's asset whose source file name starts with `name`. */
function assetNamed(context: { bundle?: Record<string, { type: string; fileName: string; names?: string[]; originalFileNames?: string[] }> }, name: string): string {
  const assets = Object.values(context.bundle ?? {}).filter((file) => file.type === 'asset');
  const asset = assets.find((file) => (file.names ?? []).some((n) => n.startsWith(name)) || (file.originalFileNames ?? []).some((n) => n.split('/').pop()!.startsWith(name)));
  if (!asset) throw new Error(`${name} is not in the build`);
  return asset.fileName;
}

function preloadTextFont(): Plugin {
  return {
    name: 'frontlines-preload-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (context.path !== '/index.html' || !context.bundle) return html;
        const links = PRELOADED_FONTS.map((face) => `<link rel="preload" href="./${assetNamed(context, face)}" as="font" type="font/woff2" crossorigin />`);
        // Without JavaScript the page has no entry to add the other faces once it has painted: a <noscript> link does.
        const lateFonts = `<noscript><link rel="stylesheet" href="./${assetNamed(context, 'fonts-late')}" /></noscript>`;
        return html.replace(/(\s*)(<link rel="stylesheet")/, (_, space: string, stylesheet: string) => `${links.map((link) => `${space}${link}`).join('')}${space}${stylesheet}`).replace(/(\s*)(<\/head>)/, `$1  ${lateFonts}$1$2`);
      },
    },
  };
}

export interface SiteOptions {
  /** The charts (default: the registry's, src/charts/registry.ts). */
  readonly charts?: readonly ChartEntry[];
  /** Relative to the project: the story file, its data and its about text (default: story/). */
  readonly storyFile?: string;
  readonly dataDir?: string;
  readonly aboutFile?: string;
  readonly outDir?: string;
}

/** The site's build: a story, its charts, and where it goes. A test builds a site with a chart of its own. */
export function siteConfig({ charts = REGISTRY, storyFile, dataDir, aboutFile, outDir = 'dist' }: SiteOptions = {}): UserConfig {
  return {
    base: './',
    plugins: [
      storyPlugin({ charts, storyFile, dataDir, aboutFile }, { drawing: drawingMarker, opening: openingMarker }),
      drawingsPlugin({ charts, storyFile, dataDir, aboutFile }),
      cspPlugin(),
      lowPriorityScripts(),
      preloadTextFont(),
      cssTemplatesPlugin(),
    ],
    server: { port: 5173, strictPort: true },
    preview: { port: 4173, strictPort: true },
    build: {
      target: 'es2022',
      outDir,
      emptyOutDir: true,
      assetsInlineLimit: 0,
      rolldownOptions: {
        // presenter.html: the presenter view, a page of its own (notes, next slide, timer) that draws no charts.
        input: { index: 'index.html', presenter: 'presenter.html', embed: 'embed.html' },
        // FRONTLINES_NO_MINIFY=1: readable function names in a profile (scripts/bench/trace.ts --profile).
        output: { minify: !process.env.FRONTLINES_NO_MINIFY },
      },
    },
  };
}

// FRONTLINES_STORY builds another story file (relative to the project): the benchmark's long story.
// The story page is a static site: relative asset URLs (base './') so dist/ works under any path.
export default defineConfig(siteConfig({ storyFile: process.env.FRONTLINES_STORY || undefined }));
