/**
 * What sits on the map and moves with the view: the places with their labels, the names of areas and seas, and the
 * measured distance's line, ends and label; with the fade and rounding the map's drawing shares.
 */
import { select, type BaseType, type Selection } from 'd3';
import { animate, fadeOut, stop } from '../shared/transition.ts';
import { round as roundTo } from '../shared/wording.ts';
import { writeAll, writeAttr, writeText, writeTexts } from '../shared/write.ts';
import type { LabelMark, MapMarks } from './layout.ts';

export type Root = Selection<SVGSVGElement, unknown, null, undefined>;

export function drawPlaces(root: Root, marks: MapMarks, duration: number) {
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
  writeAll(places, { class: (d) => `place ${d.kind} ${d.role}`, 'data-id': (d) => d.id, 'data-shown': (d) => String(d.shown) });
  writeAll(places.select('circle'), { r: (d) => d.r });
  fade(places, (d) => (d.shown ? 1 : 0), duration);
  places.select<SVGTextElement>('text').each(function (d) {
    setLabel(this, d.shown ? d.label : null, duration);
  });
  return places;
}

/**
 * The names of countries and seas. Each text sits in a group of its own, and the group is what a move places: a
 * browser lays an SVG text out again whenever the text's own position or transform changes, but only repaints it
 * when a group around it moves (the map's names are placed again in every frame of a pan and zoom).
 */
export function drawTexts(root: Root, marks: MapMarks, duration: number) {
  const names = root
    .select('g.texts')
    .selectAll<SVGGElement, MapMarks['texts'][number]>('g.name')
    .data(marks.texts, (d) => d.key)
    .join(
      (enter) => {
        const g = enter.append('g').attr('class', 'name').attr('opacity', 0);
        g.append('text').attr('text-anchor', 'middle');
        return g;
      },
      (update) => update,
      (exit) => fadeOut(stop(exit, 'fade'), duration * 0.3, { name: 'fade' }),
    );
  names.select<SVGTextElement>('text').each(function (d) {
    // Only what changed is set: any write to a text's position lays it out again, even of the value it has.
    writeAttr(this, 'class', `${d.kind}-label${d.emphasis ? ' emphasis' : ''}`);
    writeAttr(this, 'y', round(d.dy));
    writeAttr(this, 'font-size', d.size);
    writeText(this, d.text);
  });
  fade(names, () => 1, duration, duration * 0.7);
  return names;
}

export function drawMeasure(root: Root, marks: MapMarks, duration: number) {
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
  measure.each(function (d) {
    const g = select(this);
    // Kept while it is the same kind of end (a new one would be laid out anew): only the border's label may change.
    const kept = this.querySelector<SVGElement>(':scope > .to');
    if (kept && kept.classList.contains('border-point') === Boolean(d.toBorder)) {
      if (d.toBorder) setLabel(kept.querySelector('text')!, d.borderLabel, 0);
      return;
    }
    kept?.remove();
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
  const lines = top
    .selectAll<SVGTextElement, string>('text')
    .data((d) => d.label.lines.map((line, i) => ({ line, i, d })))
    .join('text');
  writeAll(lines, {
    class: ({ i }) => (i === 0 ? 'km' : 'article'),
    'text-anchor': ({ d }) => d.label.anchor,
    x: ({ d }) => round(d.label.dx),
    y: ({ d, i }) => round(d.label.dy + d.label.offsets[i]!),
    'font-size': ({ d, i }) => d.label.sizes[i]!,
  });
  writeTexts(lines, ({ line }) => line);
  fade(top, () => 1, duration, duration * 0.7);
  return { line: measure, label: top };
}

/** A hundredth of a pixel is as close as the map draws. */
export function round(value: number): number {
  return roundTo(value, 2);
}

type AnySelection<E extends Element, D> = Selection<E, D, BaseType, unknown>;

/** Fades a selection's opacity to `value`, after `delay`; immediately when duration is 0. */
export function fade<E extends Element, D>(selection: AnySelection<E, D>, value: (d: D) => number, duration: number, delay = 0): void {
  if (duration === 0) writeAll(stop(selection, 'fade'), { opacity: (d) => value(d) });
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
    writeAll(text, { x: round(label.dx), y: round(label.dy), 'text-anchor': label.anchor, 'font-size': label.size });
    writeText(node, label.text);
  };
  if (duration === 0 || element.flLabelKey === undefined) {
    writeAll(text.interrupt('label'), { opacity: label ? 1 : 0 });
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
