/**
 * The reader in control (src/reader/): the Animation switch, Previous/Next step, Tab in reading order through
 * every step's chart, the offer to continue, and axe over the new controls. In Chromium and Firefox.
 */
import { expect } from 'chai';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { DESKTOP, PHONE, activeStepId, goToStep, openPresentation, openStory, press, settle, type StoryPage } from './story-page.ts';
import { frames, until } from './helpers.ts';
import { describeViolations, runAxe } from './axe.ts';
import { focused, forgetVisits, onScreen, openReader, stopName, untilChartShows } from './reader-helpers.ts';
import { MOTION_STORAGE_KEY } from '../../src/reader/motion-switch.ts';
import { TRANSITION_MS } from '../../src/charts/shared/chart-element.ts';
import { LAST_STEP_STORAGE_KEY } from '../../src/reader/continue-offer.ts';
import type { StoryStep } from '../../src/types/story.ts';

const isFirefox = navigator.userAgent.includes('Firefox');

let page: StoryPage | undefined;
afterEach(() => {
  page?.close();
  page = undefined;
  forgetVisits();
});
after(() => setViewport({ width: 800, height: 600 }));

const headerSwitch = (p: StoryPage) => p.document.querySelector<HTMLButtonElement>('.story-header .fl-motion-switch')!;
const nextButton = (p: StoryPage) => p.document.querySelector<HTMLButtonElement>('.fl-step-nav-next')!;
const previousButton = (p: StoryPage) => p.document.querySelector<HTMLButtonElement>('.fl-step-nav-previous')!;

/**
 * Whether a chart, just drawn, already shows its final picture: the plot two frames after the draw is the plot
 * once any transition would have ended.
 */
/**
 * The longest transition D3 has scheduled on a chart's plot or any of its marks (D3 keeps its schedules on each
 * node; the map's pan and zoom is on the plot itself).
 */
function scheduledTransitionMs(svg: SVGSVGElement): number {
  let longest = 0;
  for (const node of [svg, ...svg.querySelectorAll('*')]) {
    const schedules = (node as Element & { __transition?: Record<string, { duration: number }> }).__transition;
    for (const schedule of Object.values(schedules ?? {})) longest = Math.max(longest, schedule.duration);
  }
  return longest;
}

/**
 * Shows a step and says how its chart drew the state: the longest transition scheduled on its marks as the draw is
 * made (read when the chart marks itself drawn, in the same task), and how many pictures it then showed, frame by
 * frame, until a transition would have ended. Drawn at once, nothing is scheduled and there is the first picture
 * and at most one more (a redraw when a font face arrives). Reading the schedule, not the clock, keeps the answer
 * the same on a slow, busy machine. A chart coming into view may have drawn the state ahead, while hidden: its
 * first picture is then the one it shows as the step becomes active.
 */
async function drawing(page: StoryPage, step: StoryStep): Promise<{ transitionMs: number; pictures: number }> {
  const chart = page.document.getElementById(step.section)!.querySelector(step.tag)!;
  const svg = () => chart.shadowRoot!.querySelector('svg')!;
  const pictures = new Set<string>();
  let transitionMs = -1;
  const observer = new MutationObserver(() => {
    if (!pictures.size && chart.getAttribute('data-drawn') === JSON.stringify((chart as Element & { chartState?: unknown }).chartState)) {
      pictures.add(svg().innerHTML);
      transitionMs = scheduledTransitionMs(svg());
    }
  });
  observer.observe(chart, { attributes: true, attributeFilter: ['data-drawn'] });
  const drawnBefore = chart.getAttribute('data-drawn');
  goToStep(page, step.id);
  await untilChartShows(page, step);
  observer.disconnect();
  if (!pictures.size && chart.getAttribute('data-drawn') === drawnBefore) {
    pictures.add(svg().innerHTML);
    transitionMs = scheduledTransitionMs(svg());
  }
  expect(pictures.size, `${step.id}: the chart drew its state`).to.equal(1);
  const end = performance.now() + TRANSITION_MS + 300;
  while (performance.now() < end) {
    await frames(1);
    pictures.add(svg().innerHTML);
  }
  return { transitionMs, pictures: pictures.size };
}

