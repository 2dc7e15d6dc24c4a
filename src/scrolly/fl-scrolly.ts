import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { Story, StoryStep } from '../types/story.ts';
import { ScrollamaController } from './scrollama-controller.ts';
import { StepChangeEvent, type StepDirection } from './step-change-event.ts';
import { triggerOffset } from './trigger.ts';
import { isActiveStepAt } from './active-step.ts';
import { inBackground, nextTask } from '../charts/shared/background.ts';
import { writeAttr } from '../charts/shared/write.ts';
import { afterFling, scrollingFast } from '../charts/shared/scroll-speed.ts';

/** The longest layout worth doing ahead of need, in ms as measured on this device (see prepareNeighbours). */
const PREPARE_MAX_MS = 30;

/**
 * How long a step stays active before the chart of a step ahead is drawn (see prepareNeighbours), in ms. A reader
 * flinging past the steps reaches a new one every tenth of a second or so, and each draw ahead would be thrown away
 * by the next; reading, a step stays for half a second and more.
 */
const DRAW_AHEAD_AFTER_MS = 250;

/** How many step changes the page's sections have made: a report queued before the latest is stale (activateSoon). */
let activations = 0;

/** What a chart offers the section: laying out a state ahead of need, showing one at once (FlChart in src/charts/shared/chart-element.ts). */
interface SectionChart {
  prepare(state: Readonly<Record<string, string>>): void;
  readonly layoutCostMs: number;
  showNextStateAtOnce(): void;
  finishMoveAtOnce(): void;
}

/**
 * One scrolly section: a sticky graphic with the section's charts, and the steps that scroll past it.
 *
 * It enhances prerendered markup (light DOM, nothing rendered): the article's text is already in the page. When a
 * step becomes active it sets exactly that step's state on its chart, shows that chart, and fires
 * `fl-step-change`. The state comes from the step alone, so a skipped or repeated step cannot leave a chart
 * somewhere scrolling slowly would not.
 *
 * @fires fl-step-change - a different step became active; detail `{ index, id, direction }`
 */
export class FlScrolly extends LitElement {
  /** The built story: which chart and state each step has. Set by `fl-story`. */
  @property({ attribute: false }) story?: Story;

  private active: string | null = null;

  /**
   * The id of the section's active step, or null before any has been reached. Set to null when another section
   * becomes active: Scrollama then watches this section's ends again, where a reader comes back in.
   */
  get activeId(): string | null {
    return this.active;
  }

  set activeId(id: string | null) {
    if (id === this.active) return;
    this.steps[this.stepIndex(this.active)]?.classList.remove('is-active');
    this.active = id;
    const index = this.stepIndex(id);
    this.steps[index]?.classList.add('is-active');
    this.scroller.follow(index === -1 ? null : index);
  }

  /**
   * Whether scrolling makes steps active. Presentation mode turns it off (through `FlStory.scrollDriven`) while it
   * picks the step itself, so Scrollama's observers cannot fight it as the layout changes.
   */
  scrollDriven = true;

  /** A step that became active before the story arrived; activated as soon as it does. */
  private pending?: { id: string; direction: StepDirection };

  private readonly scroller = new ScrollamaController(this, {
    steps: () => this.steps,
    offset: triggerOffset,
    onStepEnter: ({ element, direction }) => {
      if (this.scrollDriven && this.straddlesTrigger(element)) this.activateSoon(element.id, direction);
    },
  });

  /** The step an observer report picked, waiting for its task (the latest report wins). */
  private reported?: { id: string; direction: StepDirection; after: number };

  /**
   * Activates a step in a task of its own, after the observer reports that came with it. The browser delivers
   * all of a frame's reports in one task (a step entering, the one before it leaving), and Scrollama reads the
   * scroll position at each: read after a step change had altered the page, it laid out the change there and
   * then (text, captions, every mark of the chart coming into view), in the middle of the reports.
   */
  private activateSoon(id: string, direction: StepDirection): void {
    const queued = this.reported !== undefined;
    this.reported = { id, direction, after: activations };
    if (queued) return;
    nextTask(() => {
      const reported = this.reported;
      this.reported = undefined;
      // A step made active meanwhile in any section (a step link, the Next button) is newer than the report.
      if (reported && reported.after === activations && this.scrollDriven && this.isConnected) this.activate(reported.id, reported.direction);
    });
  }

