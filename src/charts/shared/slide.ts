/**
 * Moves that the compositor runs: a mark is written at its new place at once (its attributes are the new state's,
 * as a jump would leave them), and a CSS `transform` animation (the Web Animations API) carries it there from where
 * it was seen. A browser runs a transform animation without restyling or laying out the mark each frame, which a
 * D3 transition of its attributes does, 60 times a second for every mark that moves: on a phone those frames were
 * the scroll's long ones. The animation only changes what is seen while it runs, never the DOM, so a step that
 * arrives mid-move, a test, or a screen reader reads the state the chart is in.
 */

/** D3's default easing (easeCubicInOut) as a CSS timing function, so slides and D3's transitions keep pace. */
export const EASE_CUBIC_IN_OUT = 'cubic-bezier(0.65, 0, 0.35, 1)';

const running = new WeakMap<Element, { readonly animation: Animation; readonly to: string }>();

/** Whether this browser can run a slide (the build's drawings are made where it cannot, with no motion). */
export function canSlide(element: Element): boolean {
  return typeof element.animate === 'function';
}

function runningOn(element: Element): { readonly animation: Animation; readonly to: string } | undefined {
  const slide = running.get(element);
  if (slide && (slide.animation.playState === 'finished' || slide.animation.playState === 'idle')) {
    running.delete(element);
    return undefined;
  }
  return slide;
}

/** Where a running slide takes a mark (the CSS transform it ends on), or null when none is running on it. */
export function slideTarget(element: Element): string | null {
  return runningOn(element)?.to ?? null;
}

/**
 * The transform a mark is seen with now, while a slide moves it (a CSS transform, in px), or null when no slide is
 * running on it. Reading it makes the browser compute styles, so read every mark's before writing any: one
 * computation, not one per mark.
 */
export function slidingTransform(element: Element): string | null {
  if (!runningOn(element)) return null;
  const seen = getComputedStyle(element).transform;
  return seen && seen !== 'none' ? seen : null;
}

/** The slides under way, on any chart: few at a time, and each leaves the set when it ends. */
const underWay = new Set<Animation>();

/**
 * Whether a slide runs on a mark in `root` (what a chart's `settled` waits for, with its D3 transitions). Asked
 * every frame while a chart moves, so it looks through the slides under way, not the chart's marks, and does not
 * use `getAnimations()`, which brings the page's styles up to date first.
 */
export function slideRunning(root: Element): boolean {
  for (const animation of underWay) {
    const target = (animation.effect as KeyframeEffect | null)?.target;
    if (target && root.contains(target)) return true;
  }
  return false;
}

/** Ends a mark's slide, if any: the mark shows where its attributes put it. */
export function stopSlide(element: Element): void {
  running.get(element)?.animation.cancel();
  running.delete(element);
}

/**
 * Slides a mark from the transform `from` to `to` (CSS transforms, lengths in px) over `ms`, after `delay`, in
 * D3's easing; until its delay ends it is seen at `from`. Any slide already running on it ends first.
 */
export function slide(element: Element, from: string, to: string, ms: number, delay = 0): void {
  run(element, [{ transform: from }, { transform: to }], to, ms, delay);
}

function run(element: Element, keyframes: Keyframe[], to: string, ms: number, delay: number): void {
  stopSlide(element);
  const animation = element.animate(keyframes, { duration: ms, delay, easing: EASE_CUBIC_IN_OUT, fill: 'backwards' });
  running.set(element, { animation, to });
  underWay.add(animation);
  const ended = () => underWay.delete(animation);
  animation.addEventListener('finish', ended);
  animation.addEventListener('cancel', ended);
}

/** A mark's box in its own user space, as its attributes (x, y, width, height; a circle's cx, cy and r) give it. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where a mark is seen now, and how opaque: its attributes' box and opacity, as a running slide shows them. */
export interface Seen {
  readonly box: Box;
  readonly opacity: number;
}

/**
 * The box a mark's attributes give it: a circle's from cx, cy and r, a text's point (x, y), a polyline's around its
 * points, others' x, y, width, height.
 */
