/**
 * The charts, one line each: everything that lists charts derives from this list (the story page, the embed
 * bundle and the iframe page define their elements from it; the build looks up schemas, datasets, the no-JS
 * figures and the drawings in it; the embed dialog, presentation mode and the benchmark read it).
 *
 * A chart is a folder under src/charts/ whose `chart.ts` registers it (see README, "Adding a chart"). A
 * registration is light: names and sizes, plus loaders for the rest (its schemas, the element, its words, its
 * drawing code), so a page that imports the list fetches no chart's code until it needs it.
 *
 * The build and the pages take the list as an input (storyPlugin's `charts`, the `virtual:frontlines/charts`
 * module it serves), so a project, or a test, can add a chart from outside src/charts/.
 */
import type { CSSResult } from 'lit';
import type { ChartSchema, ChartState } from './shared/schema.ts';
import type { DatasetSchema } from './shared/dataset.ts';
import type { ChartText, TextWidth } from './shared/types.ts';
import { chart as casualties } from './casualties/chart.ts';
import { chart as timeline } from './timeline/chart.ts';
import { chart as distanceMap } from './distance-map/chart.ts';

/** The two widths the build draws each step at (src/drawings/sizes.ts). */
export type DrawingSize = 'phone' | 'desktop';

/** What a build-time drawing needs beyond the rows and the state. */
export interface DrawContext {
  /** Unique per drawing (ids inside the SVG, such as a clip path's). */
  readonly id: string;
  /** The map's geography (assets/geo/region.topo.json), parsed. */
  readonly topology: unknown;
  /** Text widths by the chart font's advance widths (the build has no canvas). */
  readonly textWidth: TextWidth;
}

/** The parts the build needs to draw a chart as SVG: loaded in Node only, through tsx (src/drawings/draw.ts). */
export interface ChartDrawing<Row> {
  /** Lays out the state at the size and draws its marks into `svg` at once (no motion), as the element does. */
  draw(svg: SVGSVGElement, rows: readonly Row[], state: ChartState, size: { width: number; height: number }, context: DrawContext): void;
  /** The chart's own styles (the element's, without the shared theme and chart styles). */
  readonly styles: readonly CSSResult[];
}

export interface ChartSchemas<Row> {
  readonly state: ChartSchema;
  readonly data: DatasetSchema<Row>;
}

export interface ChartEntry<Row = any> {
  /** As a story step names it (`chart=timeline`) and `embed.html?chart=`. */
  readonly name: string;
  /** Its custom element. */
  readonly tag: string;
  /** The dataset its rows come from (story/data/<schema file>); several charts may share one. */
  readonly dataset: string;
  /** Its iframe's and embed dialog's title (an iframe needs one, for screen readers). */
  readonly title: string;
  /** What the about section's list of sources calls this dataset's sources ("Casualty counts"). */
  readonly sourcesTitle: string;
  /** Width over height with no set height, per drawing size (the `--fl-aspect` defaults in its styles). */
  readonly aspect: Readonly<Record<DrawingSize, number>>;
  /** Its URL (`import.meta.url` of its chart.ts): the build serves the pages' chart list from these. */
  readonly module: string;
  /**
   * Loads its schemas (schema.ts): its state (attributes, defaults, the checks the build and the element share)
   * and its dataset's columns. Loaded, not carried: a page that lists the charts does not need them.
   */
  schemas(): Promise<ChartSchemas<Row>>;
  /** Loads the element's module; resolves to the function that defines the element, once any work the module does ahead of its first text is done. */
  element(): Promise<() => void>;
  /** Loads its words. */
  text(): Promise<ChartText<Row>>;
  /** Loads its layout, draw code and styles, for build-time drawings. */
  drawing(): Promise<ChartDrawing<Row>>;
}

/** Every chart.ts exports its registration as `chart`; its element module is `<name>.ts` beside it. */
export const CHARTS: readonly ChartEntry[] = [casualties, timeline, distanceMap];

/** The chart a story step or a query names, in a list of charts. */
export function chartNamed(charts: readonly ChartEntry[], name: string): ChartEntry | undefined {
  return charts.find((chart) => chart.name === name);
}
