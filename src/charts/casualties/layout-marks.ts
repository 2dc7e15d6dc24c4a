/** The casualty chart's marks (what `layout` returns) and the boxes its text takes (for the shared label placer). */
import { type ScaleLinear, type ScaleTime } from 'd3';
import { type Box } from '../shared/labels.ts';
import { textWidth as fontTextWidth } from '../shared/text-width.ts';
import { type CasualtyView } from './schema.ts';

export interface TextMark {
  readonly key: string;
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  readonly text: string;
  /** Drawn after `text` in the muted colour (a year after a name). */
  readonly suffix?: string;
  readonly size: number;
  readonly weight: 400 | 700;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly cls: string;
}

export interface CircleMark {
  readonly key: string;
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
  readonly cls: string;
  readonly opacity: number;
  /** 0..1: where the mark comes in an entering sequence, for staggered transitions. */
  readonly order: number;
}

export interface RectMark {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly cls: string;
  readonly order: number;
}

export interface PathMark {
  readonly key: string;
  readonly d: string;
  /** The vertices the path passes through, for bounds checks. */
  readonly points: readonly (readonly [number, number])[];
  readonly cls: string;
}

export interface LineMark {
  readonly key: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly cls: string;
}

export interface AxisTick<T> {
  readonly value: T;
  readonly label: string;
  /** Absolute position along the axis (x for bottom axes, y for left axes). */
  readonly pos: number;
}

interface AxisBase {
  readonly key: string;
  /** Where the axis group is translated to. */
  readonly x: number;
  readonly y: number;
  readonly tickSize: number;
  readonly tickPadding: number;
  /** Font size of tick labels (set by the stylesheet; kept here so boxes can be checked). */
  readonly size: number;
  readonly cls: string;
}

export interface TimeAxisMark extends AxisBase {
  readonly kind: 'time';
  readonly orient: 'bottom';
  readonly scale: ScaleTime<number, number>;
  readonly ticks: readonly AxisTick<Date>[];
}

export interface LinearAxisMark extends AxisBase {
  readonly kind: 'linear';
  readonly orient: 'left';
  readonly scale: ScaleLinear<number, number>;
  readonly ticks: readonly AxisTick<number>[];
}

export type AxisMark = TimeAxisMark | LinearAxisMark;

export interface CasualtyMarks {
  readonly view: CasualtyView;
  readonly width: number;
  readonly height: number;
  readonly circles: readonly CircleMark[];
  readonly rects: readonly RectMark[];
  readonly paths: readonly PathMark[];
  readonly lines: readonly LineMark[];
  readonly texts: readonly TextMark[];
  readonly axes: readonly AxisMark[];
}

export { type Box, overlaps } from '../shared/labels.ts';

/** Width in px of `text` at `size` px and `weight`: the element measures in its font, Node uses the font's metrics. */
export type WidthOf = (text: string, size: number, weight?: 400 | 700) => number;

/** The chart font's width of `text`, from its advance widths (see shared/text-width.ts). */
export function textWidth(text: string, size: number, weight: 400 | 700 = 400): number {
  return fontTextWidth(text, size, weight);
}

/** The box a text mark occupies (ascenders to descenders). */
export function textBox(text: TextMark, widthOf: WidthOf = textWidth): Box {
  const width = widthOf(text.text, text.size, text.weight) + (text.suffix ? widthOf(text.suffix, text.size, 400) : 0);
  const left = text.anchor === 'start' ? text.x : text.anchor === 'middle' ? text.x - width / 2 : text.x - width;
  // Ascenders reach about 0.76 em above the baseline; the box allows more, as browsers report taller lines.
  return { key: text.key, x0: left, x1: left + width, y0: text.y - text.size * 0.95, y1: text.y + text.size * 0.25 };
}

/** Boxes of every piece of text in the marks: labels and axis tick labels. */
export function textBoxes(marks: CasualtyMarks, widthOf: WidthOf = textWidth): Box[] {
  const boxes = marks.texts.map((text) => textBox(text, widthOf));
  for (const axis of marks.axes) {
    for (const tick of axis.ticks) boxes.push(textBox(tickText(axis, tick), widthOf));
  }
  return boxes;
}

/** A tick label as the axis (../shared/axis.ts, as d3-axis) places it, expressed as a text mark. */
export function tickText(axis: AxisMark, tick: AxisTick<unknown>): TextMark {
  const offset = axis.tickSize + axis.tickPadding;
  return axis.orient === 'bottom'
    ? // The axis sets dy 0.71em below the tick: the baseline sits about 0.71em under the text's top.
      { key: `${axis.key}:${tick.label}`, x: tick.pos, y: axis.y + offset + axis.size * 0.71, text: tick.label, size: axis.size, weight: 400, anchor: 'middle', cls: '' }
    : { key: `${axis.key}:${tick.label}`, x: axis.x - offset, y: tick.pos + axis.size * 0.32, text: tick.label, size: axis.size, weight: 400, anchor: 'end', cls: '' };
}

export const EMPTY = { circles: [], rects: [], paths: [], lines: [], texts: [], axes: [] };
