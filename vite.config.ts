import { defineConfig, type Plugin } from 'vite';
import { storyPlugin } from './src/story/plugin.ts';
import { cspPlugin } from './src/story/csp.ts';

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
 * The story's text face is preloaded, so it is on its way with the CSS rather than after it: most of the first
 * screen is set in it. The other faces load when text needs them (each has a metric-matched fallback meanwhile).
 */
function preloadTextFont(): Plugin {
  return {
    name: 'frontlines-preload-text-font',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (context.path !== '/index.html' || !context.bundle) return html;
        const font = Object.values(context.bundle).find(
          (file) => file.type === 'asset' && file.names.some((name) => name.startsWith('source-serif-4-latin-400-normal')),
        );
        if (!font) throw new Error('the text font (Source Serif 4, 400) is not in the build');
        const link = `<link rel="preload" href="./${font.fileName}" as="font" type="font/woff2" crossorigin />`;
        return html.replace(/(\s*)(<link rel="stylesheet")/, `$1${link}$1$2`);
      },
    },
  };
}

// FRONTLINES_STORY builds another story file (relative to the project): the benchmark's long story.
// The story page is a static site: relative asset URLs (base './') so dist/ works under any path.
export default defineConfig({
  base: './',
  plugins: [storyPlugin({ storyFile: process.env.FRONTLINES_STORY || undefined }), cspPlugin(), lowPriorityScripts(), preloadTextFont()],
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    rolldownOptions: {
      // presenter.html: the presenter view, a page of its own (notes, next slide, timer) that draws no charts.
      input: { index: 'index.html', presenter: 'presenter.html', embed: 'embed.html' },
      output: { minify: true },
    },
  },
});
