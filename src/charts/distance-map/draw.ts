/**
 * Draws the map's marks into an svg with D3: the view pans and zooms (d3-interpolate's zoom path), places and
 * labels fade in and out, the geography fades in when it arrives after the places. Used by the element and by the
 * build's drawings (src/drawings).
 */
import { interpolateZoom, select, type BaseType, type Selection } from 'd3';
import { prefersReducedMotion } from '../shared/motion.ts';
import { animate, fadeOut, stop } from '../shared/transition.ts';
import type { DrawOptions } from '../shared/types.ts';
import { round as roundTo } from '../shared/wording.ts';
import type { LabelMark, MapMarks, View } from './layout.ts';

/** How long the countries take to fade in when they arrive after the places. */
const GEOGRAPHY_FADE_MS = 300;

type Root = Selection<SVGSVGElement, unknown, null, undefined>;

/** What an svg shows now: the geography drawn, the view, and the pan and zoom under way (where it goes, when it ends). */
interface Shown {
  geographyKey: string;
  view?: View;
  moving?: { target: View; end: number };
}
const shownBySvg = new WeakMap<SVGSVGElement, Shown>();

/** Draws `marks` into `svg`, panning and zooming from the view it showed over `options.duration` ms. */
export function draw(svg: SVGSVGElement, marks: MapMarks, options: DrawOptions): void {
  let duration = options.duration;
  const root = select(svg);
  let state = shownBySvg.get(svg);
  if (!state || !svg.querySelector('g.zoom')) {
    // A fresh svg (the first, or one back after a message replaced the plot) starts from nothing drawn.
    if (!svg.querySelector('g.zoom')) createLayers(root);
    state = { geographyKey: '' };
    shownBySvg.set(svg, state);
  }
  root.attr('data-geography', marks.geographyStatus);
  const from = state.view ?? marks.view;
  root.interrupt('view');

  drawGeography(root, marks, state);
  const places = drawPlaces(root, marks, duration);
  const texts = drawTexts(root, marks, duration);
  const measure = drawMeasure(root, marks, duration);
  drawScale(root, marks, duration);
  drawNotice(root, marks);
  drawInset(root, marks, duration);
  drawLegend(root, marks);

  const apply = (view: View) => {
    state.view = view;
    const position = (base: readonly [number, number]) => `translate(${round(base[0] * view.k + view.x)},${round(base[1] * view.k + view.y)})`;
    root.select('g.zoom').attr('transform', `translate(${round(view.x)},${round(view.y)}) scale(${view.k})`);
    places.attr('transform', (d) => position(d.base));
    texts.attr('transform', (d) => position(d.base));
    if (marks.measure) {
      const m = marks.measure;
      const line = `M${m.line.map((p) => `${round(p[0] * view.k + view.x)},${round(p[1] * view.k + view.y)}`).join('L')}`;
      measure.line.selectAll('path.measure-casing, path.measure-line').attr('d', line);
      measure.line.select('circle.from').attr('transform', position(m.from));
      measure.line.select('.to').attr('transform', position(m.to));
      measure.label.attr('transform', position(m.labelBase));
    }
  };

  const same = from.k === marks.view.k && from.x === marks.view.x && from.y === marks.view.y;
  // A redraw that only brings new shapes (the geography landing mid-move) continues the move it interrupts.
  const running = state.moving;
  if (duration === 0 && running && sameView(running.target, marks.view) && performance.now() < running.end) {
    duration = running.end - performance.now();
  } else if (duration === 0 || same) {
    state.moving = undefined;
    apply(marks.view);
    return;
  }
  state.moving = { target: marks.view, end: performance.now() + duration };
  const { width, height } = marks;
  const toZoom = (v: View): [number, number, number] => [(width / 2 - v.x) / v.k, (height / 2 - v.y) / v.k, width / v.k];
  const interpolate = interpolateZoom(toZoom(from), toZoom(marks.view));
  root
    .transition('view')
    .duration(duration)
    .tween('view', () => (t: number) => {
      // The last frame is the target itself, so a move ends exactly where a jump would.
      if (t >= 1) return apply(marks.view);
      const [cx, cy, w] = interpolate(t);
      const k = width / w;
      apply({ k, x: width / 2 - cx * k, y: height / 2 - cy * k });
    });
}

function createLayers(root: Root): void {
  root.append('rect').attr('class', 'sea').attr('width', '100%').attr('height', '100%');
  const zoom = root.append('g').attr('class', 'zoom');
  zoom.append('path').attr('class', 'graticule');
  zoom.append('g').attr('class', 'countries');
  zoom.append('path').attr('class', 'coast');
  zoom.append('path').attr('class', 'borders');
  zoom.append('path').attr('class', 'russia-border');
  zoom.append('path').attr('class', 'ukraine-outline');
  root.append('g').attr('class', 'texts');
  root.append('g').attr('class', 'measure');
  root.append('g').attr('class', 'places');
  root.append('g').attr('class', 'measure-top');
  root.append('g').attr('class', 'scale');
  root.append('g').attr('class', 'inset-layer');
  root.append('g').attr('class', 'legend');
  root.append('g').attr('class', 'notice');
}

