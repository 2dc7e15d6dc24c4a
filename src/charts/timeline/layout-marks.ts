/** The timeline's marks (what `layout` returns), its key, and placing events along the time axis. */
import type { Box } from '../shared/labels.ts';
import type { Size } from '../shared/types.ts';
import { type ChartState } from '../shared/schema.ts';
import type { EventKind, EventRow } from './schema.ts';
import { type WidthOf, type TickMark, type TickUnit } from './layout-axis.ts';
import { type IntervalSpan, dateLine, extentOf, parseWhen, visibleRows } from './layout-dates.ts';

export type Orientation = 'horizontal' | 'vertical';
export type Emphasis = 'emphasis' | 'normal' | 'muted';

/** A label's, a bar's or the axis's box: the one box type the charts share. */
export type { Box };

export interface LabelMark {
  readonly text: string;
  /** The label before any abbreviation. */
  readonly full: string;
  /** `short`: the short column replaced the label; `ellipsis`: it was cut to fit. */
  readonly abbreviated: 'none' | 'short' | 'ellipsis';
  /** Text anchor point: x of the start or end of the text, y of its middle. */
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'end';
  readonly bold: boolean;
  readonly fontSize: number;
  /** Around the label and its date line. */
  readonly box: Box;
  /** The event's date as a smaller line above the label, when there is room for two lines. */
  readonly date: { readonly text: string; readonly y: number; readonly fontSize: number } | null;
}

export interface EventMark {
  readonly id: string;
  readonly kind: EventKind;
  readonly emphasis: Emphasis;
  /** Moscow wall-clock ms. */
  readonly start: number;
  readonly end: number | null;
  /** A bar shorter than a mark is drawn as a mark. */
  readonly shape: 'point' | 'bar';
  /** Along the time axis, clipped to the window. */
  readonly p0: number;
  readonly p1: number;
  readonly clippedStart: boolean;
  readonly clippedEnd: boolean;
  /** Where the leader starts: the point, or the start of the bar. */
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
  readonly bar: Box | null;
  /** Polyline from the mark to its label (none when a cluster's label names the event). */
  readonly leader: readonly (readonly [number, number])[];
  /** An event in a cluster has no label of its own (its text is empty): the cluster's names it. */
  readonly label: LabelMark;
  /** The key of the cluster the event belongs to, or null. */
  readonly cluster: string | null;
}

/**
 * Events too close together on a long axis to label one by one, labelled as one: "10 events, September 2023 to
 * March 2024". Their marks stay on the track; a band beside it spans them.
 */
export interface ClusterMark {
  readonly key: string;
  readonly ids: readonly string[];
  /** The members' labels, in date order. */
  readonly names: readonly string[];
  readonly start: number;
  readonly end: number;
  /** Along the time axis: the first and last member's positions. */
  readonly p0: number;
  readonly p1: number;
  /** SVG path of the band that spans the members. */
  readonly path: string;
  readonly leader: readonly (readonly [number, number])[];
  readonly label: LabelMark;
}

export interface IntervalMark {
  readonly span: IntervalSpan;
  readonly p0: number;
  readonly p1: number;
  readonly clippedStart: boolean;
  readonly clippedEnd: boolean;
  /** SVG path of the bracket. */
  readonly path: string;
  readonly label: LabelMark;
  /** From the bracket's middle to its label, in the vertical layout. */
  readonly leader: readonly (readonly [number, number])[] | null;
}

export interface AxisMarks {
  readonly unit: TickUnit;
  readonly step: number;
  readonly ticks: readonly TickMark[];
  /** Where the axis line sits: y of a horizontal axis, x of a vertical one. */
  readonly offset: number;
  /** The area the axis and its tick labels take up. */
  readonly box: Box;
  readonly fontSize: number;
  /** "Moscow time (UTC+3)" when the ticks are hours. */
  readonly note: { readonly text: string; readonly x: number; readonly y: number; readonly anchor: 'start' | 'end' } | null;
}

/** One entry of the chart's key: a swatch (a bar or a dot, drawn as the marks are) and what it means. */
export interface LegendEntry {
  readonly code: 'bar' | 'point';
  readonly text: string;
  readonly swatch: Box;
  /** Text start and middle. */
  readonly x: number;
  readonly y: number;
  readonly fontSize: number;
}

/** What the timeline's coded marks mean: a bar is an event that lasted, drawn to scale; a dot, an event on a date. */
export const LEGEND_WORDS = { bar: 'how long it lasted', point: 'a date' } as const;

/** True when some event in the window lasts (has an end on a later day), so the chart may draw bars. */
export function hasLastingEvents(rows: readonly EventRow[], state: ChartState): boolean {
  return visibleRows(rows, state).some((row) => row.end !== null && parseWhen(row.end).date !== parseWhen(row.start).date);
}

/** The key as a sentence, for screen readers; null when the window has no lasting event. */
export function legendSentence(rows: readonly EventRow[], state: ChartState): string | null {
  return hasLastingEvents(rows, state) ? `Key: a bar shows ${LEGEND_WORDS.bar}; a dot marks ${LEGEND_WORDS.point}.` : null;
}

