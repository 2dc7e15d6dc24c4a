/** The vertical timeline: time runs down the page; labels form one column, nudged apart in time order. */
import { chooseTicks, truncate } from './layout-axis.ts';
import { type Cluster, clusterIdentity, clusterOf, clusterWords, findClusters, labelled, silentLabel } from './layout-clusters.ts';
import type { IntervalSpan } from './layout-dates.ts';
import { dodge } from '../shared/labels.ts';
import { type ClusterMark, type Emphasis, type EventMark, type Input, type IntervalMark, type PlacedEvent, type TimelineMarks, axisFields, clipSpan, legendRow, placeEvents, scaler } from './layout-marks.ts';

/** Where each entry of the column sits: its block's top and height, and its label line. */
interface Slot {
  readonly top: number;
  readonly height: number;
  readonly line: number;
}

/** What the vertical passes share: the column's geometry, its measurer and where each entry landed. */
interface Column {
  readonly widthOf: Input['widthOf'];
  readonly fontSize: number;
  readonly dateFont: number;
  readonly dateHeight: number;
  readonly trackX: number;
  readonly bracketX: number;
  readonly labelX: number;
  readonly maxWidth: number;
  readonly withDates: boolean;
  readonly slots: ReadonlyMap<string, Slot>;
}

const FONT_SIZE = 12;
const DATE_FONT = 10;
const TICK_FONT = 11;

export function layoutVertical(input: Input): TimelineMarks {
  const { size, domain, widthOf, span } = input;
  const { width, height } = size;
  // The key to bars and dots takes the bottom line, under the axis (lasting events in the window may draw bars).
  const keyed = input.rows.some((row) => row.end !== null);
  const { top, bottom, range, ticked, noteText } = verticalAxis(input, height - 12 - (keyed ? 18 : 0));
  const { unit, step, ticks } = ticked;
  const scale = scaler(domain, range);
  const tickWidth = Math.max(0, ...ticks.map((t) => widthOf(t.label, false, TICK_FONT)));
  const axisX = Math.ceil(4 + tickWidth + 9);
  const trackX = axisX + 22;
  const labelX = trackX + 24;

  const geometry = placeEvents(input, domain, scale);
  const clipped = span ? clipSpan(span, domain, scale) : null;
  const clusters = findClusters(geometry, domain);
  const dateHeight = Math.round(DATE_FONT * 1.3);
  const arranged = arrangeColumn(geometry, clusters, span && clipped ? { span, clipped } : null, top - 8, bottom + 8, dateHeight);
  const column: Column = {
    widthOf, fontSize: FONT_SIZE, dateFont: DATE_FONT, dateHeight, trackX, bracketX: axisX + 9, labelX,
    maxWidth: Math.max(12, width - 4 - labelX), withDates: arranged.withDates, slots: arranged.slots,
  };

  return {
    orientation: 'vertical',
    width,
    height,
    domain,
    range,
    track: trackX,
    fontSize: FONT_SIZE,
    axis: {
      unit,
      step,
      ticks,
      offset: axisX,
      box: { x0: 0, x1: axisX, y0: 0, y1: height },
      fontSize: TICK_FONT,
      note: noteText ? { text: noteText, x: 4, y: 14, anchor: 'start' } : null,
    },
    events: eventMarks(geometry, clusterOf(clusters), column),
    clusters: clusterMarks(clusters, column),
    interval: span && clipped ? intervalMark(span, clipped, column) : null,
    legend: keyed && geometry.some((g) => g.shape === 'bar') ? legendRow(4, height - 9, TICK_FONT, widthOf) : [],
    overflow: arranged.overflow,
  };
}

/** The axis down the page, and its ticks; hours get a note at the top, and the ticks are chosen again under it. */
function verticalAxis(input: Input, bottom: number) {
  const { domain, widthOf } = input;
  let top = 14;
  let range: [number, number] = [top, bottom];
  let ticked = chooseTicks(domain, range, { widthOf, fontSize: TICK_FONT, horizontal: false });
  const noteText = ticked.unit === 'hour' ? 'Moscow time (UTC+3)' : null;
  if (noteText) {
    // Room at the top for the note; the ticks are chosen again for the shorter axis.
    top = 34;
    range = [top, bottom];
    ticked = chooseTicks(domain, range, { widthOf, fontSize: TICK_FONT, horizontal: false });
  }
  return { top, bottom, range, ticked, noteText };
}

