/** The horizontal timeline: time runs left to right; labels stack in lanes above the track, each beside the top of its leader. */
import { chooseTicks } from './layout-axis.ts';
import { CLUSTER_WINDOW, type Cluster, clusterIdentity, clusterOf, clusterWords, findClusters, labelled, silentLabel } from './layout-clusters.ts';
import { type LaneItem, type LanePlaced, cost, inDateOrder, placeInLanes } from './layout-labels.ts';
import type { IntervalSpan } from './layout-dates.ts';
import { type ClusterMark, type EventMark, type Input, type IntervalMark, MAX_LONG_ROWS, PRIORITY, type PlacedEvent, type TimelineMarks, axisFields, clipSpan, labelTops, legendRow, placeEvents, scaler } from './layout-marks.ts';

/** What the horizontal passes share: the fonts, the track, and where each label's lane put it. */
interface Lanes {
  readonly widthOf: Input['widthOf'];
  readonly fontSize: number;
  readonly dateFont: number;
  readonly dateHeight: number;
  readonly labelHeight: number;
  readonly trackY: number;
  readonly laneFloor: number;
  /** Height of a lane, and of a label block in it. */
  readonly pitch: number;
  readonly block: number;
  readonly withDates: boolean;
  readonly byId: ReadonlyMap<string, LanePlaced>;
}

/**
 * The horizontal layout, a piece at a time: each `yield` is a place it may pause, between the wordings the labels'
 * lanes try (chooseLanes), which are most of its cost on a long axis (27 ms in all at 1440 px, in a profiled read
 * at 4x CPU: too long for one task between two frames of a scroll).
 */
export function* layoutHorizontalInSteps(input: Input): Generator<void, TimelineMarks> {
  const { size, domain, widthOf, span } = input;
  const { width, height } = size;
  const fontSize = width >= 1000 ? 13 : 12;
  const dateFont = fontSize - 2;
  const tickFont = fontSize - 1;
  const side = 28;
  const range: [number, number] = [side, width - side];
  const scale = scaler(domain, range);
  const { unit, step, ticks } = chooseTicks(domain, range, { widthOf, fontSize: tickFont, horizontal: true });
  const note = unit === 'hour' ? 'Moscow time (UTC+3)' : null;
  const axisY = height - (note ? 40 : 22);
  const trackY = axisY - 38;
  const laneFloor = trackY - 16;
  const geometry = placeEvents(input, domain, scale);
  // The key to bars and dots takes the top line, above the labels' rows.
  const legendY = 9;
  const keyed = geometry.some((g) => g.shape === 'bar');
  const available = laneFloor - 6 - (keyed ? legendY + 9 : 0);
  const clusters = findClusters(geometry, domain);
  const dateHeight = Math.round(dateFont * 1.3);
  const labelHeight = Math.round(fontSize * 1.35);
  yield;
  const chosen = yield* chooseLanes({ geometry, clusters, long: domain[1] - domain[0] > CLUSTER_WINDOW, available, width, widthOf, fontSize, dateFont, dateHeight, labelHeight });
  // Few lanes in a tall box: taller flags fill it, up to two and a half times their height, rather than leave
  // it empty.
  const used = Math.max(1, ...chosen.placed.map((p) => p.lane + 1));
  const lanes: Lanes = {
    widthOf, fontSize, dateFont, dateHeight, labelHeight, trackY, laneFloor,
    pitch: Math.max(chosen.pitch, Math.min(chosen.pitch * 2.5, (available + 3) / used)),
    block: chosen.block, withDates: chosen.withDates, byId: new Map(chosen.placed.map((p) => [p.item.id, p])),
  };
  const events = eventMarks(geometry, clusterOf(clusters), lanes);
  const clusterMarks = clusters.map((c) => clusterMark(c, lanes));
  const clipped = span ? clipSpan(span, domain, scale) : null;

  return {
    orientation: 'horizontal',
    width,
    height,
    domain,
    range,
    track: trackY,
    fontSize,
    axis: {
      unit,
      step,
      ticks,
      offset: axisY,
      box: { x0: 0, x1: width, y0: axisY, y1: height },
      fontSize: tickFont,
      note: note ? { text: note, x: width - 4, y: height - 7, anchor: 'end' } : null,
    },
    events,
    clusters: clusterMarks,
    interval: span && clipped ? intervalMark(span, clipped, { widthOf, tickFont, width, trackY, axisY }) : null,
    // Just over the highest label, where the eye starts reading (the line is kept free for it).
    legend: keyed ? legendRow(4, Math.max(legendY, Math.min(...labelTops(events, clusterMarks)) - 16), tickFont, widthOf) : [],
    overflow: chosen.overflow,
  };
}