function drawGeography(root: Root, marks: MapMarks, shown: Shown): void {
  const zoom = root.select('g.zoom');
  zoom.select('path.graticule').attr('d', marks.graticule || null);
  if (marks.geographyKey === shown.geographyKey) return;
  const fresh = shown.geographyKey === '' || shown.geographyKey === 'none';
  shown.geographyKey = marks.geographyKey;
  zoom
    .select('g.countries')
    .selectAll<SVGPathElement, MapMarks['countries'][number]>('path')
    .data(marks.countries, (d) => d.id)
    .join('path')
    .attr('class', (d) => `country ${d.role}`)
    .attr('d', (d) => d.d);
  zoom.select('path.coast').attr('d', marks.coast || null);
  zoom.select('path.borders').attr('d', marks.borders || null);
  zoom.select('path.russia-border').attr('d', marks.russiaBorder || null);
  zoom.select('path.ukraine-outline').attr('d', marks.ukraineOutline || null);
  // Shapes that arrive after the places fade in rather than pop, unless the reader asked for no motion.
  if (fresh && marks.countries.length && !prefersReducedMotion()) {
    zoom.selectAll('g.countries, path.coast, path.borders, path.russia-border, path.ukraine-outline')
      .attr('opacity', 0)
      .transition('fade')
      .duration(GEOGRAPHY_FADE_MS)
      .attr('opacity', 1);
  }
}

function drawPlaces(root: Root, marks: MapMarks, duration: number) {
  const places = root
    .select('g.places')
    .selectAll<SVGGElement, MapMarks['places'][number]>('g.place')
    .data(marks.places, (d) => d.id)
    .join((enter) => {
      const g = enter.append('g').attr('opacity', 0);
      g.append('circle');
      g.append('text');
      return g;
    });
  places
    .attr('class', (d) => `place ${d.kind} ${d.role}`)
    .attr('data-id', (d) => d.id)
    .attr('data-shown', (d) => String(d.shown));
  places.select('circle').attr('r', (d) => d.r);
  fade(places, (d) => (d.shown ? 1 : 0), duration);
  places.select<SVGTextElement>('text').each(function (d) {
    setLabel(this, d.shown ? d.label : null, duration);
  });
  return places;
}

function drawTexts(root: Root, marks: MapMarks, duration: number) {
  const texts = root
    .select('g.texts')
    .selectAll<SVGTextElement, MapMarks['texts'][number]>('text')
    .data(marks.texts, (d) => d.key)
    .join(
      (enter) => enter.append('text').attr('opacity', 0),
      (update) => update,
      (exit) => fadeOut(stop(exit, 'fade'), duration * 0.3, { name: 'fade' }),
    );
  texts
    .attr('class', (d) => `${d.kind}-label${d.emphasis ? ' emphasis' : ''}`)
    .attr('text-anchor', 'middle')
    .attr('y', (d) => round(d.dy))
    .attr('font-size', (d) => d.size)
    .text((d) => d.text);
  fade(texts, () => 1, duration, duration * 0.7);
  return texts;
}

function drawMeasure(root: Root, marks: MapMarks, duration: number) {
  const data = marks.measure ? [marks.measure] : [];
  const measure = root
    .select('g.measure')
    .selectAll<SVGGElement, NonNullable<MapMarks['measure']>>('g.measured')
    .data(data, (d) => d.key)
    .join(
      (enter) => {
        const g = enter.append('g').attr('class', 'measured').attr('opacity', 0);
        g.append('path').attr('class', 'measure-casing');
        g.append('path').attr('class', 'measure-line');
        g.append('circle').attr('class', 'measure-end from').attr('r', 3);
        return g;
      },
      (update) => update,
      (exit) => fadeOut(stop(exit, 'fade'), duration * 0.3, { name: 'fade' }),
    );
  fade(measure, () => 1, duration, duration * 0.55);
  // The end at the border is a cross-hair ring; the end at a place sits under that place's dot.
  measure.selectAll('.to').remove();
  measure.each(function (d) {
    const g = select(this);
    if (d.toBorder) {
      const end = g.append('g').attr('class', 'to border-point');
      end.append('circle').attr('class', 'measure-end').attr('r', 3.5);
      end.append('path').attr('d', 'M-8,0H-5M5,0H8M0,-8V-5M0,5V8');
      const text = end.append('text');
      setLabel(text.node()!, d.borderLabel, 0);
    } else g.append('circle').attr('class', 'measure-end to').attr('r', 3);
  });
  // The label goes above the places, so no dot covers the distance.
  const top = root
    .select('g.measure-top')
    .selectAll<SVGGElement, NonNullable<MapMarks['measure']>>('g.measure-label')
    .data(data, (d) => d.key)
    .join(
      (enter) => enter.append('g').attr('class', 'measure-label').attr('opacity', 0),
      (update) => update,
      (exit) => fadeOut(stop(exit, 'fade'), duration * 0.3, { name: 'fade' }),
    );
  top
    .selectAll<SVGTextElement, string>('text')
    .data((d) => d.label.lines.map((line, i) => ({ line, i, d })))
    .join('text')
    .attr('class', ({ i }) => (i === 0 ? 'km' : 'article'))
    .attr('text-anchor', ({ d }) => d.label.anchor)
    .attr('x', ({ d }) => round(d.label.dx))
    .attr('y', ({ d, i }) => round(d.label.dy + d.label.offsets[i]!))
    .attr('font-size', ({ d, i }) => d.label.sizes[i]!)
    .text(({ line }) => line);
  fade(top, () => 1, duration, duration * 0.7);
  return { line: measure, label: top };
}

