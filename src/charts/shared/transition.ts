/**
 * One way for every chart to change its marks: at once when there is no time to animate (motion off, a resize,
 * a drawing made at build time), or over a D3 transition. The charts' draw modules use these instead of calling
 * `selection.transition()` themselves, so a selection and its transition are never confused for one another.
 *
 * `selection.transition()` and `selection.interrupt()` are added to d3-selection by d3-transition when it loads.
 * `d3` re-exports it without side effects declared, so a bundler keeps it only when one of its exports is used:
 * `interrupt` is, here, which every chart loads.
 */
import { interrupt, type BaseType, type Selection, type Transition } from 'd3';
import { attributeBox, attributeOpacity, canSlide, cssTranslate, seen, slide, slideBox, slideTarget, slidingTransform, stopSlide, type Seen } from './slide.ts';

/** A value for every mark, or one per mark from its datum. */
export type Value<D> = string | number | null | ((d: D, i: number) => string | number | null);

export interface Change<D> {
  readonly attr?: Readonly<Record<string, Value<D>>>;
  readonly style?: Readonly<Record<string, Value<D>>>;
  /** Wait before the change, in ms, for all marks or per mark (a staggered entrance). */
  readonly delay?: number | ((d: D, i: number) => number);
  /** A named transition runs beside others on the same marks (the map fades labels while it pans). */
  readonly name?: string;
}

function setOn<E extends BaseType, D, P extends BaseType, PD>(selection: Selection<E, D, P, PD>, change: Change<D>): void {
  // One call per kind of value: D3's overloads take a constant or a function, not a union of the two.
  for (const [name, value] of Object.entries(change.attr ?? {})) {
    if (typeof value === 'function') selection.attr(name, value);
    else selection.attr(name, value);
  }
  for (const [name, value] of Object.entries(change.style ?? {})) {
    if (typeof value === 'function') selection.style(name, value);
    else if (value === null) selection.style(name, null);
    else selection.style(name, value);
  }
}

/** The transition a change runs in, or null when it applies at once (`ms` 0). */
export function transitionOf<E extends BaseType, D, P extends BaseType, PD>(
  selection: Selection<E, D, P, PD>,
  ms: number,
  change: Pick<Change<D>, 'delay' | 'name'> = {},
): Transition<E, D, P, PD> | null {
  if (ms <= 0) return null;
  const transition = selection.transition(change.name).duration(ms);
  const delay = change.delay;
  if (typeof delay === 'function') transition.delay(delay);
  else if (delay) transition.delay(delay);
  return transition;
}

/** Applies attributes and styles to a selection's marks, at once (`ms` 0) or over `ms`. */
export function animate<E extends BaseType, D, P extends BaseType, PD>(selection: Selection<E, D, P, PD>, ms: number, change: Change<D>): void {
  const transition = transitionOf(selection, ms, change);
  if (transition) applyTo(transition, change);
  else setOn(selection, change);
}

function applyTo<E extends BaseType, D, P extends BaseType, PD>(transition: Transition<E, D, P, PD>, change: Change<D>): void {
  for (const [name, value] of Object.entries(change.attr ?? {})) {
    if (typeof value === 'function') transition.attr(name, value);
    else transition.attr(name, value);
  }
  for (const [name, value] of Object.entries(change.style ?? {})) {
    if (typeof value === 'function') transition.style(name, value);
    else if (value === null) transition.style(name, null);
    else transition.style(name, value);
  }
}

/**
 * Moves marks by their `transform`, to `translate(x,y)` at the point `to` gives each (rounded as the chart wants it),
 * at once or over `ms`. Each mark is written at its new place at once and a slide (./slide.ts) carries it there from
 * where it is seen, so the compositor runs the move: a D3 transition of the attribute would restyle and lay out
 * every moving mark each frame. The attribute is written as the plain numbers the chart gives, so a mark that moved
 * reads as one drawn there at once. Marks that stay put are not touched, and a mark already sliding to its place
 * goes on sliding. Moving a group this way is how a chart moves its text cheaply: a browser lays an SVG text out
 * again whenever the text's own x, y or transform changes, but only repaints when a group around it moves.
 */