/** Muted labels a size smaller: a crowd of them then pushes the emphasized ones less far from their marks. */
const fontOf = (emphasis: Emphasis) => (emphasis === 'muted' ? FONT_SIZE - 1 : FONT_SIZE);
const lineOf = (font: number) => Math.round(font * 1.4);

interface Entry {
  readonly key: string;
  /** Where the entry's label line should be. */
  readonly target: number;
  readonly time: number;
  readonly dated: boolean;
  readonly font: number;
}

/**
 * The column of labels: each event, cluster and the interval in time order, nudged apart between `lo` and `hi`.
 * Two lines per entry (a date line over the label) where the column has room for them all, one otherwise.
 */
function arrangeColumn(
  geometry: readonly PlacedEvent[],
  clusters: readonly Cluster[],
  interval: { span: IntervalSpan; clipped: { p0: number; p1: number } } | null,
  lo: number,
  hi: number,
  dateHeight: number,
): { withDates: boolean; overflow: boolean; slots: Map<string, Slot> } {
  // On a narrow column, muted events (context) go without a date line, to leave room for the others'.
  const entries: Entry[] = labelled(geometry, clusters).map((l) =>
    l.kind === 'event'
      ? { key: l.g.row.id, target: l.g.p0, time: l.g.start, dated: l.g.emphasis !== 'muted', font: fontOf(l.g.emphasis) }
      : { key: l.c.key, target: (l.c.p0 + l.c.p1) / 2, time: l.c.start, dated: true, font: FONT_SIZE },
  );
  if (interval) {
    const { span, clipped } = interval;
    entries.push({ key: '#interval', target: (clipped.p0 + clipped.p1) / 2, time: (span.start + span.end) / 2, dated: false, font: FONT_SIZE });
  }
  entries.sort((a, b) => a.target - b.target || a.time - b.time);

  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  const arrange = (withDates: boolean) => {
    const heights = entries.map((e) => lineOf(e.font) + (withDates && e.dated ? dateHeight : 0));
    const lead = (e: Entry) => (withDates && e.dated ? dateHeight : 0) + lineOf(e.font) / 2;
    const tops = dodge(
      entries.map((e) => e.target - lead(e)),
      heights,
      lo,
      hi,
    );
    const lines = entries.map((e, i) => tops[i]! + lead(e));
    const drift = Math.max(0, ...entries.map((e, i) => Math.abs(lines[i]! - e.target)));
    return { withDates, heights, tops, lines, drift, overflow: sum(heights) > hi - lo };
  };
  // Date lines where they fit without pushing labels much further from their marks than one line would.
  const oneLine = arrange(false);
  const twoLines = arrange(true);
  const chosen = !twoLines.overflow && twoLines.drift <= oneLine.drift + 12 ? twoLines : oneLine;
  const slots = new Map(entries.map((e, i) => [e.key, { top: chosen.tops[i]!, height: chosen.heights[i]!, line: chosen.lines[i]! }]));
  return { withDates: chosen.withDates, overflow: chosen.overflow, slots };
}

/** A label's words at the column's width: in full, short, or the short form cut with an ellipsis. */
function fit(column: Column, full: string, short: string, bold: boolean, font: number) {
  const w = (t: string) => column.widthOf(t, bold, font);
  if (w(full) <= column.maxWidth) return { text: full, abbreviated: 'none' as const };
  if (w(short) <= column.maxWidth) return { text: short, abbreviated: 'short' as const };
  return { text: truncate(short, column.maxWidth, w), abbreviated: 'ellipsis' as const };
}

/** A leader from a mark out to its label's line in the column. */
function elbow(column: Column, fromX: number, fromY: number, toY: number): [number, number][] {
  return [
    [fromX, fromY],
    [Math.min(column.trackX + 10, column.labelX - 12), fromY],
    [column.labelX - 9, toY],
    [column.labelX - 3, toY],
  ];
}

