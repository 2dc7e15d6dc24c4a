/**
 * The map's furniture, drawn over the view and not moved by it: the scale bar, the key to the kinds of place, the
 * notice when the geography cannot load, and the inset that locates the view.
 */
import { select } from 'd3';
import { drawLegendKeys, type LegendKey, type LegendShape } from '../shared/legend.ts';
import { fadeOut, stop } from '../shared/transition.ts';
import type { MapMarks } from './layout.ts';
import { fade, round, type Root } from './draw-places.ts';

export function drawScale(root: Root, marks: MapMarks, duration: number): void {
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

/** The key to the places' kinds, in a box; its swatches carry the same classes as the dots, so they look the same. */
export function drawLegend(root: Root, marks: MapMarks): void {
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
  const key = marks.legend;
  const keys: LegendKey[] = (key?.items ?? []).map((item) => ({
    id: item.kind,
    cls: `legend-item place ${item.kind}`,
    transform: `translate(${round(item.x)},${round(item.y)})`,
    swatch: {},
    label: { attrs: { x: 9, y: round(key!.size * 0.36), 'font-size': key!.size }, text: item.text },
  }));
  drawLegendKeys(legend, keys, MAP_KEYS);
}

const MAP_KEYS: LegendShape = { selector: 'g.legend-item', swatch: 'circle', enter: { swatch: { r: 4.5 } } };

export function drawNotice(root: Root, marks: MapMarks): void {
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

export function drawInset(root: Root, marks: MapMarks, duration: number): void {
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