function drawScale(root: Root, marks: MapMarks, duration: number): void {
  const scale = root
    .select('g.scale')
    .selectAll<SVGGElement, NonNullable<MapMarks['scale']>>('g.bar')
    .data(marks.scale ? [marks.scale] : [])
    .join((enter) => {
      const g = enter.append('g').attr('class', 'bar');
      g.append('line').attr('class', 'base');
      g.append('line').attr('class', 'tick-start');
      g.append('line').attr('class', 'tick-end');
      g.append('text');
      return g;
    });
  const set = (g: typeof scale) => {
    g.attr('transform', (d) => `translate(${round(d.x)},${round(d.y)})`);
    g.select('line.base').attr('x2', (d) => round(d.px));
    g.select('line.tick-start').attr('y1', -4);
    g.select('line.tick-end').attr('x1', (d) => round(d.px)).attr('x2', (d) => round(d.px)).attr('y1', -4);
    g.select('text').attr('x', (d) => round(d.px + 6)).attr('y', 4).attr('font-size', 11).text((d) => d.text);
  };
  if (duration === 0) {
    scale.interrupt('scale').attr('opacity', 1);
    set(scale);
    return;
  }
  // The bar is only true for the final view: hide it while the map moves.
  scale
    .interrupt('scale')
    .transition('scale')
    .duration(duration * 0.2)
    .attr('opacity', 0)
    .on('end', function () {
      set(select(this) as typeof scale);
    })
    .transition()
    .delay(duration * 0.8)
    .duration(duration * 0.2)
    .attr('opacity', 1);
}

/** The key to the places' kinds; its swatches carry the same classes as the dots, so they look the same. */
function drawLegend(root: Root, marks: MapMarks): void {
  const legend = root
    .select('g.legend')
    .selectAll<SVGGElement, NonNullable<MapMarks['legend']>>('g.key')
    .data(marks.legend ? [marks.legend] : [])
    .join((enter) => {
      const g = enter.append('g').attr('class', 'key');
      g.append('rect').attr('class', 'key-box').attr('rx', 3);
      return g;
    });
  legend.attr('transform', (d) => `translate(${round(d.x)},${round(d.y)})`);
  legend.select('rect.key-box').attr('width', (d) => d.width).attr('height', (d) => d.height);
  const items = legend
    .selectAll<SVGGElement, { kind: string; text: string; x: number; y: number; size: number }>('g.legend-item')
    .data((d) => d.items.map((item) => ({ ...item, size: d.size })), (d) => d.kind)
    .join((enter) => {
      const g = enter.append('g');
      g.append('circle').attr('r', 4.5);
      g.append('text');
      return g;
    })
    .attr('class', (d) => `legend-item place ${d.kind}`)
    .attr('transform', (d) => `translate(${round(d.x)},${round(d.y)})`);
  items
    .select('text')
    .attr('x', 9)
    .attr('y', (d) => round(d.size * 0.36))
    .attr('font-size', (d) => d.size)
    .text((d) => d.text);
}

function drawNotice(root: Root, marks: MapMarks): void {
  const notice = root
    .select('g.notice')
    .selectAll<SVGGElement, NonNullable<MapMarks['notice']>>('g.box')
    .data(marks.notice ? [marks.notice] : [])
    .join((enter) => {
      const g = enter.append('g').attr('class', 'box');
      g.append('rect').attr('rx', 4);
      return g;
    });
  notice.attr('transform', (d) => `translate(${round(d.x)},${round(d.y)})`);
  notice.select('rect').attr('width', (d) => round(d.width)).attr('height', (d) => round(d.height));
  notice
    .selectAll('text')
    .data((d) => d.lines.map((line, i) => ({ line, i, d })))
    .join('text')
    .attr('x', ({ d }) => round(d.width / 2))
    .attr('y', ({ d, i }) => round(6 + d.size * 1.3 * i + d.size))
    .attr('text-anchor', 'middle')
    .attr('font-size', ({ d }) => d.size)
    .text(({ line }) => line);
}

