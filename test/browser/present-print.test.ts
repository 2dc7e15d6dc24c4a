/**
 * Printing the story: a figure per step with its chart in that step's state, the print layout (Chromium emulates
 * print media; Firefox cannot, so there the layout checks are skipped), the handout presentation mode prints, and
 * ?print.
 */
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import { DESKTOP, openPresentation, openStory, type StoryPage } from './story-page.ts';
import { until } from './helpers.ts';
import { expectShowing, printMedia, slideOf } from './present-helpers.ts';

/** Every step's build-time drawing in its figure, by step. */
async function drawingsInFigures(page: StoryPage): Promise<[StoryPage['story']['steps'][number], Element][]> {
  const found: [StoryPage['story']['steps'][number], Element][] = [];
  for (const step of page.story.steps) {
    const drawing = page.document.querySelector(`#${step.id} > .step-figure > .step-drawing`);
    expect(drawing, `${step.id}: its figure has the build's drawing`).to.not.equal(null);
    const img = drawing!.querySelector('img');
    if (img) {
      // Left lazy: the browser loads lazy images for print itself (print.ts).
      expect(img.getAttribute('src'), `${step.id}: its drawing`).to.match(new RegExp(`drawings/${step.id}-phone\\.svg$`));
      expect(img.alt, `${step.id}: its text alternative is the chart\u2019s sentence`).to.equal(drawing!.parentElement!.querySelector('.chart-fallback-sentence')!.textContent);
    } else expect(drawing!.querySelector('svg[role="img"]'), `${step.id}: drawn inline`).to.not.equal(null);
    found.push([step, drawing!]);
  }
  return found;
}

let page: StoryPage | undefined;
let others: { remove(): void }[] = [];
afterEach(() => {
  page?.close();
  page = undefined;
  for (const other of others) other.remove();
  others = [];
});
after(() => setViewport({ width: 800, height: 600 }));

describe('print', () => {
  afterEach(() => printMedia(false));

  it('beforeprint gives every step its chart, drawn at build time, in that step\u2019s state; print shows the article straight through', async () => {
    page = await openStory();
    page.window.dispatchEvent(new page.window.Event('beforeprint'));
    const drawings = await drawingsInFigures(page);
    expect(page.document.querySelectorAll('.fl-print-figure').length, 'no chart code to wait for').to.equal(0);
    const emulated = await printMedia(true);
    if (emulated) {
      const style = (selector: string) => page!.window.getComputedStyle(page!.document.querySelector(selector)!);
      expect(style('.scrolly-graphic').display, 'no sticky graphic').to.equal('none');
      expect(style('.scrolly-steps').paddingTop, 'no scroll room').to.equal('0px');
      expect(style('.step').minHeight).to.equal('0px');
      expect(style('.step-card').breakInside, 'a step\u2019s text kept whole').to.equal('avoid');
      expect(style('.step-drawing').breakInside, 'a drawing kept whole').to.equal('avoid');
      expect(style('.fl-print-sources').display).to.equal('block');
      expect(style('.fl-print-sources').breakBefore).to.equal('page');
      for (const [step, drawing] of drawings) {
        const box = drawing.getBoundingClientRect();
        expect(box.width, `${step.id}: a visible chart`).to.be.greaterThan(300);
        expect(box.height).to.be.greaterThan(150);
        // Under the drawing, the step's figure gives its sentence, table and source, as it does without JavaScript.
        const text = drawing.closest('.step-figure')!.querySelector('.chart-fallback')!.getBoundingClientRect();
        expect(text.height, 'the figure\u2019s sentence, table and source').to.be.greaterThan(40);
        expect(text.top, 'under the drawing').to.be.at.least(box.bottom - 1);
      }
      const sources = page.document.querySelector('.fl-print-sources')!;
      expect(sources.textContent).to.contain(page.story.meta.original);
      expect(sources.textContent).to.contain('FSB preliminary information, via TASS');
      expect(page.document.querySelector('main')!.lastElementChild, 'sources last').to.equal(sources);
      const text = page.document.querySelector('article')!.textContent ?? '';
      for (const step of page.story.steps) expect(text).to.contain(page.document.getElementById(step.id)!.querySelector('.step-card')!.textContent!.trim().slice(0, 40));
    } else {
      console.warn('print media emulation is not available in this browser: the print CSS checks were skipped');
    }
    page.window.dispatchEvent(new page.window.Event('afterprint'));
    expect(page.document.querySelectorAll('.fl-print-sources').length, 'removed after printing').to.equal(0);
  });

  it('in presentation mode prints a handout: every slide on a landscape page of its own', async () => {
    page = await openPresentation('#kstovo-strike');
    page.window.dispatchEvent(new page.window.Event('beforeprint'));
    await drawingsInFigures(page);
    if (await printMedia(true)) {
      for (const step of page.story.steps) {
        const element = page.document.getElementById(step.id)!;
        const style = page.window.getComputedStyle(element);
        expect(style.display, `${step.id} printed`).to.not.equal('none');
        expect((style as unknown as { page?: string }).page ?? 'slide', `${step.id} on a landscape page`).to.equal('slide');
        const figure = element.querySelector('.step-drawing')!.getBoundingClientRect();
        const card = element.querySelector('.step-card')!.getBoundingClientRect();
        expect(figure.bottom, 'chart above the text').to.be.at.most(card.top + 1);
        expect(figure.height, `${step.id}: a chart to see`).to.be.greaterThan(200);
      }
      const last = page.story.steps[page.story.steps.length - 1]!;
      expect(page.window.getComputedStyle(page.document.getElementById(page.story.steps[0]!.id)!).breakAfter).to.equal('page');
      expect(page.window.getComputedStyle(page.document.getElementById(last.id)!).breakAfter).to.equal('auto');
      expect(page.window.getComputedStyle(page.document.querySelector('.story-header')!).breakAfter).to.equal('page');
      expect(page.window.getComputedStyle(page.document.querySelector('.fl-present-bar')!).display).to.equal('none');
    }
    page.window.dispatchEvent(new page.window.Event('afterprint'));
    expectShowing(page, slideOf(page, 'kstovo-strike'));
  });

  it('?print draws every chart, then opens the print dialog', async () => {
    await setViewport(DESKTOP);
    // A sandbox without allow-modals: the page's window.print() is ignored there, rather than opening a dialog
    // that would hold the test (Firefox opens a modal one even headless).
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin');
    frame.title = 'The story, printing';
    frame.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;border:0;z-index:1000;background:#fff';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = '/dist/index.html?print';
    document.body.append(frame);
    others.push(frame);
    await loaded;
    const doc = frame.contentDocument!;
    await until(() => doc.documentElement.hasAttribute('data-fl-print-ready'), 'the print layout to be ready', 20_000);
    // Every step's figure has its build-time drawing, loaded (the opening one is in the page itself).
    for (const step of doc.querySelectorAll('.step')) {
      const drawing = step.querySelector(':scope > .step-figure > .step-drawing');
      expect(drawing, `${step.id}: a drawing`).to.not.equal(null);
      const img = drawing!.querySelector('img');
      if (img) expect(img.complete && img.naturalWidth > 0, `${step.id}: its drawing loaded before printing`).to.equal(true);
      else expect(drawing!.querySelector('svg .layer, svg g'), `${step.id}: an inline drawing`).to.not.equal(null);
    }
  });
});
