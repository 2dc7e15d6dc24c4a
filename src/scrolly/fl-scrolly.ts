import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { Story, StoryStep } from '../types/story.ts';
import { ScrollamaController } from './scrollama-controller.ts';
import { StepChangeEvent, type StepDirection } from './step-change-event.ts';
import { triggerOffset } from './trigger.ts';

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

  /** The id of the section's active step, or null before any has been reached. */
  activeId: string | null = null;

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
      if (this.scrollDriven) this.activate(element.id, direction);
    },
  });

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(): void {
    if (this.story && this.pending) {
      const { id, direction } = this.pending;
      this.pending = undefined;
      this.activate(id, direction);
    }
  }

  get steps(): HTMLElement[] {
    return [...this.querySelectorAll<HTMLElement>(':scope > .scrolly-steps > .step')];
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
    const step = this.story.steps.find((candidate) => candidate.id === id && candidate.section === this.id);
    if (!step) return false;
    this.showState(step);
    this.activeId = id;
    for (const element of this.steps) element.classList.toggle('is-active', element.id === id);
    this.dispatchEvent(new StepChangeEvent({ index: step.index, id, direction }));
    return true;
  }

  /** Sets a step's chart state and brings its chart forward, without making the step active. */
  showState(step: StoryStep): void {
    const chart = this.story?.charts[step.chart];
    const element = this.querySelector(step.tag);
    if (!chart || !element) return;
    for (const name of chart.attributes) {
      const value = step.state[name] ?? '';
      if (value === '') element.removeAttribute(name);
      else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
    }
    for (const wrapper of this.querySelectorAll<HTMLElement>('.scrolly-chart')) {
      wrapper.toggleAttribute('data-active', wrapper.dataset.chart === step.chart);
    }
  }
}
