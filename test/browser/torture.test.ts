/**
 * Scroll torture on the built story: random jumps, flings, scrolling during a transition, resizes and an
 * orientation change mid-transition, a reload at a random step, and 200% zoom. After things settle every chart
 * must show exactly what a calm arrival at the same step shows: the same attributes and the same drawn marks.
 */
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import { DESKTOP, PHONE, activeStepId, chartFor, chartState, expectedState, openStory, scrollToStep, settle, type StoryPage } from './story-page.ts';
import { frames, settled, until } from './helpers.ts';

/** The state a chart element has been given (its `chartState`), as its `data-drawn` names it once drawn. */
const chartStateOf = (chart: Element) => (chart as Element & { chartState?: unknown }).chartState;

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SEED = Number(new URLSearchParams(location.search).get('seed') ?? 20240322);

/** The drawn marks of a chart, with every number rounded: what a reader sees, not how it got there. */
function marks(page: StoryPage, tag: string): string[] {
  const svg = page.document.querySelector(tag)?.shadowRoot?.querySelector('svg');
  if (!svg) return [];
  const round = (value: string) => value.replace(/-?\d+\.?\d*(e-?\d+)?/g, (n) => String(Math.round(Number(n)))).replace(/,\s+/g, ',');
  return [...svg.querySelectorAll('*')]
    // What is faded out is not seen, whatever text it still holds.
    .filter((element) => !element.closest('[opacity="0"]'))
    .map((element) => {
      const attributes = ['class', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'width', 'height', 'd', 'transform', 'opacity']
        .map((name) => element.getAttribute(name))
        .filter((value) => value !== null)
        .map((value) => round(value!));
      const text = element.children.length === 0 ? (element.textContent ?? '').trim() : '';
      return `${element.tagName} ${attributes.join(' ')} ${text}`;
    });
}

/** Waits until the active chart's picture is final (its `settled` promise), and returns its marks. */
async function still(page: StoryPage, tag: string): Promise<string[]> {
  // A map draws its places first and its country shapes when they arrive: wait for them either way.
  const chart = page.document.querySelector(tag) as (Element & { geographyStatus?: string }) | null;
  await until(() => !['waiting', 'loading'].includes(String(chart?.geographyStatus)), `<${tag}>'s geography`, 10_000);
  if (!chart) return [];
  // Anything still on its way (a resize seen in the next frame) starts a new picture, with a new promise:
  // settled again until two frames pass with none.
  const promise = () => (chart as unknown as { settled: Promise<void> }).settled;
  for (let picture = 0; picture < 10; picture++) {
    const current = promise();
    await settled(chart, 10_000);
    await frames(2);
    if (promise() === current) break;
  }
  return marks(page, tag);
}

async function calmArrival(id: string, viewport: { width: number; height: number }): Promise<{ state: Record<string, string>; marks: string[] }> {
  const page = await openStory('', viewport);
  try {
    const index = page.story.steps.findIndex((step) => step.id === id);
    // Slowly, from a few steps before.
    for (const step of page.story.steps.slice(Math.max(0, index - 3), index + 1)) {
      await scrollToStep(page, step.id, 6);
    }
    await until(() => activeStepId(page) === id, `${id} after a slow scroll`);
    const step = page.story.steps[index]!;
    return { state: chartState(page, step), marks: await still(page, step.tag) };
  } finally {
    page.close();
  }
}

async function expectSettledOn(page: StoryPage, viewport: { width: number; height: number }): Promise<void> {
  await settle(page);
  const id = activeStepId(page);
  expect(id, 'a step is active').to.not.equal(null);
  const step = page.story.steps.find((s) => s.id === id)!;
  expect(page.window.location.hash).to.equal(`#${id}`);
  expect(chartState(page, step)).to.deep.equal(expectedState(page, step));
  expect(chartFor(page, step).closest('.scrolly-chart')!.hasAttribute('data-active')).to.equal(true);
  const drawn = await still(page, step.tag);
  const calm = await calmArrival(step.id, viewport);
  expect(drawn, `marks of ${step.tag} at ${step.id}`).to.deep.equal(calm.marks);
  // Scrollama re-creates a step's ResizeObserver inside that observer's own callback when a step changes height
  // (src/entry.js, resizeStep), which browsers report as a benign "ResizeObserver loop" notice; any other error fails.
  expect(page.errors.filter((error) => !error.startsWith('ResizeObserver loop'))).to.deep.equal([]);
}

let page: StoryPage | undefined;
afterEach(() => {
  page?.close();
  page = undefined;
});
after(() => setViewport({ width: 800, height: 600 }));