/** A label's box in the column: from its slot's top, as wide as its widest line. */
function slotBox(column: Column, at: Slot, w: number) {
  return { x0: column.labelX, x1: column.labelX + w, y0: at.top + 0.5, y1: at.top + at.height - 0.5 };
}

/** Each event's mark on the track, and (unless its cluster speaks for it) its leader and label. */
function eventMarks(geometry: readonly PlacedEvent[], clusterKeys: ReadonlyMap<string, string>, column: Column): EventMark[] {
  const { trackX, labelX, widthOf, withDates, dateFont, dateHeight } = column;
  return geometry.map((g) => {
    const bar = g.shape === 'bar' ? { x0: trackX - g.r + 1, x1: trackX + g.r - 1, y0: g.p0, y1: g.p1 } : null;
    const cluster = clusterKeys.get(g.row.id) ?? null;
    if (cluster) return { ...axisFields(g), cx: trackX, cy: g.p0, bar, leader: [], label: silentLabel(trackX, g.p0, column.fontSize), cluster };
    const bold = g.emphasis === 'emphasis';
    const font = fontOf(g.emphasis);
    const { text, abbreviated } = fit(column, g.row.label, g.row.short, bold, font);
    const at = column.slots.get(g.row.id)!;
    const dated = withDates && g.emphasis !== 'muted';
    const w = Math.max(widthOf(text, bold, font), dated ? widthOf(g.date, false, dateFont) : 0);
    return {
      ...axisFields(g),
      cx: trackX,
      cy: g.p0,
      bar,
      leader: elbow(column, trackX + g.r + 2, g.p0, at.line),
      label: {
        text,
        full: g.row.label,
        abbreviated,
        x: labelX,
        y: at.line,
        anchor: 'start',
        bold,
        fontSize: font,
        box: slotBox(column, at, w),
        date: dated ? { text: g.date, y: at.top + dateHeight / 2, fontSize: dateFont } : null,
      },
      cluster: null,
    };
  });
}

/** A cluster: a bracket beside its members' marks, and a leader from its middle to its label in the column. */
function clusterMarks(clusters: readonly Cluster[], column: Column): ClusterMark[] {
  const { trackX, labelX, widthOf, withDates, fontSize, dateFont, dateHeight } = column;
  const bandX = trackX + 9;
  return clusters.map((c) => {
    const at = column.slots.get(c.key)!;
    const { full, short, date } = clusterWords(c);
    const { text, abbreviated } = fit(column, full, short, false, fontSize);
    const w = Math.max(widthOf(text, false, fontSize), withDates ? widthOf(date, false, dateFont) : 0);
    const mid = (c.p0 + c.p1) / 2;
    return {
      ...clusterIdentity(c),
      path: `M${bandX - 4},${c.p0 - 4}H${bandX}V${c.p1 + 4}H${bandX - 4}`,
      leader: elbow(column, bandX, mid, at.line),
      label: {
        text,
        full,
        abbreviated,
        x: labelX,
        y: at.line,
        anchor: 'start',
        bold: false,
        fontSize,
        box: slotBox(column, at, w),
        date: withDates ? { text: date, y: at.top + dateHeight / 2, fontSize: dateFont } : null,
      },
    };
  });
}

/** The interval: a bracket beside the axis, and the span's words in the column. */
function intervalMark(span: IntervalSpan, clipped: NonNullable<ReturnType<typeof clipSpan>>, column: Column): IntervalMark {
  const { labelX, bracketX, widthOf, fontSize } = column;
  const at = column.slots.get('#interval')!;
  const text = truncate(span.text, column.maxWidth, (t) => widthOf(t, true, fontSize));
  const w = widthOf(text, true, fontSize);
  const mid = (clipped.p0 + clipped.p1) / 2;
  return {
    span,
    ...clipped,
    path: `M${bracketX + 6},${clipped.p0}H${bracketX}V${clipped.p1}H${bracketX + 6}`,
    label: {
      text,
      full: span.text,
      abbreviated: text === span.text ? 'none' : 'ellipsis',
      x: labelX,
      y: at.line,
      anchor: 'start',
      bold: true,
      fontSize,
      box: slotBox(column, at, w),
      date: null,
    },
    leader: elbow(column, bracketX, mid, at.line),
  };
}
