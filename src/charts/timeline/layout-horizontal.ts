/** The horizontal timeline: time runs left to right; labels stack in lanes above the track, each beside the top of its leader. */
import { chooseTicks } from './layout-axis.ts';
import { CLUSTER_WINDOW, type Cluster, clusterIdentity, clusterOf, clusterWords, findClusters, labelled, silentLabel } from './layout-clusters.ts';
import { type LaneItem, cost, inDateOrder, placeInLanes } from './layout-labels.ts';
import { type ClusterMark, type EventMark, type Input, type IntervalMark, MAX_LONG_ROWS, PRIORITY, type TimelineMarks, axisFields, clipSpan, labelTops, legendRow, placeEvents, scaler } from './layout-marks.ts';

export function layoutHorizontal(input: Input): TimelineMarks {
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
  const intervalY = axisY - 10;
  const bracketY = axisY - 24;
  const trackY = axisY - 38;
  const laneFloor = trackY - 16;
  const geometry = placeEvents(input, domain, scale);
  // The key to bars and dots takes the top line, above the labels' rows.
  const legendY = 9;
  const keyed = geometry.some((g) => g.shape === 'bar');
  const available = laneFloor - 6 - (keyed ? legendY + 9 : 0);

  // On a long axis, a run of events months apart is labelled as one cluster.
  const long = domain[1] - domain[0] > CLUSTER_WINDOW;
  const clusters = findClusters(geometry, domain);
  const clusterKeys = clusterOf(clusters);
  const words = new Map(clusters.map((c) => [c.key, clusterWords(c)]));
  const clusterLine = (c: Cluster) => (c.p0 + c.p1) / 2;

  // Two lines (date, then label) where the lanes allow; one line where two would force abbreviations.
  const dateHeight = Math.round(dateFont * 1.3);
  const labelHeight = Math.round(fontSize * 1.35);
  const attempt = (withDates: boolean, context: 'full' | 'short' | 'all short' = 'full') => {
    const block = labelHeight + (withDates ? dateHeight : 0);
    const pitch = block + 3;
    // A long axis stacks its labels five rows deep at most: short labels take the place of a sixth row.
    const maxLane = Math.min(long ? MAX_LONG_ROWS - 1 : Infinity, Math.max(0, Math.floor((available + 3) / pitch) - 1));
    const items: LaneItem[] = labelled(geometry, clusters).map((l) =>
      l.kind === 'event'
        ? {
            id: l.g.row.id,
            line: l.g.p0,
            priority: PRIORITY[l.g.emphasis],
            time: l.g.start,
            // The context (events not emphasized) in their short words: a long axis has room for fewer.
            full: context === 'all short' || (context === 'short' && l.g.emphasis !== 'emphasis') ? l.g.row.short : l.g.row.label,
            short: l.g.row.short,
            bold: l.g.emphasis === 'emphasis',
            minWidth: withDates ? widthOf(l.g.date, false, dateFont) : 0,
          }
        : {
            id: l.c.key,
            line: clusterLine(l.c),
            priority: PRIORITY.normal,
            time: l.c.start,
            full: context === 'full' ? words.get(l.c.key)!.full : words.get(l.c.key)!.short,
            short: words.get(l.c.key)!.short,
            bold: false,
            minWidth: withDates ? widthOf(words.get(l.c.key)!.date, false, dateFont) : 0,
          },
    );
    const result = placeInLanes(items, { left: 4, right: width - 4, maxLane, width: (text, bold) => widthOf(text, bold, fontSize), dateOrder: long });
    return { ...result, block, pitch, withDates };
  };
  let chosen = attempt(true);
  if (cost(chosen) > 0) {
    const plain = attempt(false);
    if (cost(plain) <= cost(chosen)) chosen = plain;
  }
  // A long axis reads in date order: if the labels' stairs came out of order (the rows ran out and a label was
  // squeezed in where it fitted), the context takes its short words, and if that is not enough, every label.
  if (long && (cost(chosen) > 0 || !inDateOrder(chosen.placed))) {
    const terse = [attempt(true, 'short'), attempt(false, 'short'), attempt(true, 'all short'), attempt(false, 'all short')].find(
      (a) => !a.overflow && inDateOrder(a.placed),
    );
    if (terse) chosen = terse;
  }
  // Few lanes in a tall box: taller flags fill it, up to two and a half times their height, rather than leave
  // it empty.
  const used = Math.max(1, ...chosen.placed.map((p) => p.lane + 1));
  const pitch = Math.max(chosen.pitch, Math.min(chosen.pitch * 2.5, (available + 3) / used));
  const byId = new Map(chosen.placed.map((p) => [p.item.id, p]));

  const events: EventMark[] = geometry.map((g) => {
    const cluster = clusterKeys.get(g.row.id) ?? null;
    if (cluster) {
      const bar = g.shape === 'bar' ? { x0: g.p0, x1: g.p1, y0: trackY - g.r + 1, y1: trackY + g.r - 1 } : null;
      return { ...axisFields(g), cx: g.p0, cy: trackY, bar, leader: [], label: silentLabel(g.p0, trackY, fontSize), cluster };
    }
    const p = byId.get(g.row.id)!;
    const bottom = laneFloor - p.lane * pitch;
    const top = bottom - chosen.block;
    const labelY = bottom - labelHeight / 2;
    return {
      ...axisFields(g),
      cx: g.p0,
      cy: trackY,
      bar: g.shape === 'bar' ? { x0: g.p0, x1: g.p1, y0: trackY - g.r + 1, y1: trackY + g.r - 1 } : null,
      leader: [
        [g.p0, trackY - g.r - 2],
        [g.p0, top + 2],
      ],
      label: {
        text: p.text,
        full: g.row.label,
        abbreviated: p.text !== g.row.label && p.abbreviated === 'none' ? 'short' : p.abbreviated,
        x: p.textX,
        y: labelY,
        anchor: p.anchor,
        bold: p.item.bold,
        fontSize,
        box: { x0: p.lo, x1: p.hi, y0: top, y1: bottom },
        date: chosen.withDates ? { text: g.date, y: top + dateHeight / 2, fontSize: dateFont } : null,
      },
      cluster: null,
    };
  });

  // A cluster: a bracket over its members' marks, and a leader from its middle to its label.
  const bandY = trackY - 10;
  const clusterMarks: ClusterMark[] = clusters.map((c) => {
    const p = byId.get(c.key)!;
    const bottom = laneFloor - p.lane * pitch;
    const top = bottom - chosen.block;
    const line = clusterLine(c);
    return {
      ...clusterIdentity(c),
      path: `M${c.p0 - 4},${bandY + 4}V${bandY}H${c.p1 + 4}V${bandY + 4}`,
      leader: [
        [line, bandY],
        [line, top + 2],
      ],
      label: {
        text: p.text,
        full: words.get(c.key)!.full,
        abbreviated: p.text !== words.get(c.key)!.full && p.abbreviated === 'none' ? 'short' : p.abbreviated,
        x: p.textX,
        y: bottom - labelHeight / 2,
        anchor: p.anchor,
        bold: false,
        fontSize,
        box: { x0: p.lo, x1: p.hi, y0: top, y1: bottom },
        date: chosen.withDates ? { text: words.get(c.key)!.date, y: top + dateHeight / 2, fontSize: dateFont } : null,
      },
    };
  });

  let interval: IntervalMark | null = null;
  const clipped = span ? clipSpan(span, domain, scale) : null;
  if (span && clipped) {
    const w = widthOf(span.text, true, tickFont);
    const mid = (clipped.p0 + clipped.p1) / 2;
    const x = Math.min(Math.max(mid, 4 + w / 2), width - 4 - w / 2);
    const up = trackY + 9;
    interval = {
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
    interval,
    // Just over the highest label, where the eye starts reading (the line is kept free for it).
    legend: keyed ? legendRow(4, Math.max(legendY, Math.min(...labelTops(events, clusterMarks)) - 16), tickFont, widthOf) : [],
    overflow: chosen.overflow,
  };
}
