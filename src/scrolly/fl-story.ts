import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { Story, StoryStep } from '../types/story.ts';
import type { FlScrolly } from './fl-scrolly.ts';
import { StepChangeEvent, type StepDirection } from './step-change-event.ts';
import { activeStepIndexBy } from './active-step.ts';
import { triggerOffset } from './trigger.ts';

/** How long the page must be still after a scroll ends before the active step is checked against the layout. */
export const RECONCILE_DELAY_MS = 120;
/**
 * How long the page must be still (no scroll event) after a step change before the URL hash names the step. Each
 * hash write is a same-document navigation, tens of ms on a slow phone: while the reader scrolls on, steps change
 * every second or so, and writing each would put that cost into the scroll; the hash is wanted only where the
 * reader stops.
 */
const HASH_DELAY_MS = 150;

/**
 * The story as a whole: it hands the built story to its sections, keeps the URL hash on the active step
 * (replaceState, so reading does not fill the history), opens at the step a link names, draws the reading-progress
 * bar, and, when scrolling settles, makes sure the active step is the one at the trigger line, whatever events a
 * fling or a jump skipped.
 */
export class FlStory extends LitElement {
  @property({ attribute: false }) story?: Story;

  /** The active step's id, or null before the reader reaches the first step. */
  activeId: string | null = null;

  private scrollDrivenFlag = true;

  /**
   * Whether scrolling decides the active step (true, the default). Presentation mode sets it to false while it
   * picks steps itself: scroll, scrollend, resize and hash changes then activate nothing here, and neither do the
   * sections' Scrollama observers.
   */
  get scrollDriven(): boolean {
    return this.scrollDrivenFlag;
  }

  set scrollDriven(value: boolean) {
    this.scrollDrivenFlag = value;
    for (const section of this.sections) section.scrollDriven = value;
  }

  private progressBar?: HTMLElement;
  private progressFrame = 0;
  /** How far the page scrolls, measured once per layout change rather than on every scroll frame; -1: unknown. */
  private scrollable = -1;
  private readonly heightObserver = new ResizeObserver(() => {
    this.scrollable = -1;
  });
  private resizeFrame = 0;
  private reconcileTimer: ReturnType<typeof setTimeout> | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private sectionElements?: FlScrolly[];
  /** The story's sections (prerendered: found once). */
  get sections(): readonly FlScrolly[] {
    this.sectionElements ??= [...this.querySelectorAll<FlScrolly>('fl-scrolly')];
    return this.sectionElements;
  }

  private stepIndexById?: { story: Story; byId: Map<string, number> };
  /** A step's position in the story, or -1: a lookup, not a search through every step. */
  private storyIndex(id: string | null): number {
    const story = this.story;
    if (!story || id === null) return -1;
    if (this.stepIndexById?.story !== story) this.stepIndexById = { story, byId: new Map(story.steps.map((step, index) => [step.id, index])) };
    return this.stepIndexById.byId.get(id) ?? -1;
  }

  /** The story's step with this id (null when none): a lookup, for what runs at every step change. */
  stepWithId(id: string | null): StoryStep | null {
    const index = this.storyIndex(id);
    return index === -1 ? null : (this.story!.steps[index] ?? null);
  }

  /** Whether the browser draws the progress bar itself (a scroll-driven animation, story.css) with no script. */
  private readonly cssProgress = typeof CSS !== 'undefined' && CSS.supports('animation-timeline: scroll()');

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener(StepChangeEvent.type, this.onStepChange);
    window.addEventListener('scroll', this.onScroll, { passive: true });
    window.addEventListener('scrollend', this.onScrollEnd, { passive: true });
    window.addEventListener('resize', this.onResize, { passive: true });
    window.addEventListener('hashchange', this.onHashChange);
    this.heightObserver.observe(this);
    if (!this.progressBar) {
      const track = document.createElement('div');
      track.className = 'reading-progress';
      track.setAttribute('aria-hidden', 'true');
      this.progressBar = document.createElement('div');
      this.progressBar.className = 'reading-progress-bar';
      this.progressBar.classList.toggle('is-scroll-driven', this.cssProgress);
      track.append(this.progressBar);
      this.prepend(track);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener(StepChangeEvent.type, this.onStepChange);
    window.removeEventListener('scroll', this.onScroll);
    window.removeEventListener('scrollend', this.onScrollEnd);
    clearTimeout(this.reconcileTimer);
    clearTimeout(this.hashTimer);
    window.removeEventListener('resize', this.onResize);
    window.removeEventListener('hashchange', this.onHashChange);
    this.heightObserver.disconnect();
    cancelAnimationFrame(this.progressFrame);
    cancelAnimationFrame(this.resizeFrame);
  }

