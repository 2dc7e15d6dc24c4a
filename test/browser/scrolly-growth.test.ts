/**
 * The scroll engine at any story length: a section of 1,000 steps, with the calls that cost per step counted
 * (observers set on steps, step boxes measured). Nothing a step change or a settled scroll does may visit every
 * step: Scrollama watches a window of steps around the active one, the active step is found by binary search,
 * and steps are looked up by id.
 */
import { expect } from 'chai';
import { define } from '../../src/charts/shared/chart-element.ts';
import { FlScrolly } from '../../src/scrolly/fl-scrolly.ts';
import { FlStory } from '../../src/scrolly/fl-story.ts';
import { StepChangeEvent } from '../../src/scrolly/step-change-event.ts';
import { triggerOffset } from '../../src/scrolly/trigger.ts';
import { WINDOW_RADIUS } from '../../src/scrolly/step-window.ts';
import type { Story } from '../../src/types/story.ts';
import { frames, until } from './helpers.ts';

const STEPS = 1000;
const STEP_PX = 400;
/** Per step change: a dozen or so steps watched anew when the window moves, never the section's thousand. */
const PER_CHANGE_LIMIT = 40;

define('fl-story', FlStory);
define('fl-scrolly', FlScrolly);

function longStory(): Story {
  const steps = Array.from({ length: STEPS }, (_, index) => ({
    index,
    id: `step-${index}`,
    chart: 'casualties',
    tag: 'fl-test-chart',
    state: { view: index % 2 ? 'toll' : 'compare' },
    section: 'long-section',
  }));
  return {
    meta: { title: 'Long', kicker: '', dek: '', byline: '', published: '', original: '' },
    steps,
    sections: [{ id: 'long-section', steps: steps.map((step) => step.id) }],
    charts: { casualties: { tag: 'fl-test-chart', attributes: ['view'] } },
  } as unknown as Story;
}

/** Counts calls of a prototype method while installed. */
function counter<T extends object>(proto: T, name: keyof T): { count: number; restore(): void } {
  const original = proto[name] as unknown as (...args: unknown[]) => unknown;
  const tally = { count: 0, restore: () => void (proto[name] = original as T[keyof T]) };
  proto[name] = function (this: unknown, ...args: unknown[]) {
    tally.count++;
    return original.apply(this, args);
  } as T[keyof T];
  return tally;
}

describe(`the scroll engine with ${STEPS} steps`, () => {
  let host: HTMLElement;
  let story: FlStory;
  const changes: string[] = [];
  const onChange = (event: Event) => changes.push((event as StepChangeEvent).detail.id);
  let observed: ReturnType<typeof counter>;
  let resizeObserved: ReturnType<typeof counter>;
  let measured: ReturnType<typeof counter>;
  /** The first step's top in the document; steps are STEP_PX apart. */
  let firstTop = 0;

  before(async () => {
    observed = counter(IntersectionObserver.prototype, 'observe');
    resizeObserved = counter(ResizeObserver.prototype, 'observe');
    measured = counter(Element.prototype, 'getBoundingClientRect');
    host = document.createElement('div');
    const steps = Array.from({ length: STEPS }, (_, i) => `<div class="step" id="step-${i}"></div>`).join('');
    host.innerHTML = `<fl-story><fl-scrolly id="long-section"><div class="scrolly-steps">${steps}</div></fl-scrolly></fl-story>`;
    for (const step of host.querySelectorAll<HTMLElement>('.step')) step.style.height = `${STEP_PX}px`;
    // The section starts below the first screen, as after a story's header: no step is active at first.
    host.style.padding = '150vh 0 100vh';
    document.body.append(host);
    story = host.querySelector('fl-story') as FlStory;
    story.story = longStory();
    document.addEventListener(StepChangeEvent.type, onChange);
    await story.updateComplete;
    await frames(3);
    firstTop = host.querySelector('.step')!.getBoundingClientRect().top + window.scrollY;
  });

  after(() => {
    document.removeEventListener(StepChangeEvent.type, onChange);
    for (const tally of [observed, resizeObserved, measured]) tally.restore();
    host.remove();
    window.scrollTo(0, 0);
  });

  /** Scrolls so that step `index` has just passed the trigger line. */
  const scrollToStep = (index: number): void => {
    const top = firstTop + index * STEP_PX;
    window.scrollTo({ top: top - window.innerHeight * triggerOffset() + 20, behavior: 'instant' });
  };

  it('watches a window of steps, not all of them, from the start', () => {
    expect(observed.count, 'intersection observers set on steps').to.be.greaterThan(0);
    expect(observed.count).to.be.below(PER_CHANGE_LIMIT);
    expect(resizeObserved.count).to.be.below(PER_CHANGE_LIMIT);
  });

  it('reads step by step, each change costing the same few calls, and every step becomes active in turn', async () => {
    for (let index = 0; index < 30; index++) {
      const before = { observed: observed.count, resized: resizeObserved.count, measured: measured.count };
      scrollToStep(index);
      await until(() => changes.at(-1) === `step-${index}`, `step-${index} to become active (changes: ${changes.slice(-3).join(', ')})`, 3000);
      await frames(2);
      expect(observed.count - before.observed, `observers set at step ${index}`).to.be.below(PER_CHANGE_LIMIT);
      expect(resizeObserved.count - before.resized, `resize observers set at step ${index}`).to.be.below(PER_CHANGE_LIMIT);
      expect(measured.count - before.measured, `boxes measured at step ${index}`).to.be.below(PER_CHANGE_LIMIT);
    }
    expect(host.querySelectorAll('.step.is-active'), 'one active step').to.have.length(1);
    expect(host.querySelector('.step.is-active')!.id).to.equal('step-29');
  });

  it('after a jump far ahead, settling finds the step under the trigger line with a few measurements', async () => {
    scrollToStep(700);
    await frames(3);
    const before = measured.count;
    story.reconcile();
    // A binary search (log2 of the steps), then Scrollama set up on the window around the step found.
    const window = 2 * WINDOW_RADIUS + 1;
    expect(measured.count - before, 'step boxes measured to find the active step').to.be.at.most(Math.ceil(Math.log2(STEPS)) + 1 + window);
    await until(() => changes.at(-1) === 'step-700', 'step-700 to become active', 3000);
    // The window has moved there: the next step triggers as the reader goes on.
    await frames(3);
    const observedBefore = observed.count;
    scrollToStep(701);
    await until(() => changes.at(-1) === 'step-701', 'step-701 to become active', 3000);
    expect(observed.count - observedBefore).to.be.below(PER_CHANGE_LIMIT);
  });
});
