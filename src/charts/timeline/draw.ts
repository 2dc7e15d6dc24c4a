/**
 * Draws the timeline's marks into an svg with D3: the axis zooms (../shared/axis.ts), events slide along it from where
 * the old window put them, clusters and the interval bracket fade in and out. Used by the element and by the
 * build's drawings (src/drawings).
 */
import { scaleUtc, select, type Selection } from 'd3';
import { animate, animateWithParts, fadeOut, stopTransitions, type Part } from '../shared/transition.ts';
import type { DrawOptions } from '../shared/types.ts';
import { runToEnd } from '../shared/background.ts';
import { round as roundTo } from '../shared/wording.ts';
import { drawLegendKeys, type LegendKey, type LegendShape } from '../shared/legend.ts';
import { writeAll, writeTexts } from '../shared/write.ts';
import { drawAxis } from '../shared/axis.ts';
import type { ClusterMark, EventMark, IntervalMark, LegendEntry, TimelineMarks } from './layout.ts';

export interface TimelineDrawOptions extends DrawOptions {
  /** The id of the clip path the marks are clipped to: unique on the page. */
  readonly clipId: string;
}

type Group = Selection<SVGGElement, unknown, null, undefined>;
type Point = readonly (readonly [number, number])[];

const points = (line: Point) => line.map(([x, y]) => `${round(x)},${round(y)}`).join(' ');
/** A tenth of a pixel is as close as the timeline draws. */
const round = (value: number) => roundTo(value, 1);

/** The marks each svg shows now: the next draw slides events from where these put them. */
const shown = new WeakMap<SVGSVGElement, TimelineMarks>();

/** Draws `marks` into `svg`, zooming from what it showed before over `options.duration` ms. */
export function draw(svgElement: SVGSVGElement, marks: TimelineMarks, options: TimelineDrawOptions): void {
  runToEnd(drawInSteps(svgElement, marks, options));
}

/**
 * `draw` one layer at a time: each `yield` is a place the drawing may pause (a chart drawn while hidden gives the
 * page a turn between layers, so that no task of it is long on a phone).
 */
export function* drawInSteps(svgElement: SVGSVGElement, marks: TimelineMarks, options: TimelineDrawOptions): Generator<void, void> {
  const svg = select(svgElement);
  const previous = shown.get(svgElement);
  const sameOrientation = previous?.orientation === marks.orientation;
  shown.set(svgElement, marks);
  const ms = options.duration > 0 && sameOrientation ? options.duration : 0;
  // A jump (animation off, a resize) ends any move still running, or its tweens would keep overwriting the
  // final positions set here.
  if (!ms) stopTransitions(svg);
  if (!sameOrientation) svg.selectAll('*').remove();
  const layer = <E extends SVGElement>(name: string, tag = 'g'): Selection<E, unknown, null, undefined> => {
    const found = svgElement.querySelector<E>(`:scope > .${name}`);
    if (found) return select(found);
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag) as E;
    node.setAttribute('class', name);
    svgElement.append(node);
    return select(node);
  };

  drawClip(layer<SVGDefsElement>('defs', 'defs'), marks, options.clipId);
  drawTimeAxis(layer<SVGGElement>('axis'), layer<SVGTextElement>('axis-note', 'text'), marks, ms);
  const [r0, r1] = marks.range;
  const track = layer<SVGLineElement>('track', 'line');
  if (marks.orientation === 'horizontal') writeAll(track, { x1: r0, x2: r1, y1: marks.track, y2: marks.track });
  else writeAll(track, { x1: marks.track, x2: marks.track, y1: r0, y2: r1 });
  yield;
  drawInterval(layer<SVGGElement>('interval'), marks, ms);
  drawClusters(layer<SVGGElement>('clusters'), marks, ms);
  drawLegend(layer<SVGGElement>('legend'), marks);
  yield;
  drawEvents(layer<SVGGElement>('events'), marks, sameOrientation ? previous : undefined, ms, options.clipId);
}

/** The clip keeps marks sliding in or out of the window from spilling past the axis ends. */
function drawClip(defs: Selection<SVGDefsElement, unknown, null, undefined>, marks: TimelineMarks, clipId: string): void {
  let clip = defs.select<SVGRectElement>('clipPath rect');
  if (clip.empty()) clip = defs.append('clipPath').attr('id', clipId).append('rect');
  const [r0, r1] = marks.range;
  const edge = 8;
  if (marks.orientation === 'horizontal') writeAll(clip, { x: r0 - edge, y: 0, width: r1 - r0 + 2 * edge, height: marks.height });
  else writeAll(clip, { x: 0, y: r0 - edge, width: marks.width, height: r1 - r0 + 2 * edge });
}

const scaleOf = (m: TimelineMarks) => scaleUtc().domain([m.domain[0], m.domain[1]]).range([m.range[0], m.range[1]]);

