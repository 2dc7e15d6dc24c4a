/**
 * The built story with JavaScript off (a frame sandboxed without scripts): it reads as an article. The text is
 * complete and in order; each step's text is followed by its own figure (its chart's sentence, table and source
 * for that step's state); no stretch of the page is blank for more than a third of a screen; nothing is a control
 * that does nothing; and what a figure says about itself is true. With JavaScript on, the same page keeps its
 * scroll-driven layout and hides the step figures.
 */
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import type { Story } from '../../src/types/story.ts';
import type { ChartState } from '../../src/charts/shared/schema.ts';
import { casualtiesDataset, type CasualtyRow } from '../../src/charts/casualties/schema.ts';
import { eventsDataset, type EventRow } from '../../src/charts/timeline/schema.ts';
import { placesDataset, type PlaceRow } from '../../src/charts/distance-map/schema.ts';
import { describeCasualties } from '../../src/charts/casualties/text.ts';
import { latestRow, viewOf } from '../../src/charts/casualties/layout.ts';
import { describeTimeline } from '../../src/charts/timeline/text.ts';
import { describeMap } from '../../src/charts/distance-map/text.ts';
import { frames, storyRows, until } from './helpers.ts';
import { openStory } from './story-page.ts';
import { printMedia } from './present-helpers.ts';
import { readSeed } from './seed.ts';

after(() => setViewport({ width: 800, height: 600 }));

async function openWithoutScripts(viewport: { width: number; height: number }): Promise<HTMLIFrameElement> {
  await setViewport(viewport);
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-same-origin');
  frame.title = 'The story without JavaScript';
  frame.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;border:0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = '/dist/index.html';
  document.body.append(frame);
  await loaded;
  await frames(3);
  return frame;
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The built story (steps and their states, as the build wrote them into the bundle) and the sentence each step's
 * chart gives for its state, from the charts' own description functions over the story's data.
 */
async function builtStory(): Promise<{ story: Story; sentences: Map<string, string>; latest: CasualtyRow }> {
  const page = await openStory();
  const story = page.story;
  page.close();
  const [casualties, events, places] = await Promise.all([
    storyRows<CasualtyRow>(casualtiesDataset),
    storyRows<EventRow>(eventsDataset),
    storyRows<PlaceRow>(placesDataset),
  ]);
  const describe: Record<string, (state: ChartState) => string> = {
    casualties: (state) => describeCasualties(casualties, viewOf(state)),
    timeline: (state) => describeTimeline(events, state),
    'distance-map': (state) => describeMap(places, state),
  };
  const sentences = new Map(story.steps.map((step) => [step.id, describe[step.chart]!(step.state as ChartState)]));
  return { story, sentences, latest: latestRow(casualties)! };
}

/**
 * The tallest stretch of the page, top to bottom, with no text and no picture in it: every text node's line boxes
 * (table cells included) and every image or drawing count as content.
 */
function largestBlank(doc: Document): { height: number; at: number } {
  const win = doc.defaultView!;
  const spans: [number, number][] = [];
  const add = (rect: DOMRect) => {
    if (rect.width > 0 && rect.height > 0) spans.push([rect.top + win.scrollY, rect.bottom + win.scrollY]);
  };
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  const range = doc.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent?.trim()) continue;
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) add(rect);
  }
  for (const picture of doc.querySelectorAll('img, svg, canvas, video')) add(picture.getBoundingClientRect());
  spans.sort((a, b) => a[0] - b[0]);
  let reached = 0;
  let largest = { height: 0, at: 0 };
  for (const [top, bottom] of [...spans, [doc.documentElement.scrollHeight, Infinity] as [number, number]]) {
    if (top - reached > largest.height) largest = { height: top - reached, at: reached };
    reached = Math.max(reached, bottom);
  }
  return largest;
}

let built: Awaited<ReturnType<typeof builtStory>>;
before(async () => {
  built = await builtStory();
});

