/**
 * The story as a reader meets it: the built page, scrolled in a real browser.
 */
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import { DESKTOP, PHONE, activeStepId, chartFor, chartState, expectedState, goToStep, openStory, scrollToStep, settle, type StoryPage } from './story-page.ts';
import { drawn, frames, until } from './helpers.ts';
import { focused } from './reader-helpers.ts';
import { readSeed } from './seed.ts';
import type { StoryStep } from '../../src/types/story.ts';

let page: StoryPage | undefined;
afterEach(() => {
  page?.close();
  page = undefined;
});
after(() => setViewport({ width: 800, height: 600 }));

/** The article's paragraphs, as the seed has them, less the republishing blog's title and footer. */
async function seedParagraphs(): Promise<string[]> {
  return (await readSeed()).paragraphs;
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the built page, without JavaScript', () => {
  it('contains every paragraph of the article, verbatim and in order', async () => {
    const html = await (await fetch('/dist/index.html')).text();
    // DOMParser runs no scripts: this is what a reader with JavaScript off, a printer or a crawler gets.
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const text = normalise(doc.querySelector('main')!.textContent ?? '');
    let from = 0;
    for (const paragraph of await seedParagraphs()) {
      const at = text.indexOf(paragraph, from);
      expect(at, `missing or out of order: "${paragraph.slice(0, 60)}..."`).to.be.greaterThan(-1);
      from = at + paragraph.length;
    }
  });

  it('sets as quotations only the passages that say who reported them', async () => {
    const doc = new DOMParser().parseFromString(await (await fetch('/dist/index.html')).text(), 'text/html');
    const quotes = [...doc.querySelectorAll('blockquote')].map((q) => normalise(q.textContent ?? ''));
    expect(quotes.some((q) => q.startsWith('At least 40 people were killed'))).to.equal(true);
    expect(quotes.some((q) => q.startsWith('One Ukrainian drone struck'))).to.equal(true);
    expect(quotes.some((q) => q.startsWith('Just Putin secured'))).to.equal(false);
    // These name no reporter: the article does not mark them as quotations, and neither does the page.
    for (const start of ['The Kremlin hasn\u2019t blamed anyone', 'ISIS has claimed responsibility', 'Part of Russian President', 'The rapidly growing threat']) {
      expect(quotes.some((q) => q.startsWith(start)), start).to.equal(false);
    }
    const attribution = /\b(reported|reports|said|according to|quoted)\b/;
    for (const quote of quotes) expect(attribution.test(quote), quote.slice(0, 60)).to.equal(true);
  });

  it('prints neither the republishing blog\u2019s title nor its footer, labels the piece as opinion and credits the original', async () => {
    const seed = await readSeed();
    const doc = new DOMParser().parseFromString(await (await fetch('/dist/index.html')).text(), 'text/html');
    const article = normalise(doc.querySelector('article')!.textContent ?? '');
    expect(article).not.to.contain(seed.blogTitle);
    for (const line of seed.blogFooter) expect(normalise(doc.body.textContent ?? '')).not.to.contain(line.replace(/^<|>$/g, ''));
    expect(doc.documentElement.innerHTML).not.to.contain('utm');
    expect(normalise(doc.querySelector('.kicker')!.textContent ?? '')).to.equal('Opinion');
    const credits = doc.querySelector('.site-footer .credits')!;
    expect(credits.querySelector('a')!.getAttribute('href')).to.match(/^https:\/\/[^?#]+$/);
    expect(normalise(credits.textContent ?? '')).to.contain(`republished it under the title \u201c${seed.blogTitle}\u201d`);
    const about = doc.querySelector('section.about')!;
    expect(normalise(about.querySelector('h2')!.textContent ?? '')).to.equal('About this presentation');
    expect(about.querySelectorAll('.about-sources li').length).to.be.greaterThan(3);
  });
});

describe('scrolling the story', () => {
  it('fires fl-step-change once per step, in order, and each chart shows its step\u2019s state', async function () {
    this.timeout(180_000);
    page = await openStory();
    const seen: { id: string; direction: string; matches: boolean }[] = [];
    page.document.addEventListener('fl-step-change', (event) => {
      const { index, id, direction } = (event as CustomEvent).detail;
      const step = page!.story.steps[index]!;
      const matches = JSON.stringify(chartState(page!, step)) === JSON.stringify(expectedState(page!, step));
      seen.push({ id, direction, matches });
    });
    // A slow read: a quarter of a screen at a time, letting the observers see every position.
    const win = page.window;
    const end = page.document.documentElement.scrollHeight - win.innerHeight;
    for (let y = 0; y <= end; y += Math.round(win.innerHeight / 4)) {
      win.scrollTo({ top: y, behavior: 'instant' });
      await frames(3);
    }
    win.scrollTo({ top: end, behavior: 'instant' });
    await frames(4);
    expect(seen.map((s) => s.id)).to.deep.equal(page.story.steps.map((s) => s.id));
    expect(seen.every((s) => s.direction === 'down')).to.equal(true);
    expect(seen.filter((s) => !s.matches).map((s) => s.id)).to.deep.equal([]);
  });

  it('sets the casualty chart\u2019s view to the active step\u2019s, scrolling down and back up', async () => {
    page = await openStory();
    const steps = page.story.steps.filter((s) => s.chart === 'casualties');
    expect(steps.length).to.be.greaterThan(2);
    for (const step of [...steps, ...[...steps].reverse()]) {
      await scrollToStep(page, step.id);
      await until(() => activeStepId(page!) === step.id, `step ${step.id} to be active`);
      expect(chartFor(page, step).getAttribute('view')).to.equal(step.state.view);
      const wrapper = chartFor(page, step).closest('.scrolly-chart')!;
      expect(wrapper.hasAttribute('data-active'), `${step.chart} shown for ${step.id}`).to.equal(true);
    }
  });

  it('keeps the charts behind the active one out of a screen reader\u2019s and the keyboard\u2019s way, and the active one on top', async () => {
    page = await openStory();
    // The middle chart of the first section's three: the one after it in the page would be on top, were the
    // active chart not raised.
    const step = page.story.steps.find((s) => s.chart === 'casualties')!;
    goToStep(page, step.id);
    await until(() => activeStepId(page!) === step.id, `${step.id} to be active`);
    const wrappers = [...page.document.getElementById(step.section)!.querySelectorAll<HTMLElement>('.scrolly-chart')];
    expect(wrappers.length).to.be.greaterThan(2);
    await until(() => wrappers.every((wrapper) => wrapper.querySelector(':scope > .fl-embed-button')), 'the Embed buttons');
    await drawn(chartFor(page, step));
    const chartIn = (wrapper: HTMLElement) => wrapper.querySelector<HTMLElement>(page!.story.charts[wrapper.dataset.chart!]!.tag)!;
    await until(() => wrappers.every((wrapper) => chartIn(wrapper).shadowRoot?.querySelector('summary')), 'every chart of the section to render');
    const doc = page.document;
    const focusable = (element: HTMLElement) => {
      element.focus();
      const takes = focused(page!) === element;
      element.blur();
      return takes;
    };
    for (const wrapper of wrappers) {
      const active = wrapper.dataset.chart === step.chart;
      const name = `${wrapper.dataset.chart} (${active ? 'active' : 'hidden'})`;
      const summary = chartIn(wrapper).shadowRoot!.querySelector<HTMLElement>('summary')!;
      const button = wrapper.querySelector<HTMLElement>(':scope > .fl-embed-button')!;
      expect(wrapper.getAttribute('aria-hidden'), name).to.equal(active ? null : 'true');
      expect(focusable(button), `${name}: Embed takes focus`).to.equal(active);
      expect(focusable(summary), `${name}: "Show the data" takes focus`).to.equal(active);
      if (!active) continue;
      const box = button.getBoundingClientRect();
      const hit = doc.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      // Compared as a boolean: a failing comparison of two elements of another window prints their whole graph.
      expect(hit?.closest('.fl-embed-button') === button, `a click on Embed reaches it, not ${hit?.outerHTML.slice(0, 60)}`).to.equal(true);
    }
  });

  it('keeps the URL hash on the active step without adding history entries', async () => {
    page = await openStory();
    const before = page.window.history.length;
    const steps = page.story.steps.slice(0, 5);
    for (const step of steps) {
      await scrollToStep(page, step.id);
      await until(() => page!.window.location.hash === `#${step.id}`, `the hash to name ${step.id}`);
    }
    expect(page.window.history.length).to.equal(before);
  });

  it('shows a reading-progress bar that grows as the reader goes', async () => {
    page = await openStory();
    const bar = page.document.querySelector<HTMLElement>('.reading-progress-bar')!;
    const width = () => bar.getBoundingClientRect().width;
    const start = width();
    page.window.scrollTo({ top: page.document.documentElement.scrollHeight / 2, behavior: 'instant' });
    await frames(3);
    const middle = width();
    expect(middle).to.be.greaterThan(start);
    expect(middle).to.be.closeTo(page.window.innerWidth / 2, page.window.innerWidth * 0.1);
  });
});

describe('the charts\u2019 code', () => {
  it('is fetched for every chart once the page is idle, with the map\u2019s geography, and a chart is defined only when its steps come near', async () => {
    // On a phone the map's steps start well below the first screens: only the idle fetch brings its code early.
    page = await openStory('', PHONE);
    const win = page.window;
    const mapFetched = () => win.performance.getEntriesByType('resource').some((entry) => /\/distance-map-[\w-]+\.js$/.test(entry.name));
    await until(mapFetched, 'the map\u2019s code to be fetched before the reader scrolls', 10_000);
    // ...and its geography, so that the map's first picture has its countries at once.
    const geographyFetched = () => win.performance.getEntriesByType('resource').some((entry) => /\/region\.topo-[\w-]+\.json$/.test(entry.name));
    await until(geographyFetched, 'the map\u2019s geography to be fetched before the reader scrolls', 10_000);
    expect(win.scrollY).to.equal(0);
    expect(Boolean(win.customElements.get('fl-distance-map')), 'the map is not defined while its steps are far off').to.equal(false);
    const step = page.story.steps.find((candidate) => candidate.tag === 'fl-distance-map')!;
    await scrollToStep(page, step.id);
    await until(() => Boolean(win.customElements.get('fl-distance-map')), 'the map to be defined once its step is near');
    await drawn(chartFor(page, step), 8000);
  });
});

describe('state, not events', () => {
  it('opens /#<id> at that step with its chart state (first, middle, compare view, last)', async () => {
    page = await openStory();
    const steps = page.story.steps;
    page.close();
    for (const step of [steps[0]!, steps[Math.floor(steps.length / 2)]!, steps.find((s) => s.chart === 'casualties' && s.state.view === 'compare')!, steps[steps.length - 1]!]) {
      page = await openStory(`#${step.id}`);
      await until(() => activeStepId(page!) === step.id, `${step.id} to be active on load`);
      expect(chartState(page, step)).to.deep.equal(expectedState(page, step));
      const box = page.document.getElementById(step.id)!.getBoundingClientRect();
      expect(box.top, 'the step is at the trigger line').to.be.below(page.window.innerHeight * 0.5);
      expect(box.bottom).to.be.above(page.window.innerHeight * 0.5);
      await settle(page);
      expect(activeStepId(page)).to.equal(step.id);
      expect(page.window.location.hash).to.equal(`#${step.id}`);
      page.close();
    }
    page = undefined;
  });

  it('a jump to the end and back leaves the first and last steps\u2019 states', async () => {
    page = await openStory();
    const steps = page.story.steps;
    const first = steps[0]!;
    const last = steps[steps.length - 1]!;
    page.window.scrollTo({ top: page.document.documentElement.scrollHeight, behavior: 'instant' });
    await settle(page);
    await until(() => activeStepId(page!) === last.id, 'the last step after a jump to the end');
    expect(chartState(page, last)).to.deep.equal(expectedState(page, last));
    await scrollToStep(page, first.id);
    await settle(page);
    await until(() => activeStepId(page!) === first.id, 'the first step after a jump back');
    expect(chartState(page, first)).to.deep.equal(expectedState(page, first));
    expect(chartFor(page, first).closest('.scrolly-chart')!.hasAttribute('data-active')).to.equal(true);
  });

  it('a fast fling through many steps ends on the step under the trigger line', async () => {
    page = await openStory();
    const target = page.story.steps[Math.floor(page.story.steps.length * 0.7)]!;
    for (const step of page.story.steps.slice(0, 6)) {
      await scrollToStep(page, step.id, 1);
    }
    await scrollToStep(page, target.id, 1);
    await settle(page);
    await until(() => activeStepId(page!) === target.id, `${target.id} after the fling`);
    expect(chartState(page, target)).to.deep.equal(expectedState(page, target));
  });
});

describe('on a phone', () => {
  it('pins the graphic at the top and scrolls the step cards over it', async () => {
    page = await openStory('', PHONE);
    const step = page.story.steps[3]!;
    await scrollToStep(page, step.id);
    await until(() => activeStepId(page!) === step.id, 'a step on a phone');
    const graphic = page.document.querySelector('.scrolly-graphic')!.getBoundingClientRect();
    expect(graphic.top).to.equal(0);
    const viewportWidth = page.document.documentElement.clientWidth; // less a scrollbar, where the browser shows one
    expect(graphic.width).to.equal(viewportWidth);
    expect(graphic.height).to.be.closeTo(PHONE.height * 0.58, 2);
    const card = page.document.querySelector(`#${step.id} .step-card`)!.getBoundingClientRect();
    expect(card.left).to.be.at.least(0);
    expect(card.right).to.be.at.most(viewportWidth);
    expect(page.document.documentElement.scrollWidth, 'no sideways scrolling').to.equal(viewportWidth);
  });
});

describe('desktop layout', () => {
  it('keeps the graphic sticky beside the steps', async () => {
    page = await openStory('', DESKTOP);
    const step = page.story.steps[5]!;
    await scrollToStep(page, step.id);
    const graphic = page.document.querySelector('.scrolly-graphic')!.getBoundingClientRect();
    const card = page.document.querySelector(`#${step.id} .step-card`)!.getBoundingClientRect();
    expect(graphic.top).to.equal(0);
    expect(graphic.height).to.equal(DESKTOP.height);
    expect(card.right).to.be.at.most(graphic.left);
  });
});

describe('the plot through a section\u2019s steps', () => {
  for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE], ['narrow desktop', { width: 900, height: 800 }]] as const) {
    it(`keeps each chart's plot one size, whatever its caption says (${name})`, async function () {
      this.timeout(60_000);
      page = await openStory('', viewport);
      const sizes = new Map<string, Set<string>>();
      for (const step of page.story.steps) {
        goToStep(page, step.id);
        const chart = page.document.getElementById(step.section)!.querySelector(step.tag) as Element & { chartState?: unknown };
        await until(() => chart.getAttribute('data-drawn') === JSON.stringify(chart.chartState), `${step.id} drawn`);
        // A font arriving meanwhile can change the caption's room once: the chart then draws again at its plot's
        // new size (settled waits for that draw).
        await frames(2);
        await (chart as Element & { settled?: Promise<void> }).settled;
        await frames(1);
        const svg = chart.shadowRoot!.querySelector('svg')!;
        const box = svg.getBoundingClientRect();
        const key = `${step.section} ${step.chart}`;
        sizes.set(key, (sizes.get(key) ?? new Set()).add(`${Math.round(box.width)}x${Math.round(box.height)} ${svg.getAttribute('viewBox')}`));
      }
      // The captions differ from step to step (a longer source line, another sentence): the plot does not.
      for (const [key, seen] of sizes) expect([...seen], key).to.have.length(1);
    });
  }
});


