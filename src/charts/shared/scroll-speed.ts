/**
 * Whether the page is being flung past (scrolled faster than anyone reads): a chart then waits to draw until the
 * scroll slows, and the story waits to prepare the steps around, since the reader is gone before either shows. At
 * reading speed (a finger dragging the text, about 1.5 px a millisecond) nothing waits.
 *
 * The speed is the page's own scroll position (window's) between its last two scroll events, which come once a
 * frame while it moves. Reading `scrollY` there makes the browser bring the page's style and layout up to date
 * (in a desktop read at 4x, most of a frame's style work happens there); the frame would do that work anyway, and
 * reading the position instead in a task after each frame, where that work is done, made more frames late, not
 * fewer (a desktop read at 4x, four rounds against the build before: 85 frames of two intervals or more, 130 after).
 */

/** Faster than this, in px per ms, is a fling: twice the pace of a reader dragging the text. */
const FLING_PX_PER_MS = 3;
/**
 * A scroll event older than this means the page has stopped (scroll events come every frame while it moves). Not
 * less: on a slow phone one frame of a fling can take 100 ms and more, and a chart that took that for the end of
 * the fling drew a step it was being flung past.
 */
const STILL_AFTER_MS = 200;
/** How often a wait for a fling to end (afterFling) asks whether the scroll has slowed, in ms. */
const CHECK_MS = 50;

let last: { y: number; t: number } | null = null;
let speed = 0;

function onScroll(): void {
  const t = performance.now();
  const y = scrollY;
  speed = last && t - last.t < STILL_AFTER_MS && t > last.t ? Math.abs(y - last.y) / (t - last.t) : 0;
  last = { y, t };
}

// Listening from the start: a fling's first step change already knows it is one. (Not where there is no window:
// the build's drawings import the charts.)
globalThis.addEventListener?.('scroll', onScroll, { passive: true });

/** Whether the page is being flung now. */
export function scrollingFast(): boolean {
  return !!last && speed > FLING_PX_PER_MS && performance.now() - last.t < STILL_AFTER_MS;
}

/**
 * Runs `work` once the page is not being flung: asks first after `firstMs`, then every CHECK_MS while it still is.
 * Returns a function that cancels it.
 */
export function afterFling(work: () => void, firstMs = CHECK_MS): () => void {
  let timer: ReturnType<typeof setTimeout>;
  const check = (): void => {
    if (scrollingFast()) timer = setTimeout(check, CHECK_MS);
    else work();
  };
  timer = setTimeout(check, firstMs);
  return () => clearTimeout(timer);
}
