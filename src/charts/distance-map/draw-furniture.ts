/**
 * The map's furniture, drawn over the view and not moved by it: the scale bar, the key to the kinds of place, the
 * notice when the geography cannot load, and the inset that locates the view.
 */
import { select, type Selection } from 'd3';
import { drawLegendKeys, type LegendKey, type LegendShape } from '../shared/legend.ts';
import { stop } from '../shared/transition.ts';
import type { MapMarks } from './layout.ts';
import { writeAll, writeTexts } from '../shared/write.ts';
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
    writeAll(g, { transform: (d) => `translate(${round(d.x)},${round(d.y)})` });
    writeAll(g.select('line.base'), { x2: (d) => round(d.px) });
    writeAll(g.select('line.tick-start'), { y1: -4 });
    writeAll(g.select('line.tick-end'), { x1: (d) => round(d.px), x2: (d) => round(d.px), y1: -4 });
    writeTexts(writeAll(g.select('text'), { x: (d) => round(d.px + 6), y: 4, 'font-size': 11 }), (d) => d.text);
  };
  if (duration === 0) {
    writeAll(scale.interrupt('scale'), { opacity: 1 });
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
  writeAll(legend, { transform: (d) => `translate(${round(d.x)},${round(d.y)})` });
  writeAll(legend.select('rect.key-box'), { width: (d) => d.width, height: (d) => d.height });
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
  writeAll(notice, { transform: (d) => `translate(${round(d.x)},${round(d.y)})` });
  writeAll(notice.select('rect'), { width: (d) => round(d.width), height: (d) => round(d.height) });
  const lines = notice
    .selectAll('text')
    .data((d) => d.lines.map((line, i) => ({ line, i, d })))
    .join('text');
  writeAll(lines, {
    x: ({ d }) => round(d.width / 2),
    y: ({ d, i }) => round(6 + d.size * 1.3 * i + d.size),
    'text-anchor': 'middle',
    'font-size': ({ d }) => d.size,
  });
  writeTexts(lines, ({ line }) => line);
}

/**
 * The locator: the view's frame on a small map of the region, for close views. A view without one fades it out
 * and keeps it, hidden, for the next view that has one: drawing its ninety-odd countries again took a phone
 * 30 ms of restyling in a step's frame, where showing a hidden locator again (its `visibility`) costs almost nothing.
 */
export function drawInset(root: Root, marks: MapMarks, duration: number): void {
  const layer = root.select('g.inset-layer');
  if (!marks.inset) {
    hideInset(layer.select<SVGSVGElement>('svg.inset'), duration);
    return;
  }
  const inset = layer
    .selectAll<SVGSVGElement, InsetMark>('svg.inset')
    .data([marks.inset])
    .join((enter) => {
      const svg = enter.append('svg').attr('class', 'inset').attr('opacity', 0);
      svg.append('rect').attr('class', 'sea').attr('width', '100%').attr('height', '100%');
      svg.append('g').attr('class', 'inset-land');
      svg.append('rect').attr('class', 'inset-frame');
      svg.append('rect').attr('class', 'inset-edge').attr('width', '100%').attr('height', '100%');
      return svg;
    });
  // Shown again (hideInset), where this view puts it.
  writeAll(inset, { x: (d) => round(d.x), y: (d) => round(d.y), width: (d) => d.width, height: (d) => d.height }, { visibility: null });
  const land = writeAll(inset.select('g.inset-land'), { transform: (d) => `translate(${round(d.view.x)},${round(d.view.y)}) scale(${d.view.k})` });
  // A country's outline is long: compared, it is written only when the geography changes.
  writeAll(
    land
      .selectAll<SVGPathElement, MapMarks['countries'][number]>('path.country')
      .data(marks.countries, (d) => d.id)
      .join('path'),
    { class: (d) => `country ${d.role}`, d: (d) => d.d },
  );
  writeAll(
    land
      .selectAll('path.ukraine-outline')
      .data(marks.ukraineOutline ? [marks.ukraineOutline] : [])
      .join('path'),
    { class: 'ukraine-outline', d: (d) => d },
  );
  writeAll(inset.select('rect.inset-frame'), {
    x: (d) => round(d.frame.x),
    y: (d) => round(d.frame.y),
    width: (d) => round(d.frame.width),
    height: (d) => round(d.frame.height),
  });
  fade(inset, () => 1, duration, duration * 0.7);
}

/** Fades the locator out, then hides it (visibility: it stays in the page, costs nothing to paint, and shows again at once). */
function hideInset(inset: Selection<SVGSVGElement, unknown, null, undefined>, duration: number): void {
  if (inset.empty() || inset.node()!.style.visibility === 'hidden') return;
  const hide = () => writeAll(inset, {}, { visibility: 'hidden' });
  stop(inset, 'fade');
  if (duration === 0) {
    writeAll(inset, { opacity: 0 });
    hide();
    return;
  }
  inset.transition('fade').duration(duration * 0.3).attr('opacity', 0).on('end', hide);
}

type InsetMark = NonNullable<MapMarks['inset']>;
