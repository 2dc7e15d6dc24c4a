/**
 * Printing the story: a figure per step with its chart in that step's state, the print layout (Chromium emulates
 * print media; Firefox cannot, so there the layout checks are skipped), the handout presentation mode prints, and
 * ?print.
 */
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import { DESKTOP, openPresentation, openStory, type StoryPage } from './story-page.ts';
import { until } from './helpers.ts';
import { expectShowing, figuresDrawn, printMedia, slideOf } from './present-helpers.ts';

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

  it('beforeprint gives every step its chart, in that step\u2019s state; print shows the article straight through', async () => {
    page = await openStory();
    page.window.dispatchEvent(new page.window.Event('beforeprint'));
    const charts = await figuresDrawn(page);
    for (const step of page.story.steps) {
      const figures = page.document.querySelectorAll(`#${step.id} > .step-figure > .fl-print-figure`);
      expect(figures.length, `one drawing in ${step.id}\u2019s figure`).to.equal(1);
      const chart = figures[0]!.firstElementChild!;
      expect(chart.localName).to.equal(step.tag);
      for (const name of page.story.charts[step.chart]!.attributes) {
        expect(chart.getAttribute(name) ?? '', `${step.id}: ${name}`).to.equal(step.state[name] ?? '');
      }
      expect(chart.getAttribute('data-drawn'), `${step.id} drawn in its own state`).to.be.a('string');
    }
    expect(charts).to.have.length(page.story.steps.length);
    const emulated = await printMedia(true);
    if (emulated) {
      const style = (selector: string) => page!.window.getComputedStyle(page!.document.querySelector(selector)!);
      expect(style('.scrolly-graphic').display, 'no sticky graphic').to.equal('none');
      expect(style('.scrolly-steps').paddingTop, 'no scroll room').to.equal('0px');
      expect(style('.step').minHeight).to.equal('0px');
      expect(style('.step-card').breakInside, 'a step\u2019s text kept whole').to.equal('avoid');
      expect(style('.fl-print-figure').breakInside, 'a drawing kept whole').to.equal('avoid');
      expect(style('.fl-print-sources').display).to.equal('block');
      expect(style('.fl-print-sources').breakBefore).to.equal('page');
      for (const chart of charts) {
        const box = chart.getBoundingClientRect();
        expect(box.width, 'a visible chart').to.be.greaterThan(300);
        expect(box.height).to.be.greaterThan(150);
        expect(page.window.getComputedStyle(chart.parentElement!).visibility).to.equal('visible');
        expect(chart.shadowRoot!.querySelector('svg')!.childElementCount, 'drawn marks').to.be.greaterThan(0);
        // Under the drawing, the step's figure gives its sentence, table and source, as it does without JavaScript.
        const text = chart.closest('.step-figure')!.querySelector('.chart-fallback')!.getBoundingClientRect();
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
    expect(page.document.querySelectorAll('.fl-print-figure, .fl-print-sources').length, 'removed after printing').to.equal(0);
  });

  it('in presentation mode prints a handout: every slide on a landscape page of its own', async () => {
    page = await openPresentation('#kstovo-strike');
    page.window.dispatchEvent(new page.window.Event('beforeprint'));
    const charts = await figuresDrawn(page);
    expect(charts).to.have.length(page.story.steps.length);
    if (await printMedia(true)) {
      for (const step of page.story.steps) {
        const element = page.document.getElementById(step.id)!;
        const style = page.window.getComputedStyle(element);
        expect(style.display, `${step.id} printed`).to.not.equal('none');
        expect((style as unknown as { page?: string }).page ?? 'slide', `${step.id} on a landscape page`).to.equal('slide');
        const figure = element.querySelector('.fl-print-figure')!.getBoundingClientRect();
        const card = element.querySelector('.step-card')!.getBoundingClientRect();
        expect(figure.bottom, 'chart above the text').to.be.at.most(card.top + 1);
        expect(figure.width).to.be.greaterThan(800);
      }
      const last = page.story.steps[page.story.steps.length - 1]!;
      expect(page.window.getComputedStyle(page.document.getElementById(page.story.steps[0]!.id)!).breakAfter).to.equal('page');
      expect(page.window.getComputedStyle(page.document.getElementById(last.id)!).breakAfter).to.equal('auto');
      expect(page.window.getComputedStyle(page.document.querySelector('.story-header')!).breakAfter).to.equal('page');
      expect(page.window.getComputedStyle(page.document.querySelector('.fl-present-bar')!).display).to.equal('none');
    }
    page.window.dispatchEvent(new page.window.Event('afterprint'));
    expect(page.document.querySelectorAll('.fl-print-figure').length).to.equal(0);
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
    const charts = [...doc.querySelectorAll('.fl-print-figure > *')];
    expect(charts).to.have.length(doc.querySelectorAll('.step').length);
    for (const chart of charts) {
      expect(chart.hasAttribute('data-drawn'), `${chart.localName} in ${(chart.parentElement as HTMLElement).dataset.step} drawn before printing`).to.equal(true);
      expect((chart as { geographyStatus?: string }).geographyStatus ?? 'ready', 'a map with its outlines').to.be.oneOf(['ready', 'failed']);
    }
  });
});