  protected override willUpdate(): void {
    for (const section of this.sections) section.story = this.story;
  }

  protected override firstUpdated(): void {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id && this.storyIndex(id) !== -1) this.goTo(id);
    // After the first frame: measuring the page now would make the browser lay it out before it has painted.
    this.progressFrame = requestAnimationFrame(() => this.updateProgress());
  }

  /** Scrolls to a step and makes it active at once, so its chart is drawn in that state from the start. */
  goTo(id: string, behavior: ScrollBehavior = 'instant'): void {
    const element = document.getElementById(id);
    const section = element?.closest<FlScrolly>('fl-scrolly');
    if (!element || !section) return;
    const direction = this.directionTo(id);
    section.activate(id, direction);
    // The step's scroll-margin (story.css) puts it where the browser's own jump to #id would: past the trigger line.
    element.scrollIntoView({ block: 'start', behavior });
  }

  private directionTo(id: string): StepDirection {
    return this.storyIndex(id) < this.storyIndex(this.activeId) ? 'up' : 'down';
  }

  private onStepChange = (event: StepChangeEvent): void => {
    this.activeId = event.detail.id;
    // Only the section that fired is active; the others forget theirs, so coming back re-activates.
    for (const section of this.sections) {
      if (section !== event.target) section.activeId = null;
    }
    // The hash follows once the page is still (onScroll puts it off while scrolling goes on), in a task of its own.
    this.hashPending = true;
    clearTimeout(this.hashTimer);
    this.hashTimer = setTimeout(this.writeHash, HASH_DELAY_MS);
  };

  private hashTimer: ReturnType<typeof setTimeout> | undefined;
  private hashPending = false;
  private writeHash = (): void => {
    this.hashPending = false;
    // Presentation mode keeps the hash on its slide itself.
    if (!this.scrollDriven) return;
    const id = this.activeId;
    if (id && location.hash !== `#${id}`) history.replaceState(history.state, '', `#${encodeURIComponent(id)}`);
  };

  private onHashChange = (): void => {
    if (!this.scrollDriven) return;
    const id = decodeURIComponent(location.hash.slice(1));
    if (id && id !== this.activeId && this.storyIndex(id) !== -1) this.goTo(id);
  };

  /**
   * Scrolling has stopped, perhaps only for a moment: keyboard scrolling and flings end a scroll many times a
   * second. Reconciling measures every step, so it waits until the page has been still for a little while.
   */
  private onScrollEnd = (): void => {
    clearTimeout(this.reconcileTimer);
    this.reconcileTimer = setTimeout(this.reconcile, RECONCILE_DELAY_MS);
  };

  /**
   * Applies the rule Scrollama applies while scrolling (the active step is the last one past the trigger line)
   * once scrolling has settled. A binary search over the steps' tops: it measures a dozen steps, not all of them.
   */
  reconcile = (): void => {
    if (!this.scrollDriven) return;
    const steps = this.story?.steps ?? [];
    const topOf = (index: number): number => document.getElementById(steps[index]!.id)?.getBoundingClientRect().top ?? Number.POSITIVE_INFINITY;
    const index = activeStepIndexBy(steps.length, topOf, window.innerHeight * triggerOffset());
    const step = steps[index];
    if (step && step.id !== this.activeId) document.getElementById(step.id)?.closest<FlScrolly>('fl-scrolly')?.activate(step.id, this.directionTo(step.id));
    // The page has been still for a moment: the hash need wait no longer.
    if (this.hashPending) {
      clearTimeout(this.hashTimer);
      this.writeHash();
    }
  };

  private onResize = (): void => {
    this.scrollable = -1; // the viewport's height is part of it
    cancelAnimationFrame(this.resizeFrame);
    this.resizeFrame = requestAnimationFrame(() => {
      this.updateProgress();
      this.reconcile();
    });
  };

  private onScroll = (): void => {
    clearTimeout(this.reconcileTimer);
    if (this.hashPending) {
      clearTimeout(this.hashTimer);
      this.hashTimer = setTimeout(this.writeHash, HASH_DELAY_MS);
    }
    if (this.cssProgress) return;
    cancelAnimationFrame(this.progressFrame);
    this.progressFrame = requestAnimationFrame(() => this.updateProgress());
  };

  /** The fallback where the browser has no scroll-driven animations: the bar's scale, set once per frame. */
  private updateProgress(): void {
    if (this.cssProgress) return;
    if (this.scrollable < 0) this.scrollable = document.documentElement.scrollHeight - window.innerHeight;
    const scrollable = this.scrollable;
    const progress = scrollable > 0 ? Math.min(1, Math.max(0, window.scrollY / scrollable)) : 0;
    this.progressBar?.style.setProperty('transform', `scaleX(${progress.toFixed(4)})`);
  }
}