for (const viewport of [
  { width: 320, height: 568 },
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1440, height: 900 },
]) {
  describe(`with JavaScript off, ${viewport.width}x${viewport.height}`, () => {
    let frame: HTMLIFrameElement;
    let doc: Document;
    before(async () => {
      frame = await openWithoutScripts(viewport);
      doc = frame.contentDocument!;
    });
    after(() => frame.remove());

    it('shows the opening chart\u2019s drawing at the size drawn for this width', () => {
      const first = doc.querySelector('.step')!;
      const shown = [...first.querySelectorAll<SVGSVGElement>('.step-figure .step-drawing svg[role="img"]')].filter((svg) => svg.getBoundingClientRect().width > 0);
      expect(shown.length).to.equal(1);
      expect(shown[0]!.closest('[data-size]')!.getAttribute('data-size')).to.equal(viewport.width < 560 ? 'phone' : 'desktop');
      // No id twice in the page, though the drawing is in it more than once.
      const ids = [...doc.querySelectorAll('[id]')].map((element) => element.id);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).to.deep.equal([]);
    });

    it('runs no script: the components never upgrade', () => {
      expect(frame.contentWindow!.customElements.get('fl-story')).to.equal(undefined);
      expect(doc.querySelector('.reading-progress')).to.equal(null);
    });

    it('shows the whole article, in order, as rendered text', async () => {
      // innerText shows text as painted: the byline is set in capitals by CSS, so compare without case.
      const seed = (await readSeed()).paragraphs.map((line) => normalise(line).toLowerCase());
      const text = normalise(doc.querySelector('main')!.innerText).toLowerCase();
      let from = 0;
      for (const paragraph of seed) {
        const at = text.indexOf(paragraph, from);
        expect(at, `not shown, or out of order: "${paragraph.slice(0, 50)}..."`).to.be.greaterThan(-1);
        from = at + paragraph.length;
      }
    });

    it('follows every step\u2019s text with its own figure, in reading order', () => {
      const steps = built.story.steps.map((step) => doc.getElementById(step.id)!);
      expect(steps.every(Boolean), 'every step of the built story is in the page').to.equal(true);
      let previousBottom = -Infinity;
      for (const element of steps) {
        const card = element.querySelector<HTMLElement>(':scope > .step-card')!;
        const figure = card.nextElementSibling as HTMLElement | null;
        expect(figure?.matches('figure.step-figure'), `${element.id}: its figure comes right after its text`).to.equal(true);
        const text = card.getBoundingClientRect();
        const box = figure!.getBoundingClientRect();
        expect(text.height, `${element.id}: its text is shown`).to.be.greaterThan(20);
        expect(box.height, `${element.id}: its figure is shown`).to.be.greaterThan(40);
        expect(text.top, `${element.id}: after the step before`).to.be.at.least(previousBottom - 1);
        expect(box.top, `${element.id}: the figure below the text`).to.be.at.least(text.bottom - 1);
        previousBottom = box.bottom;
      }
    });

    it('leaves no stretch of the page blank for more than a third of the screen', () => {
      const blank = largestBlank(doc);
      expect(blank.height, `a blank stretch ${Math.round(blank.height)} px tall at y = ${Math.round(blank.at)}`).to.be.at.most(viewport.height / 3);
    });

    it('shows no section graphic and no control that needs JavaScript', () => {
      const win = frame.contentWindow!;
      for (const graphic of doc.querySelectorAll('.scrolly-graphic')) expect(win.getComputedStyle(graphic).display).to.equal('none');
      const controls = [...doc.querySelectorAll<HTMLElement>('button, input, select, textarea, summary, [role="button"], [tabindex]')].filter(
        (control) => control.getClientRects().length > 0,
      );
      expect(controls.map((control) => control.outerHTML.slice(0, 80))).to.deep.equal([]);
      // Every link goes somewhere: another page, or a place in this one.
      for (const link of doc.querySelectorAll<HTMLAnchorElement>('a[href]')) {
        const href = link.getAttribute('href')!;
        if (href.startsWith('#')) expect(doc.getElementById(href.slice(1)), `a link to ${href}`).to.not.equal(null);
        else expect(href, 'a link to another page').to.match(/^https?:\/\//);
      }
    });

    it('keeps the text readable: not faded, nothing sideways', () => {
      const win = frame.contentWindow!;
      for (const card of doc.querySelectorAll('.step-card')) expect(win.getComputedStyle(card).opacity).to.equal('1');
      expect(doc.documentElement.scrollWidth, 'the page').to.be.at.most(doc.documentElement.clientWidth);
      for (const figure of doc.querySelectorAll<HTMLElement>('.step-figure .chart-fallback')) {
        expect(figure.scrollWidth, `${figure.closest('.step')!.id}: its table fits`).to.be.at.most(figure.clientWidth + 1);
      }
    });
  });
}

