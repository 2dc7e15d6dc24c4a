/**
 * Draws the map's marks into an svg with D3: the view pans and zooms (d3-interpolate's zoom path), places and
 * labels fade in and out, the geography fades in when it arrives after the places. Used by the element and by the
 * build's drawings (src/drawings).
 */
import { interpolateZoom, select } from 'd3';
import { prefersReducedMotion } from '../shared/motion.ts';
import type { DrawOptions } from '../shared/types.ts';
import { runToEnd } from '../shared/background.ts';
import type { MapMarks, View } from './layout.ts';
import { drawMeasure, drawPlaces, drawTexts, round, type Root } from './draw-places.ts';
import { drawInset, drawLegend, drawNotice, drawScale } from './draw-furniture.ts';
import { writeAll } from '../shared/write.ts';

/** How long the countries take to fade in when they arrive after the places. */
const GEOGRAPHY_FADE_MS = 300;

/** What an svg shows now: the geography drawn, the view, and the pan and zoom under way (where it goes, when it ends). */
interface Shown {
  geographyKey: string;
  view?: View;
  moving?: { target: View; end: number };
}
const shownBySvg = new WeakMap<SVGSVGElement, Shown>();

/** Draws `marks` into `svg`, panning and zooming from the view it showed over `options.duration` ms. */
export function draw(svg: SVGSVGElement, marks: MapMarks, options: DrawOptions): void {
  runToEnd(drawInSteps(svg, marks, options));
}

/**
 * `draw` a layer or a few at a time: each `yield` is a place the drawing may pause (a map drawn while hidden gives
 * the page a turn between layers, so that no task of it is long on a phone).
 */
export function* drawInSteps(svg: SVGSVGElement, marks: MapMarks, options: DrawOptions): Generator<void, void> {
  let duration = options.duration;
  const root = select(svg);
  let state = shownBySvg.get(svg);
  if (!state || !svg.querySelector('g.zoom')) {
    // A fresh svg (the first, or one back after a message replaced the plot) starts from nothing drawn.
    if (!svg.querySelector('g.zoom')) createLayers(root);
    state = { geographyKey: '' };
    shownBySvg.set(svg, state);
  }
  writeAll(root, { 'data-geography': marks.geographyStatus });
  const from = state.view ?? marks.view;
  root.interrupt('view');

  const newShapes = marks.geographyKey !== state.geographyKey;
  drawGeography(root, marks, state);
  yield;
  const places = drawPlaces(root, marks, duration);
  const texts = drawTexts(root, marks, duration);
  const measure = drawMeasure(root, marks, duration);
  yield;
  drawScale(root, marks, duration);
  drawNotice(root, marks);
  drawInset(root, marks, duration);
  drawLegend(root, marks);

  // A move's frames place only the places in sight (shown, or fading out); one hidden before and after is placed
  // once, where the move ends: each place set is restyled and laid out again.
  const inSight = places.filter(function (d) {
    return d.shown || this.getAttribute('opacity') !== '0';
  });
  const apply = (view: View, all = true) => {
    state.view = view;
    const position = (base: readonly [number, number]) => `translate(${round(base[0] * view.k + view.x)},${round(base[1] * view.k + view.y)})`;
    // Written only where they change: in a move, the places not in sight and the names that stay put are not.
    writeAll(root.select('g.zoom'), { transform: `translate(${round(view.x)},${round(view.y)}) scale(${view.k})` });
    writeAll(all ? places : inSight, { transform: (d) => position(d.base) });
    writeAll(texts, { transform: (d) => position(d.base) });
    if (marks.measure) {
      const m = marks.measure;
      const line = `M${m.line.map((p) => `${round(p[0] * view.k + view.x)},${round(p[1] * view.k + view.y)}`).join('L')}`;
      writeAll(measure.line.selectAll('path.measure-casing, path.measure-line'), { d: line });
      writeAll(measure.line.select('circle.from'), { transform: position(m.from) });
      writeAll(measure.line.select('.to'), { transform: position(m.to) });
      writeAll(measure.label, { transform: position(m.labelBase) });
    }
  };

  const same = from.k === marks.view.k && from.x === marks.view.x && from.y === marks.view.y;
  // A redraw that only brings new shapes (the geography landing mid-move) continues the move it interrupts; any
  // other draw at once ends it (a map taken out of sight mid-move: FlChart.finishMoveAtOnce).
  const running = state.moving;
  if (duration === 0 && newShapes && running && sameView(running.target, marks.view) && performance.now() < running.end) {
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
      apply({ k, x: width / 2 - cx * k, y: height / 2 - cy * k }, false);
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
  writeAll(zoom.select('path.graticule'), { d: marks.graticule || null });
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

function sameView(a: View, b: View): boolean {
  return Math.abs(a.k - b.k) < 1e-9 && Math.abs(a.x - b.x) < 1e-6 && Math.abs(a.y - b.y) < 1e-6;
}

