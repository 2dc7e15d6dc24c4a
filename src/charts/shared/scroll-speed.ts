/**
 * Whether the page is being flung past (scrolled faster than anyone reads): a chart then waits to draw until the
 * scroll slows, and the story waits to prepare the steps around, since the reader is gone before either shows. At
 * reading speed (a finger dragging the text, about 1.5 px a millisecond) nothing waits.
 *
 * The speed is the page's own scroll position (window's) between its last two scroll events, which come once a
 * frame while it moves. Where the browser has scroll timelines (Chromium, Safari), the position is read from one:
 * its current time is the position as a share of the scroll range, kept by the browser as the page scrolls, and
 * reading it costs nothing. Reading `scrollY` instead makes the browser bring the page's style and layout up to
 * date, and in a scroll event they are out of date in most frames (the reading-progress bar's scroll-driven
 * animation marks its style for update each frame, before the event): a style pass of its own in most frames,
 * ahead of the frame's own (0.8 s of a desktop read at 4x).
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

/** The page's scroll timeline, where the browser has them (none where there is no document: the build's drawings). */
const timeline = typeof ScrollTimeline === 'function' && typeof document !== 'undefined' ? new ScrollTimeline({ source: document.documentElement, axis: 'block' }) : null;
/**
 * The page's scroll range in px, to turn the timeline's share into a position: read where the page's layout is
 * fresh anyway, in a resize observer's delivery, each time the page's box changes size (the story grows as fonts
 * and charts arrive; a rotated phone). A change of the window's height alone leaves it a few px out: the speed
 * only tells a fling (several px a ms) from reading (one or two).
 */
let rangePx = 0;
if (timeline && typeof ResizeObserver === 'function') {
  const root = document.documentElement;
  new ResizeObserver(() => (rangePx = root.scrollHeight - root.clientHeight)).observe(root);
}

/** The page's scroll position in px: from the timeline where it can be, else from `scrollY`. */
export function scrollPosition(): number {
  if (timeline && rangePx > 0) {
    const share = timeline.currentTime;
    if (share instanceof CSSUnitValue && share.unit === 'percent') return (share.value / 100) * rangePx;
  }
  return scrollY;
}

function onScroll(): void {
  const t = performance.now();
  const y = scrollPosition();
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