describe('with JavaScript off, every step\u2019s state', () => {
  let frame: HTMLIFrameElement;
  let doc: Document;
  before(async () => {
    frame = await openWithoutScripts({ width: 1280, height: 800 });
    doc = frame.contentDocument!;
  });
  after(() => frame.remove());

  it('has each step\u2019s chart sentence in that step\u2019s figure', () => {
    expect(built.sentences.size).to.equal(built.story.steps.length);
    for (const [id, sentence] of built.sentences) {
      const shown = doc.querySelector(`#${id} > .step-figure .chart-fallback-sentence`);
      expect(normalise(shown?.textContent ?? ''), id).to.equal(normalise(sentence));
    }
  });

  it('shows a picture of every step\u2019s chart, named by its sentence, the opening one in the page itself', async () => {
    const win = frame.contentWindow!;
    for (const [index, step] of built.story.steps.entries()) {
      const drawing = doc.querySelector<HTMLElement>(`#${step.id} > .step-figure > .step-drawing`);
      expect(drawing, `${step.id}: a drawing in its figure`).to.not.equal(null);
      const sentence = normalise(built.sentences.get(step.id)!);
      if (index === 0) {
        // The opening chart shows at first paint: inline, not a request of its own, at the size for the width.
        const shown = [...drawing!.querySelectorAll<SVGSVGElement>('svg[role="img"]')].filter((svg) => svg.getBoundingClientRect().width > 0);
        expect(shown.length, `${step.id}: one size shown`).to.equal(1);
        expect(shown[0]!.closest('[data-size]')!.getAttribute('data-size'), `${step.id}: the size for ${win.innerWidth} px`).to.equal(win.innerWidth < 560 ? 'phone' : 'desktop');
        const svg = shown[0]!;
        expect(normalise(svg.getAttribute('aria-label') ?? ''), step.id).to.equal(sentence);
        expect(svg.querySelectorAll('circle, rect, path, text').length, `${step.id}: marks`).to.be.greaterThan(5);
        // Its marks take the drawings' styles from the page (a strict CSP allows no style element in it).
        expect(win.getComputedStyle(svg.querySelector('text')!).fill, `${step.id}: styled text`).to.not.equal('rgb(0, 0, 0)');
        continue;
      }
      const img = drawing!.querySelector('img')!;
      expect(normalise(img.alt), `${step.id}: its text alternative`).to.equal(sentence);
      expect(img.loading, `${step.id}: loaded as it nears the screen`).to.equal('lazy');
      drawing!.scrollIntoView();
      await until(() => img.complete, `${step.id}: its drawing to load`, 5000);
      expect(img.naturalWidth, `${step.id}: its drawing loaded`).to.be.greaterThan(0);
      const box = img.getBoundingClientRect();
      expect(box.width, `${step.id}: as wide as the column`).to.be.greaterThan(300);
      expect(img.currentSrc, `${step.id}: the desktop drawing at this width`).to.match(new RegExp(`drawings/${step.id}-desktop\\.svg$`));
    }
  });

  it('reaches the latest official count in the data', () => {
    const latest = built.latest;
    const tolls = built.story.steps.filter((step) => step.chart === 'casualties' && step.state.view === 'toll');
    expect(tolls.length, 'a step shows the count rising').to.be.greaterThan(0);
    for (const step of tolls) {
      const figure = doc.querySelector(`#${step.id} > .step-figure`)!;
      expect(figure.querySelector('.chart-fallback-sentence')!.textContent).to.contain(`${latest.killed} killed`);
      const rows = [...figure.querySelectorAll('tbody tr')].map((row) => normalise(row.textContent ?? ''));
      expect(rows.some((row) => row.includes(String(latest.killed)) && row.includes(latest.source)), `${step.id}: its table has the latest count with its source`).to.equal(true);
    }
  });

  it('says only true things about itself: a source line that points to the table has a table with a source column', () => {
    for (const step of built.story.steps) {
      const figure = doc.querySelector(`#${step.id} > .step-figure`)!;
      const source = figure.querySelector('.chart-fallback-source')?.textContent ?? '';
      expect(source, `${step.id}: a source line`).to.match(/Sources?:/);
      const table = figure.querySelector('table')!;
      expect(table.querySelectorAll('tbody tr').length, `${step.id}: table rows`).to.be.greaterThan(0);
      if (/\btable\b/.test(source)) {
        const heads = [...table.querySelectorAll('thead th')].map((th) => normalise(th.textContent ?? ''));
        const column = heads.indexOf('Source');
        expect(column, `${step.id}: "${source}" over a table with no Source column`).to.be.greaterThan(-1);
        for (const row of table.querySelectorAll('tbody tr')) {
          expect(normalise(row.children[column]?.textContent ?? ''), `${step.id}: a row without its source`).to.not.equal('');
        }
      }
    }
  });

  it('prints the same way: every step\u2019s text, then its figure', async function () {
    if (!(await printMedia(true))) {
      console.warn('print media emulation is not available in this browser: the print layout check was skipped');
      this.skip();
    }
    try {
      const win = frame.contentWindow!;
      for (const graphic of doc.querySelectorAll('.scrolly-graphic')) expect(win.getComputedStyle(graphic).display).to.equal('none');
      for (const step of built.story.steps) {
        const card = doc.querySelector(`#${step.id} > .step-card`)!.getBoundingClientRect();
        const figure = doc.querySelector(`#${step.id} > .step-figure`)!.getBoundingClientRect();
        expect(figure.height, `${step.id}: its figure prints`).to.be.greaterThan(40);
        expect(figure.top, `${step.id}: below its text`).to.be.at.least(card.bottom - 1);
        // With no chart code at all, the figure prints the chart: the build's drawing, first in the figure.
        const drawing = doc.querySelector(`#${step.id} > .step-figure > .step-drawing`)!;
        const box = drawing.getBoundingClientRect();
        expect(box.width, `${step.id}: its chart prints`).to.be.greaterThan(300);
        expect(box.height, `${step.id}: its chart prints`).to.be.greaterThan(100);
        expect(box.top, `${step.id}: the chart heads its figure`).to.be.closeTo(figure.top, 20);
      }
    } finally {
      await printMedia(false);
    }
  });
});