/** The axis slides surviving ticks and brings new ones in from where the old scale put them (../shared/axis.ts). */
function drawTimeAxis(axisLayer: Group, note: Selection<SVGTextElement, unknown, null, undefined>, marks: TimelineMarks, ms: number): void {
  const horizontal = marks.orientation === 'horizontal';
  const labels = new Map(marks.axis.ticks.map((t) => [t.t, t.label]));
  writeAll(axisLayer, { transform: horizontal ? `translate(0,${marks.axis.offset})` : `translate(${marks.axis.offset},0)` }, { 'font-size': `${marks.axis.fontSize}px` });
  drawAxis(
    axisLayer,
    {
      orient: horizontal ? 'bottom' : 'left',
      scale: scaleOf(marks),
      values: marks.axis.ticks.map((t) => new Date(t.t)),
      format: (d) => labels.get(+d) ?? '',
      tickSizeInner: 4,
      tickSizeOuter: 0,
      tickPadding: horizontal ? 5 : 6,
    },
    ms,
  );

  writeAll(note, { x: marks.axis.note?.x ?? 0, y: marks.axis.note?.y ?? 0, 'text-anchor': marks.axis.note?.anchor ?? 'start' }, { 'font-size': `${marks.axis.fontSize}px` });
  writeTexts(note, () => marks.axis.note?.text ?? '');
}

/** The key to bars and dots, drawn as the marks are: a bar's swatch is a rounded bar, a dot's a circle. */
function drawLegend(group: Group, marks: TimelineMarks): void {
  drawLegendKeys(group, marks.legend.map(legendKey), TIMELINE_KEYS);
}

const TIMELINE_KEYS: LegendShape = { selector: 'g.key', swatch: 'rect', enter: { swatch: { class: 'swatch' }, label: { 'dominant-baseline': 'central' } } };

function legendKey(d: LegendEntry): LegendKey {
  const width = round(d.swatch.x1 - d.swatch.x0);
  return {
    id: d.code,
    cls: `key key-${d.code}`,
    swatch: { x: round(d.swatch.x0), y: round(d.swatch.y0), width, height: round(d.swatch.y1 - d.swatch.y0), rx: d.code === 'bar' ? 1.5 : (d.swatch.x1 - d.swatch.x0) / 2 },
    label: { attrs: { x: round(d.x), y: round(d.y) }, style: { 'font-size': `${d.fontSize}px` }, text: d.text },
  };
}

/** Each event: its mark, leader, label and date line; events that enter or leave slide along the axis. */
function drawEvents(group: Group, marks: TimelineMarks, previous: TimelineMarks | undefined, ms: number, clipId: string): void {
  // Positions of a time under the old and the new scale, to slide entering and leaving events along the axis.
  const scale = scaleOf(marks);
  const oldScale = previous ? scaleOf(previous) : scale;
  const horizontal = marks.orientation === 'horizontal';
  const shift = (d: number) => (horizontal ? `translate(${round(d)},0)` : `translate(0,${round(d)})`);
  const join = group.selectAll<SVGGElement, EventMark>('g.event').data([...marks.events], (d) => d.id);

  // An event leaving the window slides toward where the new window puts it as it fades.
  fadeOut(join.exit<EventMark>(), ms, { by: 'style', parts: [{ attr: { transform: (d) => shift(scale(d.start) - oldScale(d.start)) } }] });

  const enter = join
    .enter()
    .append('g')
    .attr('data-id', (d) => d.id)
    .style('opacity', ms ? 0 : 1)
    .attr('transform', (d) => (ms ? shift(oldScale(d.start) - scale(d.start)) : null));
  enter.append('polyline').attr('class', 'leader');
  enter.append('rect').attr('class', 'mark');
  appendPlacedText(enter, 'date');
  appendPlacedText(enter, 'label');

  const all = enter.merge(join);
  writeAll(all, { class: (d) => `event ${d.emphasis} kind-${d.kind}`, 'data-emphasis': (d) => d.emphasis, 'data-shape': (d) => d.shape });
  writeAll(all.select('.mark'), { 'clip-path': `url(#${clipId})`, class: (d) => (d.shape === 'bar' ? 'mark bar' : 'mark') });
  writeLabels(all);
  // The full wording of an abbreviated label, as a tooltip on its event.
  writeTexts(
    all
      .selectAll('title')
      .data((d) => (d.label.abbreviated === 'none' ? [] : [d.label.full]))
      .join('title'),
    (d) => d,
  );

  animateWithParts(all, ms, { style: { opacity: 1 } }, [
    // An event coming in slides from where the old window put it (the shift it entered with) as it fades in.
    { attr: { transform: () => null } },
    {
      selector: '.mark',
      attr: {
        x: (d) => round(markBox(d).x0),
        y: (d) => round(markBox(d).y0),
        width: (d) => round(markBox(d).x1 - markBox(d).x0),
        height: (d) => round(markBox(d).y1 - markBox(d).y0),
        rx: (d) => (d.bar ? 2 : d.r),
      },
    },
    { selector: '.leader', attr: { points: (d) => points(d.leader) } },
    ...textParts<EventMark>(),
  ]);
}

