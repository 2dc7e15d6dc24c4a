/**
 * The types every chart's parts share: what a layout takes in and what a draw is told. Kept apart from the Lit
 * element (chart-element.ts), so pure layout code and the build's drawings import no element.
 */
import type { ChartState } from './schema.ts';
import type { ChartTable } from './table.ts';

/** A plot's box in CSS pixels. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** How a text is set, besides its size: the chart font at this weight (400 to 700), italic or not. */
export interface TextStyle {
  readonly weight?: number;
  readonly italic?: boolean;
  /** Extra space after each character, in em. */
  readonly letterSpacing?: number;
}

/**
 * Width in px of `text` at `size` px in the chart font. In the browser a canvas measures it (text-measure.ts);
 * in Node (unit tests, the build's drawings) the font's advance widths estimate it.
 */
export type TextWidth = (text: string, size: number, style?: TextStyle) => number;

/** What every chart's `layout` takes: its rows, its state, the plot's size and a text measurer. */
export interface LayoutInput<Row> {
  readonly rows: readonly Row[];
  readonly state: ChartState;
  readonly size: Size;
  /** By default the font's advance widths (`estimateTextWidth`). */
  readonly textWidth?: TextWidth;
}

/** What every chart's `draw` is told besides its marks. */
export interface DrawOptions {
  /** How long changes animate, in ms; 0 jumps (motion off, a resize, a drawing made at build time). */
  readonly duration: number;
}

/**
 * A chart in words, for any state of it: one sentence, the data table and the source line (its text.ts). The
 * element, the no-JS figures, print and the presenter view all say these.
 */
export interface ChartText<Row> {
  sentence(rows: readonly Row[], state: ChartState): string;
  table(rows: readonly Row[], state: ChartState): ChartTable;
  source(rows: readonly Row[], state: ChartState): string;
  /**
   * What the coded marks mean (colours, dashes, open marks), as a sentence for screen readers: the SVG draws the
   * same key, but is hidden from them. Null when the state draws nothing coded; absent when the chart's key is
   * read otherwise (the map's kinds are in its sentence and table).
   */
  legend?(rows: readonly Row[], state: ChartState): string | null;
}
