/**
 * The embed build: dist/embed/frontlines.js (every chart element in the list, with the story's data as its default)
 * and dist/embed/frame.js (the host-side script that sizes iframe embeds), as ES modules with stable names, so a
 * page elsewhere can link them. The map's geography is written beside them as region.topo.json and fetched from
 * there at run time; the static example page in embed/ is copied in too. Run after the app build:
 * `vite build && vite build -c vite.embed.config.ts` (the app build empties dist/, this one does not).
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dirname, join as joinPath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { DATASET_MODULE, storyPlugin } from './src/build/plugin.ts';
import { REGISTRY } from './src/build/charts.ts';
import { cssTemplatesPlugin } from './src/build/css-templates.ts';
import type { ChartEntry } from './src/charts/registry.ts';

const OUT_DIR = 'dist/embed';

/**
 * FRONTLINES_EMBED_CHART=fl-timeline builds that chart's own entry (dist/embed/fl-timeline.js) instead of
 * frontlines.js: one self-contained file per chart, so a page that embeds one chart loads only its code. A library
 * build with several entries would share chunks between them, so each is a build of its own
 * (scripts/build-embed-charts.ts runs one per chart in the list).
 */
const CHART_ENTRY = 'virtual:frontlines/embed-chart';

/**
 * A chart's own entry, written from its registration: the story's rows of its dataset (and no other) as its default, the element defined, and
 * the element module's exports (its class and define function: `FlTimeline`, `defineTimeline`) re-exported. The
 * element module is `<name>.ts` beside the chart's chart.ts and exports its `define...` function (README, "Adding
 * a chart").
 */
function chartEntry(chart: ChartEntry): Plugin {
  const element = joinPath(dirname(fileURLToPath(chart.module)), `${chart.name}.ts`);
  const shared = fileURLToPath(new URL('./src/charts/shared/chart-element.ts', import.meta.url));
  return {
    name: 'frontlines-embed-chart-entry',
    // Library mode resolves an entry against the root: the id arrives as a path ending in the name.
    resolveId: (id) => (id.endsWith(CHART_ENTRY) ? `\0${CHART_ENTRY}` : null),
    load: (id) =>
      id === `\0${CHART_ENTRY}`
        ? [
            `import { rows } from ${JSON.stringify(`${DATASET_MODULE}${chart.dataset}`)};`,
            `import { setDefaultRows } from ${JSON.stringify(shared)};`,
            `import * as element from ${JSON.stringify(element)};`,
            `setDefaultRows(${JSON.stringify(chart.tag)}, rows);`,
            // Defined as the file loads (a page may look the element up at once): by the module's define function.
            `Object.entries(element).find(([name, value]) => name.startsWith('define') && typeof value === 'function')[1]();`,
            `export * from ${JSON.stringify(element)};`,
          ].join('\n')
        : null,
  };
}

/** The embed build for a list of charts (the registry's, or a test's): frontlines.js, or one chart's own file. */
export function embedConfig(
  charts: readonly ChartEntry[],
  story: { storyFile?: string; dataDir?: string; aboutFile?: string } = {},
  tag = process.env.FRONTLINES_EMBED_CHART,
  frame = process.env.FRONTLINES_EMBED_FRAME === '1',
): UserConfig {
  const chart = tag ? charts.find((entry) => entry.tag === tag) : undefined;
  if (tag && !chart) throw new Error(`FRONTLINES_EMBED_CHART: unknown chart ${tag} (known: ${charts.map((entry) => entry.tag).join(', ')})`);
  return {
    // The embed carries the story's data but not its page: the plugin is here only to resolve the virtual modules.
    plugins: frame
      ? []
      : [storyPlugin({ charts, ...story }), keepJsonBesideBundle(!chart || chart.name === 'distance-map'), ...(chart ? [chartEntry(chart)] : [copyStaticExample()]), cssTemplatesPlugin()],
    publicDir: false,
    // Asset URLs relative to the bundle (`new URL('region.topo.json', import.meta.url)`), not to a site root.
    base: './',
    build: {
      target: 'es2022',
      outDir: OUT_DIR,
      emptyOutDir: false,
      minify: true,
      lib: {
        entry: chart ? { [chart.tag]: CHART_ENTRY } : frame ? { frame: 'src/entries/frame-sizer.ts' } : { frontlines: 'src/entries/embed.ts' },
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
          // One file each: the registry's loaders (words, drawing code) point into the element's own module graph.
          codeSplitting: false,
        },
      },
    },
  };
}

/**
 * Library mode inlines every asset as a data: URL, which would put the map's whole geography (tens of kB of
 * TopoJSON, a third larger as base64) into the bundle, downloaded by every page whether it shows a map or not.
 * Marking JSON files referenced as `new URL('....json', import.meta.url)` with Vite's `?no-inline` keeps them
 * separate files beside the bundle, still resolved against the module's URL at run time.
 */
function keepJsonBesideBundle(needsMap: boolean): Plugin {
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

export default defineConfig(embedConfig(REGISTRY));