  /**
   * Whether a step is the one the trigger rule picks now: its top at or above the trigger line, the next step's
   * below it. Scrollama can report a step it saw a moment before the page jumped past it (a step link, the Next
   * step button, a fling); acting on that report would show a chart the reader has already left and announce it.
   * Two boxes read in an observer callback, where the layout is already up to date.
   */
  private straddlesTrigger(element: HTMLElement): boolean {
    const steps = this.steps;
    const topOf = (index: number) => steps[index]!.getBoundingClientRect().top;
    return isActiveStepAt(this.stepIndex(element.id), steps.length, topOf, window.innerHeight * triggerOffset(), 1);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('story') && this.story) this.giveChartsTheirStates();
    if (this.story && this.pending) {
      const { id, direction } = this.pending;
      this.pending = undefined;
      this.activate(id, direction);
    }
  }

  /**
   * Tells each of the section's charts the states its steps will show it in (`captionStates`), so that its plot
   * keeps one size from step to step. Set before the chart's element is defined, the property waits for it.
   */
  private giveChartsTheirStates(): void {
    // Each state once: a long section returns to the same states, and each is a caption to measure.
    const statesByTag = new Map<string, Map<string, Readonly<Record<string, string>>>>();
    for (const element of this.steps) {
      const step = this.storyStep(element.id);
      if (!step) continue;
      const states = statesByTag.get(step.tag) ?? new Map();
      states.set(JSON.stringify(step.state), step.state);
      statesByTag.set(step.tag, states);
    }
    for (const [tag, states] of statesByTag) {
      const element = this.querySelector(tag) as (Element & { captionStates?: unknown }) | null;
      if (element) element.captionStates = [...states.values()];
    }
  }

  private stepElements?: HTMLElement[];
  private stepIndexById?: Map<string, number>;
  private storyStepById?: { story: Story; byId: Map<string, StoryStep> };

  /** The section's step elements, in order (prerendered: found once). */
  get steps(): readonly HTMLElement[] {
    this.stepElements ??= [...this.querySelectorAll<HTMLElement>(':scope > .scrolly-steps .step')];
    return this.stepElements;
  }

  /** A step's position in this section, or -1. */
  private stepIndex(id: string | null): number {
    if (id === null) return -1;
    this.stepIndexById ??= new Map(this.steps.map((element, index) => [element.id, index]));
    return this.stepIndexById.get(id) ?? -1;
  }

  /** The story's step with this id, if it is one of this section's; a lookup, not a search through every step. */
  private storyStep(id: string): StoryStep | undefined {
    const story = this.story;
    if (!story) return undefined;
    if (this.storyStepById?.story !== story) {
      this.storyStepById = { story, byId: new Map(story.steps.filter((step) => step.section === this.id).map((step) => [step.id, step])) };
    }
    return this.storyStepById.byId.get(id);
  }

  /** Re-measures the trigger line, after a layout change the window did not report. */
  remeasure(): void {
    this.scroller.resize();
  }

  /**
   * Makes a step active: its chart shows that step's state. Returns false (and fires nothing) when the step is
   * already active or is not one of this section's.
   */
  activate(id: string, direction: StepDirection): boolean {
    if (id === this.activeId) return false;
    if (!this.story) {
      this.pending = { id, direction };
      return false;
    }
    const step = this.storyStep(id);
    if (!step) return false;
    activations++;
    this.showState(step);
    this.activeId = id;
    this.dispatchEvent(new StepChangeEvent({ index: step.index, id, direction }));
    this.prepareNeighbours(id, direction);
    return true;
  }

  /** Which step's neighbours are being prepared: a newer step change makes the older preparation moot. */
  private preparingFor: string | null = null;

  /**
   * Gets the steps before and after this one ready ahead of need, each in a background task of its own (not a
   * wait for an idle period: with one, a fling in Firefox on a busy CI machine drew the steps it passed, most
   * likely because a wait that timed out ran its layout inside the fling, and a late frame read as the fling's end):
   * - a neighbour that shows the same chart: the chart lays out that state (layouts are pure: it keeps them by
   *   state and size), so that reaching it only draws. A layout that costs more than `PREPARE_MAX_MS` would itself
   *   be a long task on a slow phone: that chart lays out at the step change instead;
   * - a neighbour that shows another chart, hidden now: that chart is given the neighbour's state, and draws it
   *   while hidden, a few layers per task (FlChart's draw in steps), so that the step change only fades it in.
   *   The neighbour the reader is heading for first, when both show the same hidden chart; once the step has
   *   stayed active for DRAW_AHEAD_AFTER_MS, so that a fling does not draw each chart it passes;
   * - the step after next, when its chart is not the next step's: its chart lays out that state now, as for a
   *   neighbour of the same chart. The next step's own draw ahead of it then only draws, a slice per idle period:
   *   when the next step moves its chart, its frames are busy, and a layout among them made one of them late.
   */
  private prepareNeighbours(id: string, direction: StepDirection): void {
    this.preparingFor = id;
    const index = this.stepIndex(id);
    const [ahead, behind] = direction === 'up' ? [index - 1, index + 1] : [index + 1, index - 1];
    const shownChart = this.storyStep(id)?.chart;
    const drawnAhead = new Set<string>();
    const aheadStep = this.steps[ahead] && this.storyStep(this.steps[ahead].id);
    // Two steps ahead, where the chart drawn ahead at the next step differs from the next step's: its layout now
    // (below), so that that draw ahead, which may fall in a move of the next step's chart, only draws.
    const further = this.steps[2 * ahead - index];
    const furtherStep = further && this.storyStep(further.id);
    const layoutOnly = furtherStep && aheadStep && furtherStep.chart !== aheadStep.chart ? further : undefined;
    for (const neighbour of [this.steps[ahead], this.steps[behind], layoutOnly]) {
      const step = neighbour && this.storyStep(neighbour.id);
      if (!step) continue;
      const drawAhead = neighbour !== layoutOnly && step.chart !== shownChart && !drawnAhead.has(step.chart);
      if (drawAhead) drawnAhead.add(step.chart);
      const prepare = (): void => {
        if (this.preparingFor !== id || !this.isConnected) return;
        // Flung past, the step is gone before its neighbours show: ask again once the scroll slows.
        if (scrollingFast()) {
          afterFling(() => inBackground(prepare));
          return;
        }
        const chart = this.querySelector(step.tag) as (Element & Partial<SectionChart>) | null;
        if (!chart) return;
        if (drawAhead) this.setChartState(chart, step);
        else if (chart.prepare && (chart.layoutCostMs ?? Infinity) <= PREPARE_MAX_MS) chart.prepare(step.state);
      };
      if (drawAhead) setTimeout(() => this.preparingFor === id && inBackground(prepare), DRAW_AHEAD_AFTER_MS);
      else inBackground(prepare);
    }
  }

  private wrappers?: HTMLElement[];
  /** The section's chart boxes (one per chart it shows, not one per step). */
  private chartWrappers(): readonly HTMLElement[] {
    this.wrappers ??= [...this.querySelectorAll<HTMLElement>('.scrolly-chart')];
    return this.wrappers;
  }

  /** Gives a step's chart that step's state (its attributes), changing only those that differ. */
  private setChartState(element: Element, step: StoryStep): void {
    for (const name of this.story?.charts[step.chart]?.attributes ?? []) {
      writeAttr(element, name, step.state[name] || null);
    }
  }

  /** Sets a step's chart state and brings its chart forward, without making the step active. */
  showState(step: StoryStep): void {
    const chart = this.story?.charts[step.chart];
    const element = this.querySelector(step.tag) as (Element & Partial<SectionChart>) | null;
    if (!chart || !element) return;
    this.setChartState(element, step);
    // A chart coming into view shows its step's state at once, under its fade-in: animating from the state it
    // showed before it was hidden would replay a change the reader did not just scroll past (and cost every frame
    // of the fade). A state it was given ahead (prepareNeighbours) is drawn already.
    const box = this.chartWrappers().find((wrapper) => wrapper.dataset.chart === step.chart);
    if (box && !box.hasAttribute('data-active')) element.showNextStateAtOnce?.();
    for (const wrapper of this.chartWrappers()) {
      const active = wrapper.dataset.chart === step.chart;
      if (wrapper.hasAttribute('data-active') === active) continue;
      wrapper.toggleAttribute('data-active', active);
      // Out of the accessibility tree while hidden (the style sheet hides it by its opacity alone).
      if (active) wrapper.removeAttribute('aria-hidden');
      else wrapper.setAttribute('aria-hidden', 'true');
      // The chart leaving ends its move at once, under its fade-out (FlChart.finishMoveAtOnce).
      const tag = active ? undefined : this.story?.charts[wrapper.dataset.chart ?? '']?.tag;
      if (tag) (wrapper.querySelector(tag) as (Element & Partial<SectionChart>) | null)?.finishMoveAtOnce?.();
    }
  }
}
