/**
 * One way for every chart to change its marks: at once when there is no time to animate (motion off, a resize,
 * a drawing made at build time), or over a D3 transition. The charts' draw modules use these instead of calling
 * `selection.transition()` themselves, so a selection and its transition are never confused for one another.
 *
 * `selection.transition()` and `selection.interrupt()` are added to d3-selection by d3-transition when it loads.
 * `d3` re-exports it without side effects declared, so a bundler keeps it only when one of its exports is used:
 * `interrupt` is, here, which every chart loads.
 */
import { interpolateString, interrupt, type BaseType, type Selection, type Transition } from 'd3';
import { writeAll, writeAttr, type Value } from './write.ts';

export type { Value } from './write.ts';

export interface Change<D> {
  readonly attr?: Readonly<Record<string, Value<D>>>;
  readonly style?: Readonly<Record<string, Value<D>>>;
  /** Wait before the change, in ms, for all marks or per mark (a staggered entrance). */
  readonly delay?: number | ((d: D, i: number) => number);
  /** A named transition runs beside others on the same marks (the map fades labels while it pans). */
  readonly name?: string;
}

/** A change at once: only what differs from what the marks have is written (write.ts says why). */
function setOn<E extends BaseType, D, P extends BaseType, PD>(selection: Selection<E, D, P, PD>, change: Change<D>): void {
  writeAll(selection, change.attr, change.style);
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
 * at once or over `ms`. The point is tweened as the plain numbers it is: D3's transform interpolation goes through a
 * matrix and ends on float noise ("533.4000244"), so a mark that moved would not be written as one drawn there at
 * once. Marks that stay put are not touched. The transition is returned (null at once), for more to chain on it
 * (`.remove()` for marks that leave). Moving a group this way is how a chart moves its text cheaply: a browser
 * lays an SVG text out again whenever the text's own x, y or transform changes, but only repaints when a group
 * around it moves.
 */
export function translateTo<E extends Element, D, P extends BaseType, PD>(
  selection: Selection<E, D, P, PD>,
  ms: number,
  to: (d: D) => readonly [number, number],
  /** Other changes made in the same transition (a label's fade as it moves). */
  also: Pick<Change<D>, 'attr' | 'style'> = {},
): Transition<E, D, P, PD> | null {
  const at = (d: D) => {
    const [x, y] = to(d);
    return `translate(${x},${y})`;
  };
  const transition = transitionOf(selection, ms);
  if (!transition) {
    writeAll(selection, { transform: at, ...also.attr }, also.style);
    return null;
  }
  applyTo(transition, also);
  // (Named as D3's own attr() names the tween of an attribute.)
  transition.tween('attr.transform', function (d) {
    return attributeMove(this, 'transform', this.getAttribute('transform'), at(d)) ?? NO_TWEEN;
  });
  return transition;
}

/**
 * An element of each mark that moves with it: the first `selector` finds inside the mark, or the mark itself with
 * no selector; and the attributes it goes to (null: none).
 */
export interface Part<D> {
  readonly selector?: string;
  readonly attr: Readonly<Record<string, (d: D) => string | number | null>>;
}

/**
 * Changes marks (`change`) and elements of each of them (`parts`) at once (`ms` 0), or over `ms` in one transition
 * per mark. D3 gives every element it moves a schedule and a timer of its own, set up when the change is drawn and
 * started in the move's first frame: a timeline event is five elements (its group, mark, leader, label and date),
 * all of which move when the window changes, so one transition per event sets up, starts and ticks a fifth as
 * many. A part's attribute goes from what it has to what it is given as a string of numbers (as translateTo's
 * point does); one it has not got yet (a part just made) is set at once, and one already so is not touched. A
 * `transform` going to none slides to `translate(0,0)` and is then removed (a mark coming in from where the old
 * scale put it); any other attribute going to none is removed at once. At once, only what differs is written
 * (write.ts).
 */
export function animateWithParts<E extends Element, D, P extends BaseType, PD>(
  marks: Selection<E, D, P, PD>,
  ms: number,
  change: Change<D>,
  parts: readonly Part<D>[],
): void {
  const transition = transitionOf(marks, ms, change);
  if (!transition) {
    setOn(marks, change);
    for (const part of parts) {
      if (part.selector) writeAll(marks.select(part.selector), part.attr);
      else writeAll(marks, part.attr);
    }
    return;
  }
  applyTo(transition, change);
  moveParts(transition, parts);
}

/**
 * The tween that moves each mark's parts (animateWithParts). A mark's own `transform` it has not got is where it
 * is, `translate(0,0)`, so a mark that leaves slides from its place.
 */
function moveParts<E extends Element, D, P extends BaseType, PD>(transition: Transition<E, D, P, PD>, parts: readonly Part<D>[]): void {
  transition.tween('parts', function (d) {
    const moves: ((t: number) => void)[] = [];
    for (const part of parts) {
      const element = part.selector ? this.querySelector(part.selector) : this;
      if (!element) continue;
      for (const [name, value] of Object.entries(part.attr)) {
        const to = value(d);
        const end = to === null ? null : String(to);
        const own = element === this && name === 'transform';
        const move = attributeMove(element, name, element.getAttribute(name) ?? (own && end !== null ? 'translate(0,0)' : null), end);
        if (move) moves.push(move);
      }
    }
    if (!moves.length) return NO_TWEEN;
    return (t: number) => {
      for (const move of moves) move(t);
    };
  });
}

/** What a tween's factory returns for no tween, as D3's own attr() does (its types do not say a factory may). */
const NO_TWEEN = null as unknown as (t: number) => void;

/**
 * How `element`'s attribute `name` goes from `start` to `end` (null: none) over a move's eased time, or null when
 * there is nothing to tween. One already so is left alone: tweening it would write the same value every frame, and
 * each write makes the browser lay the element out again. One the element has not got (a part just made) is set
 * at once, as is one going to none, but for a `transform`, which slides to `translate(0,0)` and is then removed.
 * Between, the numbers in it are tweened as the plain numbers they are.
 */
function attributeMove(element: Element, name: string, start: string | null, end: string | null): ((t: number) => void) | null {
  if (start === end) return null;
  if (start === null || (end === null && name !== 'transform')) {
    writeAttr(element, name, end);
    return null;
  }
  const between = interpolateString(start, end ?? 'translate(0,0)');
  return (t) => {
    if (t === 1 && end === null) element.removeAttribute(name);
    else element.setAttribute(name, between(t));
  };
}

/** Removes marks that leave: fading their opacity (`attr` or `style`) to 0 over `ms` (moving `parts` of them as animateWithParts does), or at once. */
export function fadeOut<E extends BaseType, D, P extends BaseType, PD>(
  exit: Selection<E, D, P, PD>,
  ms: number,
  options: { readonly by?: 'attr' | 'style'; readonly name?: string; readonly parts?: readonly Part<D>[] } = {},
): void {
  const transition = transitionOf(exit, ms, { name: options.name });
  if (!transition) {
    exit.remove();
    return;
  }
  if (options.by === 'style') transition.style('opacity', 0);
  else transition.attr('opacity', 0);
  // The marks are elements when parts of them move (the tween reads them).
  if (options.parts) moveParts(transition as unknown as Transition<Element, D, P, PD>, options.parts);
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
