/**
 * The charts as the build uses them: the registry's entries (src/charts/registry.ts) with their words loaded, and
 * the datasets they draw from. The build takes the list as an input (buildStory's and storyPlugin's `charts`), so
 * a chart can be added from outside src/charts/; by default it is the registry's.
 */
import { fileURLToPath } from 'node:url';
import type { ChartEntry } from '../charts/registry.ts';
import type { ChartText } from '../charts/shared/types.ts';
import type { ChartSchema } from '../charts/shared/schema.ts';
import type { DatasetSchema } from '../charts/shared/dataset.ts';

export interface BuildChart {
  readonly entry: ChartEntry;
  /** Its state's schema and its dataset's, loaded. */
  readonly schema: ChartSchema;
  readonly data: DatasetSchema<unknown>;
  /** Its sentence, table and source line, loaded: the no-JS figures are written synchronously. */
  readonly text: ChartText<unknown>;
}

/** The charts a story may use, by name, and the datasets they read, by name. */
export interface StoryCharts {
  readonly charts: ReadonlyMap<string, BuildChart>;
  readonly datasets: ReadonlyMap<string, DatasetSchema<unknown>>;
  /** The registry's entries, in its order. */
  readonly entries: readonly ChartEntry[];
}

/**
 * Loads each chart's schemas and words and gathers the datasets. The build checks the registrations: one name per
 * chart, a tag and name that agree with its schema, and one schema per dataset.
 */
export async function prepareCharts(entries: readonly ChartEntry[]): Promise<StoryCharts> {
  const charts = new Map<string, BuildChart>();
  const datasets = new Map<string, DatasetSchema<unknown>>();
  for (const entry of entries) {
    if (charts.has(entry.name)) throw new Error(`two charts are named "${entry.name}"`);
    const [{ state: schema, data }, text] = await Promise.all([entry.schemas(), entry.text()]);
    if (schema.tag !== entry.tag || schema.name !== entry.name) {
      throw new Error(`the chart "${entry.name}" (<${entry.tag}>) registers a schema for "${schema.name}" (<${schema.tag}>)`);
    }
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(entry.tag)) throw new Error(`the chart "${entry.name}": <${entry.tag}> is not a custom element name`);
    const known = datasets.get(entry.dataset);
    if (known && known !== data) throw new Error(`the charts disagree on the "${entry.dataset}" dataset's schema`);
    datasets.set(entry.dataset, data);
    charts.set(entry.name, { entry, schema, data, text: text as ChartText<unknown> });
  }
  return { charts, datasets, entries };
}

/**
 * The registry (src/charts/registry.ts), loaded through tsx: behind its loaders are the charts' elements, whose
 * TypeScript decorators the bundler that loads the Vite config does not transform (it would inline them).
 */
export async function loadRegistry(): Promise<readonly ChartEntry[]> {
  const registry = (await importTypeScript(new URL('../charts/registry.ts', import.meta.url).href)) as typeof import('../charts/registry.ts');
  return registry.CHARTS;
}

/**
 * Imports a TypeScript module (and what it imports) through tsx, with the project's compiler options (Lit's
 * decorators need `experimentalDecorators` and `useDefineForClassFields: false`): tsconfig.base.json, named
 * outright, because the root tsconfig.json only lists the projects.
 */
export async function importTypeScript(url: string): Promise<unknown> {
  const { tsImport } = await import('tsx/esm/api');
  return tsImport(url, { parentURL: import.meta.url, tsconfig: fileURLToPath(new URL('../../tsconfig.base.json', import.meta.url)) });
}

/** A chart registered outside the registry (a chart.ts exporting `chart`), loaded as the registry is. */
export async function loadChart(url: string): Promise<ChartEntry> {
  return ((await importTypeScript(url)) as { chart: ChartEntry }).chart;
}

/** The registry's charts. */
export const REGISTRY: readonly ChartEntry[] = await loadRegistry();

/** The registry's charts, prepared once for every build in this process. */
export const STORY_CHARTS: StoryCharts = await prepareCharts(REGISTRY);