describe('the Animation switch', () => {
  it('starts from the system setting and says so', async () => {
    page = await openReader();
    const reduced = page.window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const button = headerSwitch(page);
    expect(button.getAttribute('role')).to.equal('switch');
    expect(button.getAttribute('aria-checked')).to.equal(String(!reduced));
    expect(button.textContent).to.equal(`Animation: ${reduced ? 'off' : 'on'}`);
    page.close();
    // Where the browser can emulate the system setting (Chromium), the switch starts off under it.
    if (!isFirefox) {
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        page = await openReader();
        expect(headerSwitch(page).getAttribute('aria-checked')).to.equal('false');
        expect(headerSwitch(page).textContent).to.equal('Animation: off');
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    }
  });

  it('off: charts draw the next state at once and nothing fades; the choice is kept for the next visit', async function () {
    this.timeout(40_000);
    page = await openReader({ motion: 'on' });
    const steps = page.story.steps;
    // On: a state change animates.
    nextButton(page).click();
    await untilChartShows(page, steps[0]!);
    nextButton(page).click();
    await untilChartShows(page, steps[1]!);
    nextButton(page).click();
    await untilChartShows(page, steps[2]!);
    // A chart that stays in view, in a new state: the marks move. (One coming into view shows its state at once.)
    const moving = steps.findIndex((step, i) => i > 2 && step.chart === steps[i - 1]!.chart && step.section === steps[i - 1]!.section);
    await drawing(page, steps[moving - 1]!);
    const timelineStep = steps[moving]!;
    expect((await drawing(page, timelineStep)).transitionMs, 'animating with animation on').to.be.greaterThan(0);
    const timeline = page.document.getElementById(timelineStep.section)!.querySelector(timelineStep.tag)!;

    headerSwitch(page).click();
    expect(headerSwitch(page).getAttribute('aria-checked')).to.equal('false');
    expect(headerSwitch(page).textContent).to.equal('Animation: off');
    expect(page.document.documentElement.getAttribute('data-fl-motion')).to.equal('off');
    expect(localStorage.getItem(MOTION_STORAGE_KEY)).to.equal('off');
    const wrapper = timeline.closest('.scrolly-chart')!;
    expect(page.window.getComputedStyle(wrapper).transitionDuration.split(',').every((d) => parseFloat(d) === 0), 'the cross-fade').to.equal(true);
    // Off: each later state is drawn final at once, with no transition on any mark, a chart that stays in view too.
    const later = steps.slice(timelineStep.index + 1, timelineStep.index + 6);
    expect(later.some((step) => step.chart === steps[step.index - 1]!.chart && step.section === steps[step.index - 1]!.section), 'a chart staying in view among them').to.equal(true);
    for (const step of later) {
      const drawn = await drawing(page, step);
      expect(drawn.transitionMs, `${step.id}: no transition scheduled`).to.equal(0);
      expect(drawn.pictures, `${step.id}: drawn at once`).to.be.at.most(2);
    }

    // The next visit starts off.
    page.close();
    page = await reopen();
    expect(headerSwitch(page).getAttribute('aria-checked')).to.equal('false');
    expect(page.document.documentElement.getAttribute('data-fl-motion')).to.equal('off');
  });

  it('on: a chart coming back into view shows its step\u2019s state at once, under its fade-in, not a replay of the change', async function () {
    this.timeout(30_000);
    page = await openReader({ motion: 'on' });
    const steps = page.story.steps;
    // A step whose chart another chart replaced the step before, and which that chart showed earlier in another state.
    const back = steps.find(
      (step, i) =>
        i > 1 &&
        steps[i - 1]!.chart !== step.chart &&
        steps.slice(0, i - 1).some((earlier) => earlier.section === step.section && earlier.chart === step.chart && JSON.stringify(earlier.state) !== JSON.stringify(step.state)),
    )!;
    expect(back, 'the story has such a step').to.exist;
    const earlier = steps.slice(0, back.index - 1).findLast((step) => step.section === back.section && step.chart === back.chart)!;
    for (const step of [earlier, steps[back.index - 1]!]) {
      goToStep(page, step.id);
      await untilChartShows(page, step);
    }
    const drawn = await drawing(page, back);
    expect(drawn.transitionMs, `${back.id}: no transition from ${earlier.id}'s state`).to.equal(0);
    expect(drawn.pictures, `${back.id}: drawn at once`).to.be.at.most(2);
  });

  it('on: a chart taken out of view in the middle of a move ends it at once, in its last picture', async function () {
    this.timeout(30_000);
    page = await openReader({ motion: 'on' });
    const steps = page.story.steps;
    // A step that moves its chart (the step before shows the same chart in another state), and a next step, in the
    // same section, that brings another chart in; and not the moving chart again in the step after that, which the
    // page would draw ahead of need while the chart is hidden.
    const moving = steps.find(
      (step, i) =>
        i > 0 &&
        steps[i - 1]!.chart === step.chart &&
        steps[i - 1]!.section === step.section &&
        JSON.stringify(steps[i - 1]!.state) !== JSON.stringify(step.state) &&
        steps[i + 1]?.section === step.section &&
        steps[i + 1]!.chart !== step.chart &&
        steps[i + 2]?.chart !== step.chart,
    )!;
    expect(moving, 'the story has such a step').to.exist;
    const next = steps[moving.index + 1]!;
    goToStep(page, steps[moving.index - 1]!.id);
    await untilChartShows(page, steps[moving.index - 1]!);
    // Past any move the chart was making: a change that comes while one is under way is drawn at once.
    await new Promise((resolve) => setTimeout(resolve, TRANSITION_MS + 300));
    const chart = page.document.getElementById(moving.section)!.querySelector(moving.tag)!;
    const svg = chart.shadowRoot!.querySelector('svg')!;
    goToStep(page, moving.id);
    await untilChartShows(page, moving);
    expect(scheduledTransitionMs(svg), `${moving.id}: the chart moves to its state`).to.be.greaterThan(0);
    goToStep(page, next.id);
    await untilChartShows(page, next);
    await frames(2);
    expect(scheduledTransitionMs(svg), `${moving.id}'s chart, out of view: no move left`).to.equal(0);
    const left = svg.innerHTML;
    await new Promise((resolve) => setTimeout(resolve, TRANSITION_MS + 200));
    expect(svg.innerHTML === left, `${moving.id}'s chart: the picture it was left in is its last`).to.equal(true);
  });

  it('is in presentation mode\'s toolbar too, and both switches agree', async () => {
    forgetVisits();
    localStorage.setItem(MOTION_STORAGE_KEY, 'on');
    page = await openPresentation();
    const toolbarSwitch = page.document.querySelector<HTMLButtonElement>('.fl-present-controls .fl-motion-switch')!;
    expect(toolbarSwitch, 'a switch in the toolbar').to.exist;
    expect(onScreen(page, toolbarSwitch), 'shown while presenting').to.equal(true);
    expect(onScreen(page, headerSwitch(page)), 'the header\'s is not on the title slide').to.equal(false);
    toolbarSwitch.click();
    expect(toolbarSwitch.getAttribute('aria-checked')).to.equal('false');
    expect(headerSwitch(page).getAttribute('aria-checked')).to.equal('false');
    expect(localStorage.getItem(MOTION_STORAGE_KEY)).to.equal('off');
    // A click on the toolbar's switch is not a click on the slide: the slide stays.
    await frames(2);
    expect(page.document.querySelector('.fl-present-counter')!.textContent).to.equal(`1 / ${page.story.steps.length + 1}`);
    expect(describeViolations(await runAxe(page.window, page.document))).to.equal('');
  });
});

