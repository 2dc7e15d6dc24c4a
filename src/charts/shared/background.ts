/**
 * Tasks of their own, so that no task grows long (over 50 ms on a slow phone) and a frame waits at most for one
 * short piece of work: `nextTask` for work that must show in the next frame but should not share the frame's task
 * with its rendering, `inBackground` and `inSlices` for work done ahead of need, off the frames a reader sees.
 *
 * Where a browser has `scheduler.postTask` (Chromium, Firefox) a task runs at its priority; elsewhere a zero-delay
 * timeout stands in for it. `whenIdle` work waits for an idle period (requestIdleCallback) where there is one,
 * and a slice of it takes no more than the period has left. Either way an error is reported (`reportError`),
 * never thrown into the page or left as an unhandled rejection.
 */

type Priority = 'user-blocking' | 'user-visible' | 'background';

interface PostTaskScheduler {
  postTask(callback: () => void, options?: { priority?: Priority }): Promise<unknown>;
}

const scheduler = (globalThis as { scheduler?: Partial<PostTaskScheduler> }).scheduler;

/** Posts `work` as a task of its own at `priority`; returns a function that cancels it if it has not run. */
function post(priority: Priority, work: () => void): () => void {
  let cancelled = false;
  const run = (): void => {
    if (!cancelled) runReporting(work);
  };
  if (typeof scheduler?.postTask === 'function') void scheduler.postTask(run, { priority });
  else setTimeout(run, 0);
  return () => {
    cancelled = true;
  };
}

/** Runs `work` in a task of its own, at background priority. Returns a cancel function. */
export function inBackground(work: () => void): () => void {
  return post('background', work);
}

/**
 * The idle period a `whenIdle` task runs in (requestIdleCallback's deadline), while it runs: a slice of sliced work
 * takes no more than the period has left.
 */
let idleDeadline: IdleDeadline | undefined;

/**
 * How long `whenIdle` work waits for an idle period before it runs anyway, in ms: a phone whose every frame is busy
 * (a long fling, a slow device) still gets its charts ready.
 */
const IDLE_TIMEOUT_MS = 500;

/**
 * Runs `work` in a task of its own once the page is idle: after a frame, when the next is not yet due, where the
 * browser tells (requestIdleCallback), else at background priority. For work ahead of need that may be heavy while
 * the reader scrolls (a chart drawn behind the active one): a background task runs as soon as nothing more urgent
 * is queued, often just before a frame is due, and held that frame up. Work the page needs soon whatever the
 * frames (the steps Scrollama watches, a map's geography) stays `inBackground`. Returns a cancel function.
 */
export function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback !== 'function') return inBackground(work);
  const handle = requestIdleCallback(
    (deadline) => {
      idleDeadline = deadline;
      runReporting(work);
      idleDeadline = undefined;
    },
    { timeout: IDLE_TIMEOUT_MS },
  );
  return () => cancelIdleCallback(handle);
}

/** Runs `work` in the next task, ahead of the next frame where the browser allows. Returns a cancel function. */
export function nextTask(work: () => void): () => void {
  return post('user-blocking', work);
}

/**
 * Runs `work` in a task of its own once the next frame has rendered: what it changes shows a frame later, and that
 * frame does not wait for it. Returns a cancel function.
 */
export function afterNextFrame(work: () => void): () => void {
  let cancelTask: (() => void) | undefined;
  const frame = requestAnimationFrame(() => (cancelTask = post('user-blocking', work)));
  return () => {
    cancelAnimationFrame(frame);
    cancelTask?.();
  };
}

/** The longest a slice of sliced work runs before it gives the page a turn, in ms (at a phone's speed, well under 50). */
export const SLICE_MS = 8;

/**
 * Runs a generator for one slice: step after step until it ends or the slice has run `SLICE_MS` (at least one step).
 * The generator's end (its result) once it has ended, else null.
 */
export function runSlice<T>(steps: Iterator<unknown, T>): IteratorReturnResult<T> | null {
  const start = performance.now();
  // In an idle period (whenIdle), what it has left: the frame after it renders what the slice changed.
  const budget = idleDeadline && !idleDeadline.didTimeout ? Math.min(SLICE_MS, idleDeadline.timeRemaining()) : SLICE_MS;
  for (;;) {
    const next = steps.next();
    if (next.done) return next;
    if (performance.now() - start >= budget) return null;
  }
}

/** Runs a generator's steps to its end, at once. Its end (its result). */
export function runToEnd<T>(steps: Iterator<unknown, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Runs a generator to its end in background slices (runSlice), each in a task of its own. The generator marks
 * where it may be cut (`yield`) between pieces of work that are each short. Resolves with its result.
 */
export function inSlices<T>(steps: Iterator<unknown, T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const slice = (): void => {
      try {
        const ended = runSlice(steps);
        if (ended) return resolve(ended.value);
      } catch (error) {
        return reject(error);
      }
      inBackground(slice);
    };
    inBackground(slice);
  });
}

/** Runs `work`, reporting what it throws (reportError) rather than letting it out. */
function runReporting(work: () => void): void {
  try {
    work();
  } catch (error) {
    reportError(error);
  }
}

function reportError(error: unknown): void {
  if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
  else console.error(error);
}
