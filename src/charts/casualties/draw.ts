/**
 * Draws the casualties chart's marks into an svg with D3: keyed joins, so a mark that stays moves and one that goes
 * fades out. Used by the element and by the build's drawings (src/drawings).
 */
import { select, type BaseType, type Selection } from 'd3';
import { animate, fadeOut, stop, stopTransitions, translateTo, type Value } from '../shared/transition.ts';
import type { DrawOptions } from '../shared/types.ts';
import { writeAll } from '../shared/write.ts';
import { drawAxis, type AxisSpec } from '../shared/axis.ts';
import { runToEnd } from '../shared/background.ts';
import type { AxisMark, CasualtyMarks, CircleMark, LineMark, PathMark, RectMark, TextMark } from './layout.ts';

type Layer = Selection<SVGGElement, unknown, null, undefined>;
type AnySelection<E extends BaseType, D> = Selection<E, D, SVGGElement, unknown>;

const LAYERS = ['grid', 'rects', 'paths', 'circles', 'axes', 'texts'] as const;

function layer(svg: SVGSVGElement, name: (typeof LAYERS)[number]): Layer {
  const root = select(svg);
  if (root.select('g.layer').empty()) for (const each of LAYERS) root.append('g').attr('class', `layer layer-${each}`);
  return root.select<SVGGElement>(`g.layer-${name}`);
}

/** Sets attributes now (duration 0) or over a transition, staggered by `delay`. */
function apply<E extends BaseType, D>(selection: AnySelection<E, D>, duration: number, attr: Record<string, Value<D>>, delay?: (d: D, i: number) => number): void {
  animate(selection, duration, { attr, delay });
}

function leave<E extends BaseType, D>(exit: AnySelection<E, D>, duration: number): void {
  fadeOut(exit.classed('exiting', true), duration * 0.4);
}

/** Draws `marks` into `svg`, moving what it drew before to the new places over `options.duration` ms. */
export function draw(svg: SVGSVGElement, marks: CasualtyMarks, options: DrawOptions): void {
  runToEnd(drawInSteps(svg, marks, options));
}

/**
 * `draw` a layer or two at a time: each `yield` is a place the drawing may pause (a chart drawn while hidden gives
 * the page a turn between layers, so that no task of it is long on a phone).
 */
export function* drawInSteps(svg: SVGSVGElement, marks: CasualtyMarks, options: DrawOptions): Generator<void, void> {
  const { duration } = options;
  const root = select(svg);
  // A state that arrives mid-animation wins: finish leaving marks now and take the rest from where they are.
  stop(root.selectAll('.exiting')).remove();
  stopTransitions(root);
  writeAll(root, { 'data-view': marks.view });
  drawLines(layer(svg, 'grid'), marks.lines, duration);
  drawRects(layer(svg, 'rects'), marks.rects, duration);
  drawPaths(layer(svg, 'paths'), marks.paths, duration);
  yield;
  drawCircles(layer(svg, 'circles'), marks.circles, duration);
  yield;
  drawAxes(layer(svg, 'axes'), marks.axes, duration);
  drawTexts(layer(svg, 'texts'), marks.texts, duration);
}

function drawCircles(g: Layer, data: readonly CircleMark[], duration: number): void {
  const joined = g
    .selectAll<SVGCircleElement, CircleMark>('circle')
    .data(data, (d) => d.key)
    .join(
      (enter) => enter.append('circle').attr('cx', (d) => d.cx).attr('cy', (d) => d.cy).attr('r', 0).attr('opacity', (d) => d.opacity),
      (update) => update,
      (exit) => leave(exit, duration),
    );
  writeAll(joined, { class: (d) => d.cls });
  // Marks fill in reading order, over the first half of the transition.
  apply(joined, duration, { cx: (d) => d.cx, cy: (d) => d.cy, r: (d) => d.r, opacity: (d) => d.opacity }, (d) => d.order * duration * 0.5);
}

function drawRects(g: Layer, data: readonly RectMark[], duration: number): void {
  const joined = g
    .selectAll<SVGRectElement, RectMark>('rect')
    .data(data, (d) => d.key)
    .join(
      // Bars grow from their baseline.
      (enter) => enter.append('rect').attr('x', (d) => d.x).attr('y', (d) => d.y).attr('height', (d) => d.height).attr('width', 0).attr('opacity', 1),
      (update) => update,
      (exit) => leave(exit, duration),
    );
  writeAll(joined, { class: (d) => d.cls });
  apply(
    joined,
    duration,
    { x: (d) => d.x, y: (d) => d.y, width: (d) => d.width, height: (d) => d.height, opacity: () => 1 },
    (d) => d.order * duration * 0.4,
  );
}

