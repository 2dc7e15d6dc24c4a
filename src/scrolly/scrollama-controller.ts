import type { LitElement, ReactiveController } from 'lit';
import scrollama, { type ScrollamaInstance, type ScrollamaStepResponse } from 'scrollama';
import { rangesKey, stepWindow, windowNeedsMove, type StepRange } from './step-window.ts';
import { inBackground, nextTask } from '../charts/shared/background.ts';

export interface ScrollamaControllerOptions {
  /** The step elements, passed explicitly so nothing outside the host is picked up by a selector. */
  steps(): readonly HTMLElement[];
  /** The trigger line as a fraction of the viewport height; asked again on every resize. */
  offset(): number;
  onStepEnter(response: ScrollamaStepResponse): void;
}

/**
 * Scrollama 3.2 adds a document scroll listener at every `setup` and never removes it. The listener only tracks
 * the scroll direction, reading `window.pageYOffset` on every scroll event, and that read makes the browser lay
 * the page out there and then whenever anything changed since the last frame (a chart drawing, a step's class):
 * in a trace of a phone-speed read it was the largest single cost of script, most of a second. Scrollama's step
 * observer reads the position itself before it decides a step's enter or exit (`intersectStep` calls the same
 * tracker), in an observer callback where the layout is fresh, so the direction it reports stays right without the
 * listener: no setup adds it.
 */
function setupScrollama(instance: ScrollamaInstance, steps: HTMLElement[], offset: number): void {
  const add = document.addEventListener;
  document.addEventListener = function (this: Document, ...args: Parameters<Document['addEventListener']>) {
    if (args[0] !== 'scroll') add.apply(this, args);
  } as Document['addEventListener'];
  try {
    instance.setup({ step: steps, offset });
  } finally {
    document.addEventListener = add;
  }
}

/**
 * Scrollama as a Lit reactive controller, after Lit's IntersectionController: set up once the host has rendered
 * (its steps exist), re-measured when the viewport changes size or orientation (Scrollama sizes its observers from
 * window.innerHeight), and destroyed when the host leaves the page, so nothing keeps observing a removed story.
 *
 * Scrollama watches only a window of the section's steps (src/scrolly/step-window.ts): the steps around the
 * active one, or both ends of the section before it is entered. Scrollama makes an IntersectionObserver and a
 * ResizeObserver per step it is given, and the browser computes each on every frame, so a story of a thousand
 * steps would otherwise pay for all of them at every frame. The host moves the window (`follow`) when a step
 * becomes active; the move sets Scrollama up again on a dozen steps, once every few step changes.
 */
export class ScrollamaController implements ReactiveController {
  private scroller?: ScrollamaInstance;
  private frame = 0;
  private ranges: StepRange[] = [];
  private active: number | null = null;
  /**
   * After a move, the new observers report where their steps are at once; those first reports are not crossings
   * of the trigger line (a step beside the active one may merely overlap its band), so they are ignored until the
   * page has drawn twice. The host already has the right step active, and the engine's reconcile covers a step
   * crossed in that moment.
   */
  private quietUntilFrame = false;
  private quietFrame = 0;

  constructor(
    private readonly host: LitElement,
    private readonly options: ScrollamaControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // On reconnection the host does not render again, so set up here; the first time, hostUpdated does.
    if (this.host.hasUpdated) this.setup();
  }

  hostUpdated(): void {
    // In a task of its own: Scrollama measures every step it is given, and the first measure lays the whole page
    // out, which on a phone made the story's start (every section's first update) one long task.
    if (this.setupQueued || this.scroller) return;
    this.setupQueued = true;
    nextTask(() => {
      this.setupQueued = false;
      if (!this.scroller && this.host.isConnected) this.setup();
    });
  }

  private setupQueued = false;

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.quietFrame);
    window.removeEventListener('resize', this.onResize);
    window.removeEventListener('orientationchange', this.onResize);
    this.teardown();
  }

  /** Re-measures now: after the page's layout changed in a way no resize event reports (fonts, mode switch). */
  resize(): void {
    if (!this.scroller) return;
    this.scroller.offset(this.options.offset());
  }

  /** The section's active step changed (null: none of its steps is active): moves the watched window if needed. */
  follow(active: number | null): void {
    this.active = active;
    if (!this.scroller || this.moveQueued) return;
    // Setting Scrollama up again measures every step of the window (tens of ms on a phone): in a background task
    // of its own, not in the step change's. Until it runs, the window it replaces goes on watching.
    this.moveQueued = true;
    inBackground(() => {
      this.moveQueued = false;
      if (!this.scroller || !this.host.isConnected) return;
      const count = this.options.steps().length;
      if (windowNeedsMove(this.ranges, count, this.active)) this.watch(stepWindow(count, this.active), true);
    });
  }

  private moveQueued = false;

  /** The steps Scrollama watches now (for tests and the bench: it never grows with the section). */
  get watchedSteps(): number {
    return this.ranges.reduce((sum, range) => sum + range.end - range.start, 0);
  }

  private setup(): void {
    const count = this.options.steps().length;
    if (!count) return;
    this.watch(stepWindow(count, this.active), false);
    window.addEventListener('resize', this.onResize, { passive: true });
    window.addEventListener('orientationchange', this.onResize, { passive: true });
  }

  private watch(ranges: StepRange[], quiet: boolean): void {
    if (this.scroller && rangesKey(ranges) === rangesKey(this.ranges)) return;
    this.teardown();
    const all = this.options.steps();
    const steps = ranges.flatMap((range) => all.slice(range.start, range.end));
    if (!steps.length) return;
    this.ranges = ranges;
    this.quietUntilFrame = quiet;
    if (quiet) {
      cancelAnimationFrame(this.quietFrame);
      this.quietFrame = requestAnimationFrame(() => {
        this.quietFrame = requestAnimationFrame(() => {
          this.quietUntilFrame = false;
        });
      });
    }
    const scroller = scrollama();
    setupScrollama(scroller, steps, this.options.offset());
    scroller.onStepEnter((response) => {
      if (!this.quietUntilFrame) this.options.onStepEnter(response);
    });
    this.scroller = scroller;
  }

  private teardown(): void {
    this.scroller?.destroy();
    this.scroller = undefined;
    this.ranges = [];
  }

  private onResize = (): void => {
    // One re-measure per frame, however many resize events a drag or a rotation sends.
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.resize());
  };
}
