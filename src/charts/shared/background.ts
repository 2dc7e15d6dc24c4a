/**
 * Work done ahead of need, off the frames a reader sees: each piece in a task of its own at background priority,
 * so that no task grows long (over 50 ms on a slow phone) and a frame waits at most for one short piece.
 *
 * Where a browser has `scheduler.postTask` (Chromium, Firefox) the piece runs when nothing more urgent is queued;
 * elsewhere a zero-delay timeout stands in for it.
 */

interface PostTaskScheduler {
  postTask(callback: () => void, options?: { priority?: 'user-blocking' | 'user-visible' | 'background' }): Promise<unknown>;
}

const scheduler = (globalThis as { scheduler?: Partial<PostTaskScheduler> }).scheduler;

/** Runs `work` in a task of its own, at background priority. Errors are reported, never thrown into the page. */
export function inBackground(work: () => void): void {
  const run = (): void => {
    try {
      work();
    } catch (error) {
      reportError(error);
    }
  };
  if (typeof scheduler?.postTask === 'function') void scheduler.postTask(run, { priority: 'background' });
  else setTimeout(run, 0);
}

/**
 * Runs `work` in the next task, ahead of the next frame where the browser allows: for a change that must show
 * in that frame but whose script should not share the frame's task with its rendering. Returns a cancel function.
 */
export function nextTask(work: () => void): () => void {
  let cancelled = false;
  const run = (): void => {
    if (!cancelled) work();
  };
  if (typeof scheduler?.postTask === 'function') void scheduler.postTask(run, { priority: 'user-blocking' });
  else setTimeout(run, 0);
  return () => {
    cancelled = true;
  };
}

/** The longest a slice of sliced work runs before it gives the page a turn, in ms (at a phone's speed, well under 50). */
export const SLICE_MS = 8;

/**
 * Runs a generator to its end in background slices: it works until a slice has run `SLICE_MS`, then yields the
 * thread and goes on in a later task. The generator marks where it may be cut (`yield`) between pieces of work
 * that are each short. Resolves with its result.
 */
export function inSlices<T>(steps: Iterator<unknown, T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const slice = (): void => {
      const start = performance.now();
      try {
        for (;;) {
          const next = steps.next();
          if (next.done) return resolve(next.value);
          if (performance.now() - start >= SLICE_MS) break;
        }
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