const clusterLine = (c: Cluster) => (c.p0 + c.p1) / 2;

interface LaneInput {
  readonly geometry: readonly PlacedEvent[];
  readonly clusters: readonly Cluster[];
  /** On a long axis, a run of events months apart is labelled as one cluster, and labels read in date order. */
  readonly long: boolean;
  readonly available: number;
  readonly width: number;
  readonly widthOf: Input['widthOf'];
  readonly fontSize: number;
  readonly dateFont: number;
  readonly dateHeight: number;
  readonly labelHeight: number;
}

/** The labels in lanes, one way of wording them: with date lines or not, the context in full or short words. */
function attempt(input: LaneInput, withDates: boolean, context: 'full' | 'short' | 'all short' = 'full') {
  const { geometry, clusters, long, widthOf, dateFont } = input;
  const block = input.labelHeight + (withDates ? input.dateHeight : 0);
  const pitch = block + 3;
  // A long axis stacks its labels five rows deep at most: short labels take the place of a sixth row.
  const maxLane = Math.min(long ? MAX_LONG_ROWS - 1 : Infinity, Math.max(0, Math.floor((input.available + 3) / pitch) - 1));
  const items: LaneItem[] = labelled(geometry, clusters).map((l) => {
    if (l.kind === 'event') {
      return {
        id: l.g.row.id,
        line: l.g.p0,
        priority: PRIORITY[l.g.emphasis],
        time: l.g.start,
        // The context (events not emphasized) in their short words: a long axis has room for fewer.
        full: context === 'all short' || (context === 'short' && l.g.emphasis !== 'emphasis') ? l.g.row.short : l.g.row.label,
        short: l.g.row.short,
        bold: l.g.emphasis === 'emphasis',
        minWidth: withDates ? widthOf(l.g.date, false, dateFont) : 0,
      };
    }
    const words = clusterWords(l.c);
    return {
      id: l.c.key,
      line: clusterLine(l.c),
      priority: PRIORITY.normal,
      time: l.c.start,
      full: context === 'full' ? words.full : words.short,
      short: words.short,
      bold: false,
      minWidth: withDates ? widthOf(words.date, false, dateFont) : 0,
    };
  });
  const result = placeInLanes(items, { left: 4, right: input.width - 4, maxLane, width: (text, bold) => widthOf(text, bold, input.fontSize), dateOrder: long });
  return { ...result, block, pitch, withDates };
}

/**
 * Two lines (date, then label) where the lanes allow; one line where two would force abbreviations. Each wording
 * tried is a step (`yield` after it).
 */
function* chooseLanes(input: LaneInput): Generator<void, ReturnType<typeof attempt>> {
  let chosen = attempt(input, true);
  yield;
  if (cost(chosen) > 0) {
    const plain = attempt(input, false);
    yield;
    if (cost(plain) <= cost(chosen)) chosen = plain;
  }
  // A long axis reads in date order: if the labels' stairs came out of order (the rows ran out and a label was
  // squeezed in where it fitted), the context takes its short words, and if that is not enough, every label.
  if (input.long && (cost(chosen) > 0 || !inDateOrder(chosen.placed))) {
    const wordings = [
      [true, 'short'],
      [false, 'short'],
      [true, 'all short'],
      [false, 'all short'],
    ] as const;
    for (const [withDates, context] of wordings) {
      const terse = attempt(input, withDates, context);
      yield;
      if (!terse.overflow && inDateOrder(terse.placed)) {
        chosen = terse;
        break;
      }
    }
  }
  return chosen;
}