function drawInset(root: Root, marks: MapMarks, duration: number): void {
  const inset = root
    .select('g.inset-layer')
    .selectAll<SVGSVGElement, InsetMark>('svg.inset')
    .data(marks.inset ? [marks.inset] : [])
    .join(
      (enter) => {
        const svg = enter.append('svg').attr('class', 'inset').attr('opacity', 0);
        svg.append('rect').attr('class', 'sea').attr('width', '100%').attr('height', '100%');
        svg.append('g').attr('class', 'inset-land');
        svg.append('rect').attr('class', 'inset-frame');
        svg.append('rect').attr('class', 'inset-edge').attr('width', '100%').attr('height', '100%');
        return svg;
      },
      (update) => update,
      (exit) => fadeOut(stop(exit, 'fade'), duration * 0.3, { name: 'fade' }),
    );
  inset
    .attr('x', (d) => round(d.x))
    .attr('y', (d) => round(d.y))
    .attr('width', (d) => d.width)
    .attr('height', (d) => d.height);
  const land = inset
    .select('g.inset-land')
    .attr('transform', (d) => `translate(${round(d.view.x)},${round(d.view.y)}) scale(${d.view.k})`);
  land
    .selectAll<SVGPathElement, MapMarks['countries'][number]>('path.country')
    .data(marks.countries, (d) => d.id)
    .join('path')
    .attr('class', (d) => `country ${d.role}`)
    .attr('d', (d) => d.d);
  land
    .selectAll('path.ukraine-outline')
    .data(marks.ukraineOutline ? [marks.ukraineOutline] : [])
    .join('path')
    .attr('class', 'ukraine-outline')
    .attr('d', (d) => d);
  inset
    .select('rect.inset-frame')
    .attr('x', (d) => round(d.frame.x))
    .attr('y', (d) => round(d.frame.y))
    .attr('width', (d) => round(d.frame.width))
    .attr('height', (d) => round(d.frame.height));
  fade(inset, () => 1, duration, duration * 0.7);
}

type InsetMark = NonNullable<MapMarks['inset']>;

function sameView(a: View, b: View): boolean {
  return Math.abs(a.k - b.k) < 1e-9 && Math.abs(a.x - b.x) < 1e-6 && Math.abs(a.y - b.y) < 1e-6;
}

/** A hundredth of a pixel is as close as the map draws. */
function round(value: number): number {
  return roundTo(value, 2);
}

type AnySelection<E extends Element, D> = Selection<E, D, BaseType, unknown>;

/** Fades a selection's opacity to `value`, after `delay`; immediately when duration is 0. */
function fade<E extends Element, D>(selection: AnySelection<E, D>, value: (d: D) => number, duration: number, delay = 0): void {
  if (duration === 0) stop(selection, 'fade').attr('opacity', (d) => value(d));
  else animate(selection, duration * 0.3, { name: 'fade', delay: (d) => (value(d) === 0 ? 0 : delay), attr: { opacity: (d) => value(d) } });
}

/**
 * Sets a label's text and offset. A label that moves to another side of its dot, or changes its words, fades out
 * and back in rather than jumping; an unchanged label just rides along with its dot.
 */
function setLabel(node: SVGTextElement, label: LabelMark | null, duration: number): void {
  const key = label ? `${label.text}|${label.anchor}|${label.dx.toFixed(1)}|${label.dy.toFixed(1)}|${label.size}` : '';
  const element = node as SVGTextElement & { flLabelKey?: string };
  const text = select(node);
  const set = () => {
    if (!label) return;
    text
      .attr('x', round(label.dx))
      .attr('y', round(label.dy))
      .attr('text-anchor', label.anchor)
      .attr('font-size', label.size)
      .text(label.text);
  };
  if (duration === 0 || element.flLabelKey === undefined) {
    text.interrupt('label').attr('opacity', label ? 1 : 0);
    set();
    element.flLabelKey = key;
    return;
  }
  if (element.flLabelKey === key) return;
  element.flLabelKey = key;
  text
    .interrupt('label')
    .transition('label')
    .duration(duration * 0.25)
    .attr('opacity', 0)
    .on('end', set)
    .transition()
    .delay(duration * 0.5)
    .duration(duration * 0.25)
    .attr('opacity', label ? 1 : 0);
}