function drawPaths(g: Layer, data: readonly PathMark[], duration: number): void {
  const joined = g
    .selectAll<SVGPathElement, PathMark>('path')
    .data(data, (d) => d.key)
    .join(
      (enter) => enter.append('path').attr('d', (d) => d.d).attr('opacity', 0),
      (update) => update,
      (exit) => leave(exit, duration),
    );
  writeAll(joined, { class: (d) => d.cls }, { 'stroke-dasharray': null, 'stroke-dashoffset': null });
  apply(joined, duration, { d: (d) => d.d, opacity: () => 1 });
  if (duration <= 0) return;
  // Step lines draw themselves from left to right as they come in.
  joined
    .filter(function () {
      return this.getAttribute('opacity') === '0' && this.classList.contains('step-line');
    })
    .each(function () {
      const length = this.getTotalLength();
      select(this)
        .attr('opacity', 1)
        .style('stroke-dasharray', `${length} ${length}`)
        .style('stroke-dashoffset', `${length}`)
        .transition()
        .duration(duration)
        .style('stroke-dashoffset', '0')
        .on('end interrupt', function () {
          select(this).style('stroke-dasharray', null).style('stroke-dashoffset', null);
        });
    });
}

function drawLines(g: Layer, data: readonly LineMark[], duration: number): void {
  const joined = g
    .selectAll<SVGLineElement, LineMark>('line')
    .data(data, (d) => d.key)
    .join(
      (enter) =>
        enter.append('line').attr('x1', (d) => d.x1).attr('x2', (d) => d.x2).attr('y1', (d) => d.y1).attr('y2', (d) => d.y2).attr('opacity', 0),
      (update) => update,
      (exit) => leave(exit, duration),
    );
  writeAll(joined, { class: (d) => d.cls });
  apply(joined, duration, { x1: (d) => d.x1, x2: (d) => d.x2, y1: (d) => d.y1, y2: (d) => d.y2, opacity: () => 1 });
}

/**
 * Each label's text sits at the origin of a group of its own, and the group is what moves (translateTo, in
 * ../shared/transition.ts, says why: a moving text is laid out again every frame, a moving group is not).
 */
function drawTexts(g: Layer, data: readonly TextMark[], duration: number): void {
  const joined = g
    .selectAll<SVGGElement, TextMark>('g.text-at')
    .data(data, (d) => d.key)
    .join(
      (enter) => {
        const at = enter.append('g').attr('class', 'text-at').attr('transform', (d) => `translate(${d.x},${d.y})`).attr('opacity', 0);
        at.append('text');
        return at;
      },
      (update) => update,
      (exit) => leave(exit, duration),
    );
  writeAll(joined.select<SVGTextElement>('text'), { class: (d) => d.cls, 'text-anchor': (d) => d.anchor }, { 'font-size': (d) => `${d.size}px`, 'font-weight': (d) => String(d.weight) })
    .each(function (d) {
      // Text and suffix as child nodes, so the suffix can take its own colour.
      const text = select(this);
      const current = this.getAttribute('data-text');
      const wanted = `${d.text}\u0000${d.suffix ?? ''}`;
      if (current === wanted) return;
      this.setAttribute('data-text', wanted);
      text.text(d.text);
      if (d.suffix) text.append('tspan').attr('class', 'suffix muted').text(d.suffix);
    });
  translateTo(joined, duration, (d) => [d.x, d.y], { attr: { opacity: 1 } });
}

function drawAxes(g: Layer, data: readonly AxisMark[], duration: number): void {
  const joined = g
    .selectAll<SVGGElement, AxisMark>('g.axis')
    .data(data, (d) => d.key)
    .join(
      (enter) => enter.append('g').attr('opacity', 0).attr('transform', (d) => `translate(${d.x},${d.y})`),
      (update) => update,
      (exit) => leave(exit, duration),
    );
  writeAll(joined, { class: (d) => d.cls });
  joined.each(function (d) {
    const group = select(this);
    const entering = this.getAttribute('opacity') === '0';
    const labels = new Map<number, string>(d.ticks.map((t) => [+t.value, t.label]));
    const spec: AxisSpec<Date | number> = {
      // Time along the bottom, without end ticks at the domain's ends; counts up the left.
      orient: d.orient,
      scale: d.scale,
      values: d.ticks.map((t) => t.value),
      format: (value) => labels.get(+value) ?? '',
      tickSizeInner: d.tickSize,
      tickSizeOuter: d.kind === 'time' ? 0 : d.tickSize,
      tickPadding: d.tickPadding,
    };
    drawAxis(group, spec, entering ? 0 : duration);
  });
  apply(joined, duration, { transform: (d) => `translate(${d.x},${d.y})`, opacity: () => 1 });
}