/** Each event's mark on the track, and (unless its cluster speaks for it) its leader up to its label's lane. */
function eventMarks(geometry: readonly PlacedEvent[], clusterKeys: ReadonlyMap<string, string>, lanes: Lanes): EventMark[] {
  const { trackY, fontSize } = lanes;
  return geometry.map((g) => {
    const bar = g.shape === 'bar' ? { x0: g.p0, x1: g.p1, y0: trackY - g.r + 1, y1: trackY + g.r - 1 } : null;
    const cluster = clusterKeys.get(g.row.id) ?? null;
    if (cluster) return { ...axisFields(g), cx: g.p0, cy: trackY, bar, leader: [], label: silentLabel(g.p0, trackY, fontSize), cluster };
    const p = lanes.byId.get(g.row.id)!;
    const bottom = lanes.laneFloor - p.lane * lanes.pitch;
    const top = bottom - lanes.block;
    return {
      ...axisFields(g),
      cx: g.p0,
      cy: trackY,
      bar,
      leader: [
        [g.p0, trackY - g.r - 2],
        [g.p0, top + 2],
      ],
      label: {
        text: p.text,
        full: g.row.label,
        abbreviated: p.text !== g.row.label && p.abbreviated === 'none' ? 'short' : p.abbreviated,
        x: p.textX,
        y: bottom - lanes.labelHeight / 2,
        anchor: p.anchor,
        bold: p.item.bold,
        fontSize,
        box: { x0: p.lo, x1: p.hi, y0: top, y1: bottom },
        date: lanes.withDates ? { text: g.date, y: top + lanes.dateHeight / 2, fontSize: lanes.dateFont } : null,
      },
      cluster: null,
    };
  });
}

/** A cluster: a bracket over its members' marks, and a leader from its middle to its label. */
function clusterMark(c: Cluster, lanes: Lanes): ClusterMark {
  const bandY = lanes.trackY - 10;
  const p = lanes.byId.get(c.key)!;
  const bottom = lanes.laneFloor - p.lane * lanes.pitch;
  const top = bottom - lanes.block;
  const line = clusterLine(c);
  const words = clusterWords(c);
  return {
    ...clusterIdentity(c),
    path: `M${c.p0 - 4},${bandY + 4}V${bandY}H${c.p1 + 4}V${bandY + 4}`,
    leader: [
      [line, bandY],
      [line, top + 2],
    ],
    label: {
      text: p.text,
      full: words.full,
      abbreviated: p.text !== words.full && p.abbreviated === 'none' ? 'short' : p.abbreviated,
      x: p.textX,
      y: bottom - lanes.labelHeight / 2,
      anchor: p.anchor,
      bold: false,
      fontSize: lanes.fontSize,
      box: { x0: p.lo, x1: p.hi, y0: top, y1: bottom },
      date: lanes.withDates ? { text: words.date, y: top + lanes.dateHeight / 2, fontSize: lanes.dateFont } : null,
    },
  };
}

/** The interval: a bracket under the track between its two events, and the span's words under it. */
function intervalMark(
  span: IntervalSpan,
  clipped: NonNullable<ReturnType<typeof clipSpan>>,
  at: { widthOf: Input['widthOf']; tickFont: number; width: number; trackY: number; axisY: number },
): IntervalMark {
  const { tickFont } = at;
  const intervalY = at.axisY - 10;
  const bracketY = at.axisY - 24;
  const w = at.widthOf(span.text, true, tickFont);
  const mid = (clipped.p0 + clipped.p1) / 2;
  const x = Math.min(Math.max(mid, 4 + w / 2), at.width - 4 - w / 2);
  const up = at.trackY + 9;
  return {
    span,
    ...clipped,
    path: `M${clipped.p0},${up}V${bracketY}H${clipped.p1}V${up}`,
    label: {
      text: span.text,
      full: span.text,
      abbreviated: 'none',
      x,
      y: intervalY,
      anchor: 'start',
      bold: true,
      fontSize: tickFont,
      box: { x0: x - w / 2, x1: x + w / 2, y0: intervalY - tickFont * 0.6, y1: intervalY + tickFont * 0.6 },
      date: null,
    },
    leader: null,
  };
}