export function attributeBox(element: Element): Box {
  const n = (name: string) => Number(element.getAttribute(name) ?? 0);
  if (element.localName === 'circle') {
    const r = n('r');
    return { x: n('cx') - r, y: n('cy') - r, width: 2 * r, height: 2 * r };
  }
  if (element.localName === 'text') return { x: n('x'), y: n('y'), width: 0, height: 0 };
  if (element.localName === 'polyline') return pointsBox(element.getAttribute('points') ?? '');
  return { x: n('x'), y: n('y'), width: n('width'), height: n('height') };
}

/** The box around a polyline's points ("x,y x,y ..."). */
function pointsBox(points: string): Box {
  const numbers = points.split(/[\s,]+/).filter(Boolean).map(Number);
  if (numbers.length < 2) return { x: 0, y: 0, width: 0, height: 0 };
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i + 1 < numbers.length; i += 2) {
    x0 = Math.min(x0, numbers[i]!);
    x1 = Math.max(x1, numbers[i]!);
    y0 = Math.min(y0, numbers[i + 1]!);
    y1 = Math.max(y1, numbers[i + 1]!);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** A mark's opacity as its attribute gives it (1 when it has none). */
export function attributeOpacity(element: Element): number {
  const value = element.getAttribute('opacity');
  return value === null ? 1 : Number(value);
}

/**
 * Where a mark whose attributes give `box` and `opacity` is seen now: moved, scaled and faded by the slide running
 * on it, if any (reading that makes the browser compute styles: read every mark's before writing any).
 */
export function seen(element: Element, box: Box, opacity: number): Seen {
  if (!runningOn(element)) return { box, opacity };
  const style = getComputedStyle(element);
  const m = style.transform && style.transform !== 'none' ? new DOMMatrixReadOnly(style.transform) : new DOMMatrixReadOnly();
  // A slide only translates and scales (below), so the matrix has no rotation or skew to carry.
  return {
    box: { x: m.a * box.x + m.e, y: m.d * box.y + m.f, width: m.a * box.width, height: m.d * box.height },
    opacity: Number(style.opacity),
  };
}

/**
 * Slides a mark whose attributes now give `to` from where it was seen (`from`): a transform that maps the new box
 * onto the old one, eased to none, and its opacity between the two, over `ms` after `delay`. A box of no width or
 * height (a text's point, a mark entering from nothing) keeps scale 1 on that side, or grows from 0. A mark seen
 * where it is drawn is left alone.
 */
export function slideBox(element: Element, from: Seen, to: Seen, ms: number, delay = 0): void {
  const scale = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const sx = scale(from.box.width, to.box.width);
  const sy = scale(from.box.height, to.box.height);
  const tx = from.box.x - to.box.x * sx;
  const ty = from.box.y - to.box.y * sy;
  const moves = Math.abs(tx) > 1e-3 || Math.abs(ty) > 1e-3 || Math.abs(sx - 1) > 1e-6 || Math.abs(sy - 1) > 1e-6;
  const fades = Math.abs(from.opacity - to.opacity) > 1e-6;
  if (!moves && !fades) {
    stopSlide(element);
    return;
  }
  const start: Keyframe = {};
  const end: Keyframe = {};
  if (moves) {
    start.transform = `translate(${tx}px, ${ty}px) scale(${sx}, ${sy})`;
    end.transform = 'translate(0px, 0px) scale(1, 1)';
  }
  if (fades) {
    start.opacity = from.opacity;
    end.opacity = to.opacity;
  }
  run(element, [start, end], `box ${to.box.x} ${to.box.y} ${to.box.width} ${to.box.height} ${to.opacity}`, ms, delay);
}

/** `translate(x,y)` as an SVG attribute writes it, as a CSS transform; null for anything else. */
export function cssTranslate(attribute: string | null): string | null {
  const match = attribute && /^translate\(\s*(-?[\d.e+-]+)(?:[\s,]+(-?[\d.e+-]+))?\s*\)$/.exec(attribute);
  if (!match) return null;
  return `translate(${match[1]}px, ${match[2] ?? 0}px)`;
}