/** The tops of the labels drawn. */
export function labelTops(events: readonly EventMark[], clusters: readonly ClusterMark[]): number[] {
  return [...events.filter((e) => !e.cluster).map((e) => e.label.box.y0), ...clusters.map((c) => c.label.box.y0)];
}

/** The key's entries in a row from (x, y): swatch, words, a gap, the next. */
export function legendRow(x: number, y: number, fontSize: number, widthOf: WidthOf): LegendEntry[] {
  const entries: LegendEntry[] = [];
  let at = x;
  for (const code of ['bar', 'point'] as const) {
    const swatch = code === 'bar' ? { x0: at, x1: at + 16, y0: y - 3, y1: y + 3 } : { x0: at + 1, x1: at + 8, y0: y - 3.5, y1: y + 3.5 };
    const textX = swatch.x1 + 5;
    entries.push({ code, text: LEGEND_WORDS[code], swatch, x: textX, y, fontSize });
    at = textX + widthOf(LEGEND_WORDS[code], false, fontSize) + 14;
  }
  return entries;
}

export interface TimelineMarks {
  readonly orientation: Orientation;
  readonly width: number;
  readonly height: number;
  /** Moscow wall-clock ms of the window's start and end. */
  readonly domain: readonly [number, number];
  /** Pixel positions the domain maps to (x when horizontal, y when vertical). */
  readonly range: readonly [number, number];
  /** The track the marks sit on: y when horizontal, x when vertical. */
  readonly track: number;
  readonly fontSize: number;
  readonly axis: AxisMarks;
  readonly events: readonly EventMark[];
  readonly clusters: readonly ClusterMark[];
  readonly interval: IntervalMark | null;
  /** The key to bars and dots, when a bar is drawn. */
  readonly legend: readonly LegendEntry[];
  /** True when some label could not be fitted without touching another (too little room). */
  readonly overflow: boolean;
}

/** Below this width the time axis runs down the page. */
export const VERTICAL_BELOW = 600;

export const GAP = 6; // px between two labels in one lane
/** The most rows of labels a long horizontal axis stacks. */
export const MAX_LONG_ROWS = 5;
export const PAD = 4; // px between a leader and its own label's text
// px a leader keeps clear of another label's text; small, so leaders of events on nearly the same date (which
// nearly coincide) do not count as running through each other's labels.
export const CLEAR = 2;

export interface Input {
  readonly rows: readonly EventRow[];
  readonly domain: readonly [number, number];
  readonly emphasisOf: (id: string) => Emphasis;
  readonly span: IntervalSpan | null;
  readonly widthOf: WidthOf;
  readonly size: Size;
}

export const PRIORITY: Record<Emphasis, number> = { emphasis: 2, normal: 1, muted: 0 };
const RADIUS: Record<Emphasis, number> = { emphasis: 6, normal: 4.5, muted: 3.5 };

export function scaler(domain: readonly [number, number], range: readonly [number, number]): (t: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  return (t) => r0 + ((t - d0) / (d1 - d0)) * (r1 - r0);
}

/** Where an event sits along the time axis, clipped to the window. */
function along(row: EventRow, domain: readonly [number, number], scale: (t: number) => number, r: number) {
  const { start, end } = extentOf(row);
  const [d0, d1] = domain;
  const p0 = scale(Math.max(start, d0));
  const p1 = scale(Math.min(end ?? start, d1));
  const shape: 'point' | 'bar' = end !== null && Math.abs(p1 - p0) >= 2 * r ? 'bar' : 'point';
  return { start, end, p0, p1, shape, clippedStart: start < d0, clippedEnd: (end ?? start) > d1 };
}

/** Each visible event placed along the time axis, with its emphasis, mark radius and date line. */
export function placeEvents(input: Input, domain: readonly [number, number], scale: (t: number) => number) {
  const windowMs = domain[1] - domain[0];
  return input.rows.map((row) => {
    const emphasis = input.emphasisOf(row.id);
    const r = RADIUS[emphasis];
    return { row, emphasis, r, date: dateLine(row, windowMs), ...along(row, domain, scale, r) };
  });
}

export type PlacedEvent = ReturnType<typeof placeEvents>[number];

/** The fields of an event's mark that do not depend on which way the axis runs. */
export function axisFields(g: PlacedEvent) {
  const { start, end, shape, p0, p1, clippedStart, clippedEnd, r, emphasis } = g;
  return { id: g.row.id, kind: g.row.kind, emphasis, start, end, shape, p0, p1, clippedStart, clippedEnd, r };
}

export function clipSpan(span: IntervalSpan, domain: readonly [number, number], scale: (t: number) => number) {
  const [d0, d1] = domain;
  if (span.end < d0 || span.start > d1) return null;
  return {
    p0: scale(Math.max(span.start, d0)),
    p1: scale(Math.min(span.end, d1)),
    clippedStart: span.start < d0,
    clippedEnd: span.end > d1,
  };
}