/** Each mark's label and date line: their words, anchor and size (textParts moves them). */
function writeLabels<M extends EventMark | ClusterMark>(all: Selection<SVGGElement, M, SVGGElement, unknown>): void {
  const label = all.select<SVGTextElement>('.label');
  writeTexts(label, (d) => d.label.text);
  writeAll(label, { 'data-abbreviated': (d) => d.label.abbreviated, 'text-anchor': (d) => d.label.anchor }, { 'font-size': (d) => `${d.label.fontSize}px` });
  const date = all.select<SVGTextElement>('.date');
  writeTexts(date, (d) => d.label.date?.text ?? '');
  writeAll(date, { 'text-anchor': (d) => d.label.anchor }, { 'font-size': (d) => (d.label.date ? `${d.label.date.fontSize}px` : null) });
}

/**
 * A label's text sits at the origin of a group of its own, and the group is what moves (translateTo, in
 * ../shared/transition.ts, says why: a moving text is laid out again every frame, a moving group is not). Labels
 * move on most step changes of a timeline, as parts of their event or cluster (textParts).
 */
function appendPlacedText<M>(parent: Selection<SVGGElement, M, SVGGElement, unknown>, name: 'label' | 'date'): void {
  parent.append('g').attr('class', `${name}-at`).append('text').attr('class', name).attr('dominant-baseline', 'central');
}

/** A mark's label and date, moved to their places with it (see appendPlacedText). */
function textParts<M extends EventMark | ClusterMark>(): Part<M>[] {
  return [
    { selector: '.label-at', attr: { transform: (d) => `translate(${round(d.label.x)},${round(d.label.y)})` } },
    { selector: '.date-at', attr: { transform: (d) => `translate(${round(d.label.x)},${round(d.label.date?.y ?? d.label.y)})` } },
  ];
}

/** Each cluster: a bracket over its members' marks, a leader, its label and date line; its members as a tooltip. */
function drawClusters(group: Group, marks: TimelineMarks, ms: number): void {
  const join = group.selectAll<SVGGElement, ClusterMark>('g.cluster').data([...marks.clusters], (d) => d.key);
  fadeOut(join.exit(), ms, { by: 'style' });
  const enter = join.enter().append('g').attr('class', 'cluster').style('opacity', ms ? 0 : 1);
  enter.append('path').attr('class', 'band');
  enter.append('polyline').attr('class', 'leader');
  appendPlacedText(enter, 'date');
  appendPlacedText(enter, 'label');
  enter.append('title');
  const all = enter.merge(join);
  writeAll(all, { 'data-key': (d) => d.key, 'data-ids': (d) => d.ids.join(' ') });
  writeTexts(all.select('title'), (d) => d.names.join('; '));
  writeLabels(all);
  animateWithParts(all, ms, { style: { opacity: 1 } }, [
    { selector: '.band', attr: { d: (d) => d.path } },
    { selector: '.leader', attr: { points: (d) => points(d.leader) } },
    ...textParts<ClusterMark>(),
  ]);
}

/** The bracket between two events, its leader and the span's words. */
function drawInterval(group: Group, marks: TimelineMarks, ms: number): void {
  const interval = marks.interval;
  writeAll(group, { 'data-span': interval ? interval.span.text : null, 'data-days': interval ? interval.span.days : null });
  const data = interval ? [interval] : [];

  const bracket = group.selectAll<SVGPathElement, IntervalMark>('path.bracket').data(data);
  fadeOut(bracket.exit(), ms, { by: 'style' });
  const brackets = bracket.enter().append('path').attr('class', 'bracket').style('opacity', 0).merge(bracket);
  animate(brackets, ms, { style: { opacity: 1 }, attr: { d: (d) => d.path } });

  const leader = group.selectAll<SVGPolylineElement, IntervalMark>('polyline.bracket-leader').data(data.filter((d) => d.leader));
  fadeOut(leader.exit(), ms, { by: 'style' });
  const leaders = leader.enter().append('polyline').attr('class', 'bracket-leader').style('opacity', 0).merge(leader);
  animate(leaders, ms, { style: { opacity: 1 }, attr: { points: (d) => points(d.leader ?? []) } });

  const text = group.selectAll<SVGTextElement, IntervalMark>('text.label').data(data);
  fadeOut(text.exit(), ms, { by: 'style' });
  const texts = text.enter().append('text').attr('class', 'label').attr('dominant-baseline', 'central').style('opacity', 0).merge(text);
  writeTexts(texts, (d) => d.label.text);
  writeAll(texts, { 'text-anchor': marks.orientation === 'horizontal' ? 'middle' : 'start' }, { 'font-size': (d) => `${d.label.fontSize}px` });
  animate(texts, ms, { style: { opacity: 1 }, attr: { x: (d) => round(d.label.x), y: (d) => round(d.label.y) } });
}

/**
 * The box of a mark: a bar, or a point as a square that its corner radius turns into a circle. One rect either
 * way, so a bar that shrinks below a mark's size in a wider window turns into a dot smoothly.
 */
function markBox(d: EventMark): { x0: number; y0: number; x1: number; y1: number } {
  if (d.bar) return { ...d.bar, x1: Math.max(d.bar.x1, d.bar.x0 + 1), y1: Math.max(d.bar.y1, d.bar.y0 + 1) };
  return { x0: d.cx - d.r, y0: d.cy - d.r, x1: d.cx + d.r, y1: d.cy + d.r };
}