/** Reopens the story keeping storage as the last visit left it. */
function reopen(): Promise<StoryPage> {
  return openStory('', DESKTOP);
}

describe('Previous step / Next step', () => {
  it('steps through the whole story, scrolling each step into place and moving focus to its text', async function () {
    this.timeout(60_000);
    page = await openReader({ motion: 'off' });
    const steps = page.story.steps;
    expect(previousButton(page).getAttribute('aria-disabled')).to.equal('true');
    for (const step of steps) {
      nextButton(page).click();
      await until(() => activeStepId(page!) === step.id, `${step.id} to be active`);
      const text = page.document.getElementById(step.id)!.querySelector('.step-card')!;
      expect(focused(page), `focus on ${step.id}'s text`).to.equal(text);
      expect(text.getAttribute('aria-label')).to.equal(`Step ${step.index + 1} of ${steps.length}`);
      expect(onScreen(page, text), `${step.id} on screen`).to.equal(true);
      await untilChartShows(page, step);
    }
    expect(nextButton(page).getAttribute('aria-disabled')).to.equal('true');
    // Scrolling settles where the buttons put it: the engine agrees on the step.
    await settle(page);
    expect(activeStepId(page)).to.equal(steps.at(-1)!.id);
    for (const step of steps.slice(-4, -1).reverse()) {
      previousButton(page).click();
      await until(() => activeStepId(page!) === step.id, `back to ${step.id}`);
      expect(focused(page)).to.equal(page.document.getElementById(step.id)!.querySelector('.step-card'));
    }
  });

  it('is out of sight until it has keyboard focus on a desktop, and beside the pinned graphic on a phone', async function () {
    this.timeout(90_000);
    page = await openReader();
    expect(page.document.querySelector('.fl-step-nav')!.getBoundingClientRect().width, 'hidden at rest').to.be.at.most(1);
    nextButton(page).focus();
    // The control, not only its buttons (a clipped box keeps its children's boxes), is on screen.
    expect(onScreen(page, page.document.querySelector('.fl-step-nav')!), 'shown with focus').to.equal(true);
    expect(onScreen(page, previousButton(page))).to.equal(true);
    page.close();

    page = await openReader({ viewport: PHONE, motion: 'off' });
    nextButton(page).click();
    nextButton(page).blur();
    await until(() => onScreen(page!, page!.document.querySelector('.fl-step-nav')!), 'the control beside the pinned graphic');
    // At every step, on a phone and at 320 px: inside the pinned graphic, and over none of its chart's controls.
    for (const width of [PHONE.width, 320]) {
      if (width !== PHONE.width) {
        page.close();
        page = await openReader({ viewport: { width, height: 640 }, motion: 'off' });
      }
      for (const step of page.story.steps) {
        nextButton(page).click();
        await untilChartShows(page, step);
        const graphic = page.document.querySelector('.scrolly-graphic')!.getBoundingClientRect();
        const wrapper = page.document.querySelector(`.scrolly-chart[data-chart="${step.chart}"]`)!;
        const chart = wrapper.querySelector(step.tag)!;
        const others = [wrapper.querySelector('.fl-embed-button')!.getBoundingClientRect(), chart.shadowRoot!.querySelector('summary')!.getBoundingClientRect()];
        for (const button of [nextButton(page), previousButton(page)]) {
          const box = button.getBoundingClientRect();
          expect(box.bottom, `${step.id}: within the pinned graphic`).to.be.at.most(graphic.bottom + 1);
          expect(box.left >= 0 && box.right <= width, `${step.id}: within ${width} px`).to.equal(true);
          for (const other of others) {
            const overlap = box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom;
            expect(overlap, `${step.id} at ${width} px: ${button.textContent} clear of the chart's controls`).to.equal(false);
          }
        }
      }
    }
  });

  it('a skip link at the start of the steps goes past them, focus and all', async () => {
    page = await openReader();
    const link = page.document.querySelector<HTMLAnchorElement>('fl-scrolly > .fl-skip-section')!;
    expect(link.textContent).to.equal(`Skip past these ${page.story.steps.length} steps`);
    link.focus();
    expect(onScreen(page, link), 'shown with focus').to.equal(true);
    link.click();
    await frames(3);
    const target = page.document.getElementById(link.hash.slice(1))!;
    expect(page.document.activeElement).to.equal(target);
    expect(target.closest('fl-scrolly')).to.equal(null);
    expect(onScreen(page, target)).to.equal(true);
  });

  it('scroll mode takes no keys but the README\'s (p, s) and Tab where the reading order needs it', async () => {
    page = await openReader();
    const nav = nextButton(page);
    nav.click();
    await frames(2);
    const keys = ['ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowLeft', 'PageDown', 'PageUp', ' ', 'Home', 'End', 'Enter', 'Backspace', 'n', 'j', 'k', 'Escape', 'f', '1'];
    for (const key of keys) {
      const event = press(page, key);
      expect(event.defaultPrevented, `${key} keeps its default`).to.equal(false);
    }
  });
});

