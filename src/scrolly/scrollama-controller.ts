import type { LitElement, ReactiveController } from 'lit';
import scrollama, { type ScrollamaInstance, type ScrollamaStepResponse } from 'scrollama';

export interface ScrollamaControllerOptions {
  /** The step elements, passed explicitly so nothing outside the host is picked up by a selector. */
  steps(): HTMLElement[];
  /** The trigger line as a fraction of the viewport height; asked again on every resize. */
  offset(): number;
  onStepEnter(response: ScrollamaStepResponse): void;
}

/**
 * Scrollama as a Lit reactive controller, after Lit's IntersectionController: set up once the host has rendered
 * (its steps exist), re-measured when the viewport changes size or orientation (Scrollama sizes its observers from
 * window.innerHeight), and destroyed when the host leaves the page, so nothing keeps observing a removed story.
 */
export class ScrollamaController implements ReactiveController {
  private scroller?: ScrollamaInstance;
  private frame = 0;

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
    if (!this.scroller && this.host.isConnected) this.setup();
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    window.removeEventListener('resize', this.onResize);
    window.removeEventListener('orientationchange', this.onResize);
    this.scroller?.destroy();
    this.scroller = undefined;
  }

  /** Re-measures now: after the page's layout changed in a way no resize event reports (fonts, mode switch). */
  resize(): void {
    if (!this.scroller) return;
    this.scroller.offset(this.options.offset());
  }

  private setup(): void {
    const steps = this.options.steps();
    if (!steps.length) return;
    this.scroller = scrollama()
      .setup({ step: steps, offset: this.options.offset() })
      .onStepEnter((response) => this.options.onStepEnter(response));
    window.addEventListener('resize', this.onResize, { passive: true });
    window.addEventListener('orientationchange', this.onResize, { passive: true });
  }

  private onResize = (): void => {
    // One re-measure per frame, however many resize events a drag or a rotation sends.
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.resize());
  };
}
