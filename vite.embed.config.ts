/**
 * The embed build: dist/embed/frontlines.js (the three chart elements with the story's data as their default)
 * and dist/embed/frame.js (the host-side script that sizes iframe embeds), as ES modules with stable names, so a
 * page elsewhere can link them. The map's geography is written beside them as region.topo.json and fetched from
 * there at run time; the static example page in embed/ is copied in too. Run after the app build:
 * `vite build && vite build -c vite.embed.config.ts` (the app build empties dist/, this one does not).
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { storyPlugin } from './src/story/plugin.ts';

const OUT_DIR = 'dist/embed';

/**
 * FRONTLINES_EMBED_CHART=fl-timeline builds that chart's own entry (dist/embed/fl-timeline.js, src/embed-charts/)
 * instead of frontlines.js: one self-contained file per chart, so a page that embeds one chart loads only its code.
 * A library build with several entries would share chunks between them, so each is a build of its own
 * (scripts/build-embed-charts.ts runs the three).
 */
const CHART = process.env.FRONTLINES_EMBED_CHART;
export const EMBED_CHARTS = ['fl-casualties', 'fl-timeline', 'fl-distance-map'] as const;
if (CHART && !(EMBED_CHARTS as readonly string[]).includes(CHART)) throw new Error(`FRONTLINES_EMBED_CHART: unknown chart ${CHART}`);

/**
 * Library mode inlines every asset as a data: URL, which would put the map's whole geography (tens of kB of
 * TopoJSON, a third larger as base64) into the bundle, downloaded by every page whether it shows a map or not.
 * Marking JSON files referenced as `new URL('....json', import.meta.url)` with Vite's `?no-inline` keeps them
 * separate files beside the bundle, still resolved against the module's URL at run time.
 */
function keepJsonBesideBundle(): Plugin {
  const pattern = /(\bnew\s+URL\s*\(\s*)(['"])([^'"?]+\.json)\2(\s*,\s*import\.meta\.url)/g;
  return {
    name: 'frontlines-embed-json-beside-bundle',
    enforce: 'pre',
    transform(code, id) {
      if (!/\.[cm]?[jt]s$/.test(id.split('?')[0]!) || !code.includes('import.meta.url')) return null;
      const replaced = code.replace(pattern, (_match, start: string, quote: string, path: string, end: string) => `${start}${quote}${path}?no-inline${quote}${end}`);
      return replaced === code ? null : { code: replaced, map: null };
    },
    generateBundle(_options, bundle) {
      for (const [name, file] of Object.entries(bundle)) {
        if (file.type === 'chunk' && /data:application\/json;base64,/.test(file.code)) {
          this.error(`${name} inlines a JSON file as a data: URL; it should load it from beside the bundle`);
        }
      }
      const needsMap = !CHART || CHART === 'fl-distance-map';
      if (needsMap && !Object.keys(bundle).includes('region.topo.json')) this.error('the map geography (region.topo.json) is missing from the embed build');
    },
  };
}

/** Copies the static files of embed/ (the example page) into dist/embed/ unchanged: they need no build. */
function copyStaticExample(): Plugin {
  return {
    name: 'frontlines-embed-static',
    apply: 'build',
    // Into the build's own output directory, which `--outDir` may have moved (the benchmark builds elsewhere).
    writeBundle(options) {
      const outDir = options.dir ?? OUT_DIR;
      mkdirSync(outDir, { recursive: true });
      for (const name of readdirSync('embed')) copyFileSync(join('embed', name), join(outDir, name));
    },
  };
}

export default defineConfig({
  // The embed carries the story's data but not its page: the plugin is here only to resolve virtual:frontlines/story.
  plugins: [storyPlugin(), keepJsonBesideBundle(), ...(CHART ? [] : [copyStaticExample()])],
  publicDir: false,
  // Asset URLs relative to the bundle (`new URL('region.topo.json', import.meta.url)`), not to a site root.
  base: './',
  build: {
    target: 'es2022',
    outDir: OUT_DIR,
    emptyOutDir: false,
    minify: true,
    lib: {
      entry: CHART ? { [CHART]: `src/embed-charts/${CHART}.ts` } : { frontlines: 'src/embed.ts', frame: 'src/embed-host.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      output: {
        // Library mode leaves whitespace in place with `minify: true` alone.
        minify: true,
        // Stable names: pages link frontlines.js and frame.js directly, and the bundle fetches region.topo.json by name.
        assetFileNames: '[name][extname]',
        chunkFileNames: '[name]-[hash].js',
      },
    },
  },
});