describe(`scroll torture (seed ${SEED})`, function () {
  this.timeout(180_000);

  it('random jumps, then a fling, end in the state of the step under the trigger line', async () => {
    const next = random(SEED);
    page = await openStory('', DESKTOP);
    const steps = page.story.steps;
    for (let i = 0; i < 12; i++) {
      const step = steps[Math.floor(next() * steps.length)]!;
      await scrollToStep(page, step.id, 1 + Math.floor(next() * 3));
    }
    // A fling: many positions, one frame each.
    const win = page.window;
    for (let y = win.scrollY; y > 0; y -= 900) {
      win.scrollTo({ top: y, behavior: 'instant' });
      await frames(1);
    }
    await scrollToStep(page, steps[Math.floor(next() * steps.length)]!.id, 1);
    await expectSettledOn(page, DESKTOP);
  });

  it('a chart flung past its steps draws nothing until the scroll slows, then the step it stopped at', async () => {
    page = await openStory('', PHONE);
    const steps = page.story.steps;
    // The longest run of steps one chart shows, each in a state of its own: a fling through them.
    let run: typeof steps = [];
    for (let i = 0; i < steps.length; i++) {
      let j = i;
      while (j + 1 < steps.length && steps[j + 1]!.chart === steps[i]!.chart && steps[j + 1]!.section === steps[i]!.section) j++;
      if (j - i + 1 > run.length) run = steps.slice(i, j + 1);
    }
    expect(run.length, 'a run of steps with one chart').to.be.at.least(3);
    const [first, last] = [run[0]!, run.at(-1)!];
    await scrollToStep(page, first.id);
    await settle(page);
    const chart = chartFor(page, first);
    await until(() => chart.getAttribute('data-drawn') === JSON.stringify(chartStateOf(chart)), 'the first step drawn', 5_000);
    const drawnBefore = chart.getAttribute('data-drawn');
    // Flung at 6 px a ms (100 px a frame), as a finger lets go, from the first step's place to the last's: the
    // distance follows the clock, whatever the frame rate.
    const win = page.window;
    const from = win.scrollY;
    const target = page.document.getElementById(last.id)!.getBoundingClientRect().top + win.scrollY - win.innerHeight * 0.3;
    page.events.length = 0;
    const drawnWhileFlung = new Set<string | null>();
    const start = performance.now();
    while (win.scrollY < target - 1) {
      await frames(1);
      win.scrollTo({ top: Math.min(target, from + 6 * (performance.now() - start)), behavior: 'instant' });
      drawnWhileFlung.add(chart.getAttribute('data-drawn'));
    }
    // Still moving fast there for a while (60 px either way each frame, within the last step): a machine whose
    // frames are slow may have reported the last step change only as the fling arrived, and a chart that did not
    // wait would draw it now.
    const shaking = performance.now();
    for (let i = 0; performance.now() - shaking < 400; i++) {
      win.scrollTo({ top: target + (i % 2 ? 60 : -60), behavior: 'instant' });
      await frames(1);
      drawnWhileFlung.add(chart.getAttribute('data-drawn'));
    }
    win.scrollTo({ top: target, behavior: 'instant' });
    expect(page.events.at(-1)?.id, 'the step the fling stopped at').to.equal(last.id);
    expect([...drawnWhileFlung], 'what the chart drew while flung').to.deep.equal([drawnBefore]);
    // Once the page is still, the chart shows where it stopped (drawn once the scroll is seen to have slowed).
    await settle(page);
    await expectSettledOn(page, PHONE);
    await until(() => chart.getAttribute('data-drawn') === JSON.stringify(chartStateOf(chart)), `${last.id} drawn once the page is still`, 3_000);
    expect(chart.getAttribute('data-drawn')).not.to.equal(drawnBefore);
  });

  it('scrolling on during a transition lands on the last step', async () => {
    page = await openStory('', DESKTOP);
    const casualty = page.story.steps.filter((s) => s.chart === 'casualties');
    await scrollToStep(page, casualty[0]!.id);
    // Each of these starts a transition the next interrupts.
    for (const step of [casualty[2]!, casualty[1]!, casualty[2]!]) await scrollToStep(page, step.id, 2);
    await expectSettledOn(page, DESKTOP);
  });

  it('a resize and an orientation change mid-transition leave the right picture', async () => {
    page = await openStory('', PHONE);
    const next = random(SEED + 1);
    const steps = page.story.steps;
    await scrollToStep(page, steps[Math.floor(next() * steps.length)]!.id, 2);
    await setViewport({ width: 600, height: 900 });
    await scrollToStep(page, steps[Math.floor(next() * steps.length)]!.id, 2);
    await setViewport({ width: PHONE.height, height: PHONE.width }); // landscape
    await frames(2);
    await setViewport(PHONE); // and back to portrait
    await expectSettledOn(page, PHONE);
  });

  it('a reload at a random step shows that step', async () => {
    const next = random(SEED + 2);
    page = await openStory('', DESKTOP);
    const step = page.story.steps[Math.floor(next() * page.story.steps.length)]!;
    page.close();
    page = await openStory(`#${step.id}`, DESKTOP);
    await until(() => activeStepId(page!) === step.id, `${step.id} after reload`);
    await expectSettledOn(page, DESKTOP);
  });

  it('at 200% zoom (half the CSS viewport) the story still follows the steps', async () => {
    const zoomed = { width: DESKTOP.width / 2, height: DESKTOP.height / 2 };
    page = await openStory('', zoomed);
    const next = random(SEED + 3);
    for (let i = 0; i < 5; i++) await scrollToStep(page, page.story.steps[Math.floor(next() * page.story.steps.length)]!.id, 2);
    expect(page.document.documentElement.scrollWidth).to.be.at.most(page.document.documentElement.clientWidth);
    await expectSettledOn(page, zoomed);
  });
});