describe('the chart of the step ahead', () => {
  /** Waits until a step's chart, behind the active one, has drawn that step's state. */
  async function untilDrawnBehind(step: StoryStep): Promise<void> {
    const chart = chartFor(page!, step) as Element & { chartState?: unknown };
    await until(
      () => JSON.stringify(chartState(page!, step)) === JSON.stringify(expectedState(page!, step)) && chart.getAttribute('data-drawn') === JSON.stringify(chart.chartState),
      `${step.tag} to draw ${step.id} while hidden`,
    );
    expect(chart.closest('.scrolly-chart')!.getAttribute('aria-hidden'), `${step.tag} hidden`).to.equal('true');
    // The map's geography arrives once the page is idle, and a map drawn before it draws again when it lands.
    if (step.chart === 'distance-map') {
      const svg = chart.shadowRoot!.querySelector('svg')!;
      await until(() => svg.getAttribute('data-geography') === 'ready', 'the map\u2019s geography', 15_000);
      await (chart as Element & { settled?: Promise<void> }).settled;
    }
  }

  /** Goes to a step and says what its chart's plot changed by the time the step has been shown for a few frames. */
  async function changesOnArrival(step: StoryStep): Promise<number> {
    const svg = chartFor(page!, step).shadowRoot!.querySelector('svg')!;
    let changes = 0;
    const observer = new MutationObserver((records) => (changes += records.length));
    observer.observe(svg, { subtree: true, childList: true, attributes: true, characterData: true });
    goToStep(page!, step.id);
    await until(() => activeStepId(page!) === step.id, `${step.id} to be active`);
    await frames(4);
    observer.disconnect();
    expect(chartFor(page!, step).closest('.scrolly-chart')!.hasAttribute('aria-hidden'), `${step.tag} shown`).to.equal(false);
    return changes;
  }

  it('is drawn in that step\u2019s state while hidden, so that reaching the step only fades it in', async function () {
    this.timeout(30_000);
    page = await openStory();
    const steps = page.story.steps;
    // Each step whose next step, in the same section, brings in another chart.
    const swaps = steps.filter((step, i) => i > 0 && steps[i + 1]?.section === step.section && steps[i + 1]!.chart !== step.chart).slice(0, 3);
    expect(swaps.length, 'the story swaps charts').to.be.greaterThan(1);
    for (const step of swaps) {
      goToStep(page, step.id);
      const next = steps[step.index + 1]!;
      await untilDrawnBehind(next);
      expect(await changesOnArrival(next), `${next.id}: nothing left to draw when it becomes active`).to.equal(0);
    }
  });

  it('has its layout made a step earlier when it follows a step of another chart, so that its draw ahead only draws', async function () {
    this.timeout(30_000);
    page = await openStory();
    const steps = page.story.steps;
    // A step whose next two steps, in its section, show two charts other than each other: at the next step the
    // chart of the one after is drawn ahead, behind a chart that may be moving.
    const step = steps.find((s, i) => {
      const [next, after] = [steps[i + 1], steps[i + 2]];
      return i > 0 && next && after && next.section === s.section && after.section === s.section && next.chart !== after.chart && after.chart === 'timeline';
    })!;
    expect(step, 'the story has such a step').to.exist;
    const [next, after] = [steps[step.index + 1]!, steps[step.index + 2]!];
    const chart = chartFor(page, after) as Element & {
      chartState?: unknown;
      layoutCostMs?: number;
      layout: (...args: unknown[]) => unknown;
      layoutInSteps: (...args: unknown[]) => unknown;
      layoutInputsKey: () => string;
    };
    // The chart defined and drawn, and the page's faces loaded: a face arriving changes what every layout
    // measures, and each is made again.
    await page.window.customElements.whenDefined(after.tag);
    await until(() => chart.hasAttribute('data-drawn'), `${after.tag} to draw`, 10_000);
    await page.document.fonts.ready;
    let inputs = '';
    let stableSince = performance.now();
    await until(
      () => {
        if (chart.layoutInputsKey() !== inputs) [inputs, stableSince] = [chart.layoutInputsKey(), performance.now()];
        return performance.now() - stableSince > 1000;
      },
      `${after.tag}'s fonts to settle`,
      10_000,
    );
    // Every state the chart lays out, and when: before the step after it is drawn ahead for, or after.
    // A layout is made at once (layout) or, ahead of need, in slices (layoutInSteps): either counts.
    const laidOut: { state: string; inputs: string; atNext: boolean }[] = [];
    let atNext = false;
    const layout = chart.layout;
    const layoutInSteps = chart.layoutInSteps;
    chart.layout = function (this: unknown, ...args: unknown[]) {
      laidOut.push({ state: JSON.stringify(args[1]), inputs: chart.layoutInputsKey(), atNext });
      return layout.apply(this, args);
    };
    chart.layoutInSteps = function (this: unknown, ...args: unknown[]) {
      laidOut.push({ state: JSON.stringify(args[1]), inputs: chart.layoutInputsKey(), atNext });
      return layoutInSteps.apply(this, args);
    };
    try {
      goToStep(page, step.id);
      await until(() => activeStepId(page!) === step.id, `${step.id} to be active`);
      // A layout dearer than the story makes ahead of need (on a very slow machine) is made when it is needed.
      if ((chart.layoutCostMs ?? 0) > 30) this.skip();
      // The layouts made ahead at this step (in idle periods): until none has come for a second.
      let count = -1;
      let since = performance.now();
      await until(
        () => {
          if (laidOut.length !== count) [count, since] = [laidOut.length, performance.now()];
          return count > 0 && performance.now() - since > 1000;
        },
        `${after.tag} to lay out ahead at ${step.id}`,
        10_000,
      );
      atNext = true;
      goToStep(page, next.id);
      await untilDrawnBehind(after);
      const state = JSON.stringify(chart.chartState);
      const early = laidOut.filter((call) => !call.atNext && call.state === state);
      expect(early.length, `${after.id}'s state laid out at ${step.id}`).to.be.greaterThan(0);
      // Laid out again only where what a layout measures has changed since (a face that arrived late).
      const again = laidOut.filter((call) => call.atNext && call.state === state && early.some((before) => before.inputs === call.inputs));
      expect(again.length, `${after.id}'s state not laid out again at ${next.id}`).to.equal(0);
    } finally {
      chart.layout = layout;
      chart.layoutInSteps = layoutInSteps;
    }
  });

  it('is the one the reader is heading for: going back up, the step before\u2019s', async function () {
    this.timeout(30_000);
    page = await openStory();
    const steps = page.story.steps;
    // A step between two steps that show the same other chart in different states.
    const step = steps.find((s, i) => {
      const [before, after] = [steps[i - 1], steps[i + 1]];
      return before && after && before.section === s.section && after.section === s.section && before.chart === after.chart && before.chart !== s.chart && JSON.stringify(before.state) !== JSON.stringify(after.state);
    })!;
    expect(step, 'the story has such a step').to.exist;
    const [before, after] = [steps[step.index - 1]!, steps[step.index + 1]!];
    goToStep(page, before.id);
    goToStep(page, step.id);
    await untilDrawnBehind(after);
    goToStep(page, after.id);
    await until(() => activeStepId(page!) === after.id, `${after.id} to be active`);
    goToStep(page, step.id);
    await untilDrawnBehind(before);
    expect(await changesOnArrival(before), `${before.id}: nothing left to draw`).to.equal(0);
  });
});
