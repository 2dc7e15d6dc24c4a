/**
 * The story under the reader's display settings: forced colours (Windows High Contrast), reflow at 320 CSS px
 * and at 400% zoom (WCAG 1.4.10), and the text-spacing override of WCAG 1.4.12.
 */
import { expect } from 'chai';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { DESKTOP, PHONE, goToStep, type StoryPage } from './story-page.ts';
import { frames } from './helpers.ts';
import { describeViolations, runAxe } from './axe.ts';
import { forgetVisits, openReader, untilChartShows } from './reader-helpers.ts';
import type { StoryStep } from '../../src/types/story.ts';

let page: StoryPage | undefined;
afterEach(() => {
  page?.close();
  page = undefined;
  forgetVisits();
});
after(async () => {
  await executeServerCommand('forced-colors', { active: false });
  await setViewport({ width: 800, height: 600 });
});

/** A step for each chart and each of its kinds of view: the first step of every chart, and the casualty views. */
function sampleSteps(p: StoryPage): StoryStep[] {
  const seen = new Set<string>();
  return p.story.steps.filter((step) => {
    const key = step.chart === 'casualties' ? `casualties ${step.state.view}` : step.chart;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function show(p: StoryPage, step: StoryStep): Promise<Element> {
  goToStep(p, step.id);
  await untilChartShows(p, step);
  await frames(3);
  return p.document.getElementById(step.section)!.querySelector(step.tag)!;
}

describe('forced colours', () => {
  it('draws every chart\'s marks and text in system colours, and axe finds nothing', async function () {
    this.timeout(60_000);
    if (!(await executeServerCommand('forced-colors', { active: true }))) {
      // Firefox here runs over WebDriver BiDi, which cannot emulate forced colours; Chromium runs this test.
      this.skip();
    }
    page = await openReader({ motion: 'off' });
    expect(page.window.matchMedia('(forced-colors: active)').matches, 'emulated').to.equal(true);
    // What each system colour resolves to in this browser, to compare the painted colours with.
    const probe = page.document.createElement('span');
    page.document.body.append(probe);
    const system = new Map<string, string>();
    for (const name of ['CanvasText', 'Canvas', 'GrayText', 'Highlight', 'LinkText']) {
      probe.style.setProperty('color', name, 'important');
      system.set(page.window.getComputedStyle(probe).color, name);
    }
    probe.remove();
    const allowed = (colour: string) => colour === 'none' || colour === 'rgba(0, 0, 0, 0)' || system.has(colour);
    for (const step of sampleSteps(page)) {
      const chart = await show(page, step);
      const painted = [...chart.shadowRoot!.querySelectorAll('svg *')].filter((element) => element.getClientRects().length > 0);
      expect(painted.length, `${step.id}: marks drawn`).to.be.above(0);
      const off: string[] = [];
      for (const element of painted) {
        const style = page.window.getComputedStyle(element);
        if (style.opacity === '0' || style.visibility === 'hidden') continue;
        for (const property of ['fill', 'stroke'] as const) {
          const value = style[property];
          if (!allowed(value) && !off.some((entry) => entry.includes(value))) off.push(`${element.localName}.${element.getAttribute('class') ?? ''} ${property} ${value}`);
        }
      }
      expect(off, `${step.id}: colours that are not the system's`).to.deep.equal([]);
      // Text is the system's text colour.
      for (const text of chart.shadowRoot!.querySelectorAll('svg text')) {
        const fill = page.window.getComputedStyle(text).fill;
        expect(['CanvasText', 'Highlight', 'LinkText'], `${step.id}: text "${text.textContent}"`).to.include(system.get(fill));
      }
      // The two casualty series stay apart.
      if (step.chart === 'casualties') {
        const killed = chart.shadowRoot!.querySelector('.killed');
        const injured = chart.shadowRoot!.querySelector('.injured');
        if (killed && injured) {
          const colour = (element: Element) => {
            const style = page!.window.getComputedStyle(element);
            return style.fill !== 'none' ? style.fill : style.stroke;
          };
          expect(colour(killed), 'killed and injured in different colours').to.not.equal(colour(injured));
        }
      }
      expect(describeViolations(await runAxe(page.window, page.document)), `${step.id}: axe`).to.equal('');
    }
    await executeServerCommand('forced-colors', { active: false });
  });
});

/** Whether the page scrolls sideways. */
function scrollsSideways(p: StoryPage): boolean {
  return p.document.documentElement.scrollWidth > p.window.innerWidth + 0.5;
}

/** Elements whose box reaches past the viewport's left or right edge. */
function outside(p: StoryPage, elements: Iterable<Element>): string[] {
  const width = p.window.innerWidth;
  const out: string[] = [];
  for (const element of elements) {
    const box = element.getBoundingClientRect();
    if (box.width === 0) continue;
    if (box.left < -0.5 || box.right > width + 0.5) out.push(`${element.localName}.${element.className} ${Math.round(box.left)}..${Math.round(box.right)}`);
  }
  return out;
}

describe('reflow (WCAG 1.4.10)', () => {
  for (const [name, viewport] of [['320 px', { width: 320, height: 640 }], ['400% zoom (1280x1024 / 4)', { width: 320, height: 256 }]] as const) {
    it(`at ${name}: nothing scrolls sideways and nothing is lost`, async function () {
      this.timeout(90_000);
      page = await openReader({ viewport, motion: 'off', lastStep: 'kstovo-strike' });
      const doc = page.document;
      expect(scrollsSideways(page), 'the header').to.equal(false);
      expect(outside(page, doc.querySelectorAll('.story-header *, .fl-continue, .fl-continue *')), 'the header and its controls').to.deep.equal([]);
      for (const step of page.story.steps) {
        const chart = await show(page, step);
        expect(scrollsSideways(page), `${step.id}: sideways`).to.equal(false);
        const card = doc.getElementById(step.id)!.querySelector<HTMLElement>('.step-card')!;
        expect(outside(page, [card, ...card.querySelectorAll('*')]), `${step.id}: its text`).to.deep.equal([]);
        expect(card.scrollWidth, `${step.id}: its text clipped`).to.be.at.most(card.clientWidth + 1);
        const wrapper = chart.closest('.scrolly-chart')!;
        const controls = [chart.shadowRoot!.querySelector('summary')!, wrapper.querySelector('.fl-embed-button')!, ...doc.querySelectorAll('.fl-step-nav-button')];
        expect(outside(page, controls), `${step.id}: the chart's and the step control's buttons`).to.deep.equal([]);
        expect(chart.shadowRoot!.querySelector('svg')!.getBoundingClientRect().height, `${step.id}: the plot`).to.be.above(0);
      }
      // The prose and the footer after the steps.
      page.window.scrollTo({ top: doc.documentElement.scrollHeight, behavior: 'instant' });
      await frames(3);
      expect(scrollsSideways(page), 'the end of the page').to.equal(false);
      expect(outside(page, doc.querySelectorAll('.prose *, .site-footer *')), 'the prose after the steps').to.deep.equal([]);
    });
  }
});

/** WCAG 1.4.12's test values, applied to the page and inside each chart, as the usual bookmarklet does. */
const TEXT_SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }
`;

function applyTextSpacing(p: StoryPage): void {
  const adopt = (root: Document | ShadowRoot, win: Window & typeof globalThis) => {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(TEXT_SPACING);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  };
  adopt(p.document, p.window);
  for (const element of p.document.querySelectorAll('fl-timeline, fl-casualties, fl-distance-map')) {
    if (element.shadowRoot) adopt(element.shadowRoot, p.window);
  }
}

describe('text spacing (WCAG 1.4.12)', () => {
  for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    it(`clips no step card and no chart label (${name})`, async function () {
      this.timeout(90_000);
      page = await openReader({ viewport, motion: 'off', lastStep: 'kstovo-strike' });
      // Every chart loaded first, so the override reaches inside each.
      for (const step of sampleSteps(page)) await show(page, step);
      applyTextSpacing(page);
      await frames(4);
      expect(page.window.getComputedStyle(page.document.querySelector('.step-card p')!).letterSpacing, 'applied').to.not.equal('normal');
      const clipped = (element: HTMLElement) => element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1;
      for (const control of page.document.querySelectorAll<HTMLElement>('.fl-motion-switch, .fl-continue button, .fl-step-nav-button, .fl-embed-button')) {
        expect(clipped(control), `${control.className}: "${control.textContent}"`).to.equal(false);
      }
      for (const step of page.story.steps) {
        const chart = await show(page, step);
        // A chart shown for the first time since the spacing came in finds its caption outgrew its room: it draws
        // again at the plot's new size and fits its labels to it. What the reader is left with is what counts.
        await (chart as Element & { settled: Promise<void> }).settled;
        await frames(3);
        const card = page.document.getElementById(step.id)!.querySelector<HTMLElement>('.step-card')!;
        expect(clipped(card), `${step.id}: its text`).to.equal(false);
        expect(scrollsSideways(page), `${step.id}: sideways`).to.equal(false);
        // Every label stays whole: inside the plot's sides (so never past the screen's edges), not into the caption
        // below it, and not above the graphic's own top.
        const box = chart.shadowRoot!.querySelector('.frame')!.getBoundingClientRect();
        const width = page.window.innerWidth;
        const top = Math.max(0, chart.closest('.scrolly-graphic')!.getBoundingClientRect().top);
        const past: string[] = [];
        for (const text of chart.shadowRoot!.querySelectorAll<SVGTextElement>('svg text')) {
          const label = text.getBoundingClientRect();
          if (label.width === 0 || page.window.getComputedStyle(text).opacity === '0') continue;
          if (label.left < Math.max(0, box.left) - 1 || label.right > Math.min(width, box.right) + 1 || label.top < top - 1 || label.bottom > box.bottom + 1) past.push(`"${text.textContent}" ${Math.round(label.left)}..${Math.round(label.right)} of ${width}, ${Math.round(label.top - box.top)}..${Math.round(label.bottom - box.top)} of ${Math.round(box.height)}`);
        }
        expect(past, `${step.id}: labels cut off`).to.deep.equal([]);
      }
    });
  }
});