export function translateTo<E extends Element, D, P extends BaseType, PD>(selection: Selection<E, D, P, PD>, ms: number, to: (d: D) => readonly [number, number]): void {
  const at = (d: D) => {
    const [x, y] = to(d);
    return `translate(${x},${y})`;
  };
  if (ms <= 0) {
    selection.each(function () {
      stopSlide(this);
    });
    selection.attr('transform', at);
    return;
  }
  // Where each mark is seen, read for all before any is written: one style computation rather than one per mark.
  const moves: { mark: E; from: string | null; end: string }[] = [];
  selection.each(function (d) {
    const end = at(d);
    if (slideTarget(this) === cssTranslate(end)) return;
    const from = slidingTransform(this) ?? cssTranslate(this.getAttribute('transform'));
    moves.push({ mark: this, from, end });
  });
  for (const { mark, from, end } of moves) {
    // A mark already at its place is left alone: a write would lay it out again.
    if (mark.getAttribute('transform') === end) continue;
    mark.setAttribute('transform', end);
    const target = cssTranslate(end);
    // A mark that had no place yet appears at its place.
    if (from && target && canSlide(mark)) slide(mark, from, target, ms);
  }
}

/**
 * Changes marks' place, size and opacity (a circle's cx, cy, r; a rect's x, y, width, height; a text's x, y; and
 * `opacity`), at once (`ms` 0) or by a slide (./slide.ts) from where each is seen: the attributes are written at
 * once and a transform and opacity animation that the compositor runs carries each mark from its old box to the
 * new one, after its `delay`. A D3 transition of those attributes would restyle and lay out every moving mark
 * each frame. Other attributes in `attr` are written at once too.
 */
export function morph<E extends Element, D, P extends BaseType, PD>(
  selection: Selection<E, D, P, PD>,
  ms: number,
  change: { readonly attr: Readonly<Record<string, (d: D) => string | number>>; readonly delay?: (d: D, i: number) => number },
): void {
  const write = (mark: E, d: D) => {
    for (const [name, value] of Object.entries(change.attr)) {
      const wanted = String(value(d));
      if (mark.getAttribute(name) !== wanted) mark.setAttribute(name, wanted);
    }
  };
  if (ms <= 0) {
    selection.each(function (d) {
      stopSlide(this);
      write(this, d);
    });
    return;
  }
  // Where each mark is seen, read for all before any is written: one style computation rather than one per mark.
  // A mark with none of the attributes yet has no place to come from: it appears at its place.
  const names = Object.keys(change.attr);
  const before: { mark: E; d: D; i: number; from: Seen | null }[] = [];
  selection.each(function (d, i) {
    const placed = names.some((name) => this.hasAttribute(name));
    before.push({ mark: this, d, i, from: placed ? seen(this, attributeBox(this), attributeOpacity(this)) : null });
  });
  for (const { mark, d, i, from } of before) {
    write(mark, d);
    if (!from || !canSlide(mark)) continue;
    slideBox(mark, from, { box: attributeBox(mark), opacity: attributeOpacity(mark) }, ms, change.delay?.(d, i) ?? 0);
  }
}

/** Removes marks that leave: fading their opacity (`attr` or `style`) to 0 over `ms`, or at once. */
export function fadeOut<E extends BaseType, D, P extends BaseType, PD>(
  exit: Selection<E, D, P, PD>,
  ms: number,
  options: { readonly by?: 'attr' | 'style'; readonly name?: string; readonly change?: Change<D> } = {},
): void {
  const transition = transitionOf(exit, ms, { name: options.name });
  if (!transition) {
    exit.remove();
    return;
  }
  // A slide's opacity would hide the fade: the mark leaves from the place the slide was taking it to.
  exit.each(function () {
    if (this instanceof Element) stopSlide(this);
  });
  if (options.by === 'style') transition.style('opacity', 0);
  else transition.attr('opacity', 0);
  if (options.change) applyTo(transition, options.change);
  transition.remove();
}

/** Ends every transition on `root`'s descendants (named `name`, or the unnamed one), leaving marks where they are. */
export function stopTransitions<E extends BaseType, D, P extends BaseType, PD>(root: Selection<E, D, P, PD>, name?: string): void {
  stop(root.selectAll('*'), name);
}

/** Ends the transition named `name` on each of `selection`'s marks. */
export function stop<E extends BaseType, D, P extends BaseType, PD>(selection: Selection<E, D, P, PD>, name?: string): Selection<E, D, P, PD> {
  selection.each(function () {
    interrupt(this as Element, name);
  });
  return selection;
}