describe('Tab in reading order', () => {
  it('reaches every step\'s text, then the "Show the data" and Embed of the chart it shows, then the next step', async function () {
    this.timeout(180_000);
    page = await openReader({ motion: 'off' });
    const steps = page.story.steps;
    page.document.querySelector<HTMLAnchorElement>('.story-header .original a')!.focus();
    const stops: string[] = [];
    for (let i = 0; i < 400; i++) {
      await sendKeys({ press: 'Tab' });
      await frames(2);
      const name = stopName(page);
      stops.push(name);
      if (name.startsWith('text:')) await untilChartShows(page, steps.find((step) => step.id === name.slice(5))!);
      if (name.startsWith('after:') || name === 'body') break;
    }
    // The header's switch, then the section's skip link and step control.
    expect(stops.slice(0, 4)).to.deep.equal(['motion', 'skip', 'nav:Previous step', 'nav:Next step']);
    const expected: string[] = [];
    for (const step of steps) {
      expected.push(`text:${step.id}`);
      const links = page.document.getElementById(step.id)!.querySelectorAll('.step-card a[href]').length;
      for (let l = 0; l < links; l++) expected.push(`link:${step.id}`);
      expected.push(`data:${step.tag}@${step.id}`, `embed:${step.chart}@${step.id}`);
    }
    expect(stops.slice(4, 4 + expected.length)).to.deep.equal(expected);
    expect(stops[4 + expected.length], 'then what follows the steps').to.match(/^after:/);
  });

  it('Shift+Tab goes back the same way', async function () {
    this.timeout(60_000);
    page = await openReader({ motion: 'off' });
    const steps = page.story.steps;
    // Start at a step whose chart differs from the step before it.
    const start = steps.find((step, i) => i > 2 && steps[i - 1]!.chart !== step.chart && !page!.document.getElementById(steps[i - 1]!.id)!.querySelector('a[href]'))!;
    const before = steps[start.index - 1]!;
    for (let i = 0; i <= start.index; i++) nextButton(page).click();
    await until(() => activeStepId(page!) === start.id, `${start.id} active`);
    await untilChartShows(page, start);
    const stops: string[] = [];
    for (let i = 0; i < 4; i++) {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await frames(3);
      const name = stopName(page);
      stops.push(name);
      if (name === `text:${start.id}`) continue;
      if (name.startsWith('embed:')) await untilChartShows(page, before);
    }
    expect(stops).to.deep.equal([`embed:${before.chart}@${before.id}`, `data:${before.tag}@${before.id}`, `text:${before.id}`, `embed:${steps[before.index - 1]!.chart}@${steps[before.index - 1]!.id}`]);
  });
});

