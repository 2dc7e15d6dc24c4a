/**
 * Tasks of their own, so that no task grows long (over 50 ms on a slow phone) and a frame waits at most for one
 * short piece of work: `nextTask` for work that must show in the next frame but should not share the frame's task
 * with its rendering, `inBackground` and `inSlices` for work done ahead of need, off the frames a reader sees.
 *
 * Where a browser has `scheduler.postTask` (Chromium, Firefox) a task runs at its priority (a background one when
 * nothing more urgent is queued); elsewhere a zero-delay timeout stands in for it. Either way an error is reported
 * (`reportError`), never thrown into the page or left as an unhandled rejection.
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
    if (cancelled) return;
    try {
      work();
    } catch (error) {
      reportError(error);
    }
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
  for (;;) {
    const next = steps.next();
    if (next.done) return next;
    if (performance.now() - start >= SLICE_MS) return null;
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

function reportError(error: unknown): void {
  if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
  else console.error(error);
}