describe('with JavaScript on', () => {
  it('keeps the scrolly layout: the step figures stay hidden, the graphic sticks, no layout shift', async () => {
    await setViewport({ width: 1280, height: 800 });
    const frame = document.createElement('iframe');
    frame.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;border:0';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = '/dist/index.html#preliminary-toll';
    document.body.append(frame);
    await loaded;
    try {
      const doc = frame.contentDocument!;
      const win = frame.contentWindow as Window & typeof globalThis;
      const chart = () => doc.querySelector('fl-casualties');
      await until(() => chart()?.hasAttribute('data-drawn') ?? false, 'the casualty chart to draw', 10_000);
      expect(chart()!.querySelector<HTMLElement>('.chart-fallback')!.offsetHeight, 'the fallback is not rendered').to.equal(0);
      expect(chart()!.shadowRoot!.querySelector('svg')).to.not.equal(null);
      for (const figure of doc.querySelectorAll('.step-figure')) expect(win.getComputedStyle(figure).display).to.equal('none');
      expect(win.getComputedStyle(doc.querySelector('.scrolly-graphic')!).position).to.equal('sticky');
      // Layout shifts are reported by Chromium only; elsewhere there is nothing to read.
      if (PerformanceObserver.supportedEntryTypes.includes('layout-shift')) {
        const shifts = await new Promise<number>((resolve) => {
          const observer = new win.PerformanceObserver((list) => {
            observer.disconnect();
            resolve(list.getEntries().reduce((sum, entry) => sum + (entry as unknown as { value: number }).value, 0));
          });
          observer.observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(0), 500);
        });
        expect(shifts, 'layout shift while the page loaded').to.equal(0);
      }
    } finally {
      frame.remove();
    }
  });
});
