/** The vertical timeline: time runs down the page; labels form one column, nudged apart in time order. */
import { chooseTicks, truncate } from './layout-axis.ts';
import { clusterIdentity, clusterOf, clusterWords, findClusters, labelled, silentLabel } from './layout-clusters.ts';
import { dodge } from './layout-labels.ts';
import { type ClusterMark, type Emphasis, type EventMark, type Input, type IntervalMark, type TimelineMarks, axisFields, clipSpan, legendRow, placeEvents, scaler } from './layout-marks.ts';

export function layoutVertical(input: Input): TimelineMarks {
  const { size, domain, widthOf, span } = input;
  const { width, height } = size;
  const fontSize = 12;
  const dateFont = 10;
  const tickFont = 11;
  // The key to bars and dots takes the bottom line, under the axis (lasting events in the window may draw bars).
  const keyed = input.rows.some((row) => row.end !== null);
  const bottom = height - 12 - (keyed ? 18 : 0);
  let top = 14;
  let range: [number, number] = [top, bottom];
  let ticked = chooseTicks(domain, range, { widthOf, fontSize: tickFont, horizontal: false });
  const noteText = ticked.unit === 'hour' ? 'Moscow time (UTC+3)' : null;
  if (noteText) {
    // Room at the top for the note; the ticks are chosen again for the shorter axis.
    top = 34;
    range = [top, bottom];
    ticked = chooseTicks(domain, range, { widthOf, fontSize: tickFont, horizontal: false });
  }
  const { unit, step, ticks } = ticked;
  const scale = scaler(domain, range);
  const tickWidth = Math.max(0, ...ticks.map((t) => widthOf(t.label, false, tickFont)));
  const axisX = Math.ceil(4 + tickWidth + 9);
  const bracketX = axisX + 9;
  const trackX = axisX + 22;
  const labelX = trackX + 24;
  const maxWidth = Math.max(12, width - 4 - labelX);
  const dateHeight = Math.round(dateFont * 1.3);

  const geometry = placeEvents(input, domain, scale);
  const clipped = span ? clipSpan(span, domain, scale) : null;
  const clusters = findClusters(geometry, domain);
  const clusterKeys = clusterOf(clusters);
  const words = new Map(clusters.map((c) => [c.key, clusterWords(c)]));

  // Muted labels a size smaller: a crowd of them then pushes the emphasized ones less far from their marks.
  const fontOf = (emphasis: Emphasis) => (emphasis === 'muted' ? fontSize - 1 : fontSize);
  const lineOf = (font: number) => Math.round(font * 1.4);
  interface Entry {
    readonly key: string;
    /** Where the entry's label line should be. */
    readonly target: number;
    readonly time: number;
    readonly dated: boolean;
    readonly font: number;
  }
  // On a narrow column, muted events (context) go without a date line, to leave room for the others'.
  const entries: Entry[] = labelled(geometry, clusters).map((l) =>
    l.kind === 'event'
      ? { key: l.g.row.id, target: l.g.p0, time: l.g.start, dated: l.g.emphasis !== 'muted', font: fontOf(l.g.emphasis) }
      : { key: l.c.key, target: (l.c.p0 + l.c.p1) / 2, time: l.c.start, dated: true, font: fontSize },
  );
  if (span && clipped) {
    entries.push({ key: '#interval', target: (clipped.p0 + clipped.p1) / 2, time: (span.start + span.end) / 2, dated: false, font: fontSize });
  }
  entries.sort((a, b) => a.target - b.target || a.time - b.time);

  // Two lines per event where the column has room for them all, one line otherwise.
  const lo = top - 8;
  const hi = bottom + 8;
  const heightsFor = (withDates: boolean) => entries.map((e) => lineOf(e.font) + (withDates && e.dated ? dateHeight : 0));
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  const arrange = (withDates: boolean) => {
    const heights = heightsFor(withDates);
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
  const { withDates, overflow } = chosen;
  const placedAt = new Map(entries.map((e, i) => [e.key, { top: chosen.tops[i]!, height: chosen.heights[i]!, line: chosen.lines[i]! }]));

  const fit = (full: string, short: string, bold: boolean, font: number) => {
    const w = (t: string) => widthOf(t, bold, font);
    if (w(full) <= maxWidth) return { text: full, abbreviated: 'none' as const };
    if (w(short) <= maxWidth) return { text: short, abbreviated: 'short' as const };
    return { text: truncate(short, maxWidth, w), abbreviated: 'ellipsis' as const };
  };

  const elbow = (fromX: number, fromY: number, toY: number): [number, number][] => [
    [fromX, fromY],
    [Math.min(trackX + 10, labelX - 12), fromY],
    [labelX - 9, toY],
    [labelX - 3, toY],
  ];

  const events: EventMark[] = geometry.map((g) => {
    const cluster = clusterKeys.get(g.row.id) ?? null;
    if (cluster) {
      const bar = g.shape === 'bar' ? { x0: trackX - g.r + 1, x1: trackX + g.r - 1, y0: g.p0, y1: g.p1 } : null;
      return { ...axisFields(g), cx: trackX, cy: g.p0, bar, leader: [], label: silentLabel(trackX, g.p0, fontSize), cluster };
    }
    const bold = g.emphasis === 'emphasis';
    const font = fontOf(g.emphasis);
    const { text, abbreviated } = fit(g.row.label, g.row.short, bold, font);
    const at = placedAt.get(g.row.id)!;
    const w = Math.max(widthOf(text, bold, font), withDates && g.emphasis !== 'muted' ? widthOf(g.date, false, dateFont) : 0);
    return {
      ...axisFields(g),
      cx: trackX,
      cy: g.p0,
      bar: g.shape === 'bar' ? { x0: trackX - g.r + 1, x1: trackX + g.r - 1, y0: g.p0, y1: g.p1 } : null,
      leader: elbow(trackX + g.r + 2, g.p0, at.line),
      label: {
        text,
        full: g.row.label,
        abbreviated,
        x: labelX,
        y: at.line,
        anchor: 'start',
        bold,
        fontSize: font,
        box: { x0: labelX, x1: labelX + w, y0: at.top + 0.5, y1: at.top + at.height - 0.5 },
        date: withDates && g.emphasis !== 'muted' ? { text: g.date, y: at.top + dateHeight / 2, fontSize: dateFont } : null,
      },
      cluster: null,
    };
  });

  // A cluster: a bracket beside its members' marks, and a leader from its middle to its label in the column.
  const bandX = trackX + 9;
  const clusterMarks: ClusterMark[] = clusters.map((c) => {
    const at = placedAt.get(c.key)!;
    const { full, short, date } = words.get(c.key)!;
    const { text, abbreviated } = fit(full, short, false, fontSize);
    const w = Math.max(widthOf(text, false, fontSize), withDates ? widthOf(date, false, dateFont) : 0);
    const mid = (c.p0 + c.p1) / 2;
    return {
      ...clusterIdentity(c),
      path: `M${bandX - 4},${c.p0 - 4}H${bandX}V${c.p1 + 4}H${bandX - 4}`,
      leader: elbow(bandX, mid, at.line),
      label: {
        text,
        full,
        abbreviated,
        x: labelX,
        y: at.line,
        anchor: 'start',
        bold: false,
        fontSize,
        box: { x0: labelX, x1: labelX + w, y0: at.top + 0.5, y1: at.top + at.height - 0.5 },
        date: withDates ? { text: date, y: at.top + dateHeight / 2, fontSize: dateFont } : null,
      },
    };
  });

  let interval: IntervalMark | null = null;
  if (span && clipped) {
    const at = placedAt.get('#interval')!;
    const text = truncate(span.text, maxWidth, (t) => widthOf(t, true, fontSize));
    const w = widthOf(text, true, fontSize);
    const mid = (clipped.p0 + clipped.p1) / 2;
    interval = {
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
        box: { x0: labelX, x1: labelX + w, y0: at.top + 0.5, y1: at.top + at.height - 0.5 },
        date: null,
      },
      leader: [
        [bracketX, mid],
        [Math.min(trackX + 10, labelX - 12), mid],
        [labelX - 9, at.line],
        [labelX - 3, at.line],
      ],
    };
  }

  return {
    orientation: 'vertical',
    width,
    height,
    domain,
    range,
    track: trackX,
    fontSize,
    axis: {
      unit,
      step,
      ticks,
      offset: axisX,
      box: { x0: 0, x1: axisX, y0: 0, y1: height },
      fontSize: tickFont,
      note: noteText ? { text: noteText, x: 4, y: 14, anchor: 'start' } : null,
    },
    events,
    clusters: clusterMarks,
    interval,
    legend: keyed && geometry.some((g) => g.shape === 'bar') ? legendRow(4, height - 9, tickFont, widthOf) : [],
    overflow,
  };
}