describe('the offer to continue', () => {
  it('offers the step a returning reader last reached, and jumps only when asked', async () => {
    page = await openReader({ lastStep: 'kstovo-strike' });
    const step = page.story.steps.find((candidate) => candidate.id === 'kstovo-strike')!;
    const go = page.document.querySelector<HTMLButtonElement>('.fl-continue-go')!;
    expect(go, 'an offer').to.exist;
    expect(go.textContent).to.match(new RegExp(`^Continue from step ${step.index + 1} of ${page.story.steps.length}: \u201c.+\u2026\u201d$`));
    expect(page.window.scrollY, 'no jump').to.equal(0);
    expect(activeStepId(page)).to.equal(null);
    expect(onScreen(page, go)).to.equal(true);
    expect(describeViolations(await runAxe(page.window, page.document))).to.equal('');
    go.click();
    await until(() => activeStepId(page!) === step.id, 'the step to be active');
    expect(focused(page)).to.equal(page.document.getElementById(step.id)!.querySelector('.step-card'));
    expect(page.document.querySelector('.fl-continue'), 'the offer goes').to.equal(null);
  });

  it('a link to a step wins: no offer, the story opens there', async () => {
    page = await openReader({ lastStep: 'kstovo-strike', hash: '#karabakh' });
    expect(page.document.querySelector('.fl-continue')).to.equal(null);
    await until(() => activeStepId(page!) === 'karabakh', 'the linked step');
  });

  it('remembers the step reached, and makes no offer for the first step', async () => {
    page = await openReader({ motion: 'off' });
    expect(page.document.querySelector('.fl-continue'), 'a first visit').to.equal(null);
    for (let i = 0; i < 5; i++) nextButton(page).click();
    await until(() => localStorage.getItem(LAST_STEP_STORAGE_KEY) === page!.story.steps[4]!.id, 'the step kept');
    page.close();
    localStorage.setItem(LAST_STEP_STORAGE_KEY, 'six-more-years');
    page = await reopen();
    expect(page.document.querySelector('.fl-continue')).to.equal(null);
  });

  it('"Start from the beginning" dismisses it', async () => {
    page = await openReader({ lastStep: 'syria' });
    page.document.querySelector<HTMLButtonElement>('.fl-continue-dismiss')!.click();
    expect(page.document.querySelector('.fl-continue')).to.equal(null);
    expect(page.document.activeElement).to.equal(page.document.getElementById('story-title'));
    expect(page.window.scrollY).to.be.below(page.window.innerHeight);
  });
});

describe('axe with the reader\'s controls', () => {
  for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`finds nothing (${name}, ${scheme}) with the step control in use and the chart's data open`, async () => {
        page = await openReader({ viewport, motion: 'off', lastStep: 'syria' });
        page.document.documentElement.style.colorScheme = scheme;
        for (let i = 0; i < 3; i++) nextButton(page).click();
        const step = page.story.steps[2]!;
        await untilChartShows(page, step);
        nextButton(page).focus();
        const chart = page.document.querySelector(step.tag)!;
        chart.shadowRoot!.querySelector('details')!.open = true;
        await frames(3);
        expect(describeViolations(await runAxe(page.window, page.document))).to.equal('');
      });
    }
  }
});
