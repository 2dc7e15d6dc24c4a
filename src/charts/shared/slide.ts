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
  stopSlide(element);
  const animation = element.animate([{ transform: from }, { transform: to }], { duration: ms, delay, easing: EASE_CUBIC_IN_OUT, fill: 'backwards' });
  running.set(element, { animation, to });
}

/** `translate(x,y)` as an SVG attribute writes it, as a CSS transform; null for anything else. */
export function cssTranslate(attribute: string | null): string | null {
  const match = attribute && /^translate\(\s*(-?[\d.e+-]+)(?:[\s,]+(-?[\d.e+-]+))?\s*\)$/.exec(attribute);
  if (!match) return null;
  return `translate(${match[1]}px, ${match[2] ?? 0}px)`;
}
