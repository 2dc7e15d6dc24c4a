import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { storyPlugin } from './src/build/plugin.ts';
import { cspPlugin } from './src/build/csp.ts';
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
 * The faces the page sets text in when it opens are preloaded (the headline and text serif, and the sans of the
 * byline and the opening chart's labels: fonts.test.ts checks the list against the faces the page loads), so they
 * are on their way with the style sheets rather than found only once the style sheets have arrived and the page
 * has been laid out. They are the same files in the story and in its no-JavaScript floor, fetched at the same
 * moment in both: before, whether the sans faces arrived before or after the first paint depended on how soon
 * the page was first laid out, and Lighthouse's simulated LCP counts a file only when it arrived before the
 * paint, so the same page measured hundreds of milliseconds apart from run to run. Text still paints in the
 * metric-matched fallbacks if a face is late (font-display: swap). The italics load when text needs them.
 */
const PRELOADED_FONTS = [
  'source-serif-4-latin-400-normal',
  'source-serif-4-latin-700-normal',
  'source-sans-3-latin-400-normal',
  'source-sans-3-latin-600-normal',
  'source-sans-3-latin-700-normal',
];

function preloadOpeningFonts(): Plugin {
  return {
    name: 'frontlines-preload-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (context.path !== '/index.html' || !context.bundle) return html;
        const assets = Object.values(context.bundle).filter((file) => file.type === 'asset');
        const links = PRELOADED_FONTS.map((face) => {
          const font = assets.find((file) => file.names.some((name) => name.startsWith(face)));
          if (!font) throw new Error(`the font ${face} is not in the build`);
          return `<link rel="preload" href="./${font.fileName}" as="font" type="font/woff2" crossorigin />`;
        });
        return html.replace(/(\s*)(<link rel="stylesheet")/, (_, space: string, stylesheet: string) => `${links.map((link) => `${space}${link}`).join('')}${space}${stylesheet}`);
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
      preloadOpeningFonts(),
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
        output: { minify: true },
      },
    },
  };
}

// FRONTLINES_STORY builds another story file (relative to the project): the benchmark's long story.
// The story page is a static site: relative asset URLs (base './') so dist/ works under any path.
export default defineConfig(siteConfig({ storyFile: process.env.FRONTLINES_STORY || undefined }));
