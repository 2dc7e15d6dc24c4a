/**
 * Presentation mode on projectors: axe over the slides, and every slide laid out on 16:9 and 4:3 screens (and 4K)
 * without scrolling, without the caption overflowing, with the chart taking most of the screen.
 */
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import { chartFor, openPresentation, press, untilSlide, type StoryPage } from './story-page.ts';
import { frames, until } from './helpers.ts';
import { HD, XGA, axe, count, slideOf } from './present-helpers.ts';

let page: StoryPage | undefined;
afterEach(() => {
  page?.close();
  page = undefined;
});
after(() => setViewport({ width: 800, height: 600 }));

describe('accessibility in presentation mode', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe violations (${scheme}) on the title slide and a slide of each chart`, async () => {
      page = await openPresentation('', HD);
      // Every colour is a light-dark() token: the page's color-scheme picks the palette, as a reader's preference
      // does (media emulation is not available in every browser the suite runs in).
      page.document.documentElement.style.colorScheme = scheme;
      const slides = [1];
      const seen = new Set<string>();
      for (const step of page.story.steps) {
        if (seen.has(step.chart)) continue;
        seen.add(step.chart);
        slides.push(step.index + 2);
      }
      for (const slide of slides) {
        press(page, String(slide));
        press(page, 'Enter');
        await untilSlide(page, slide);
        const step = page.story.steps[slide - 2];
        if (step) await until(() => chartFor(page!, step).hasAttribute('data-drawn'), `${step.tag} to draw`, 8000);
        // Contrast is measured after the cross-fade and the caption's fade-in.
        await frames(30);
        const violations = await axe(page);
        expect(violations, violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n')).to.deep.equal([]);
      }
    });
  }
});

describe('layout on a projector', () => {
  for (const [name, viewport] of [['16:9, 1280x720', HD], ['4:3, 1024x768', XGA]] as const) {
    it(`every slide fits ${name}: no scrolling, no caption overflow, the chart large`, async () => {
      page = await openPresentation('', viewport);
      const { innerWidth: width, innerHeight: height } = page.window;
      expect(width).to.equal(viewport.width);
      for (let slide = 1; slide <= count(page); slide++) {
        if (slide > 1) {
          press(page, 'ArrowRight');
          await untilSlide(page, slide);
        }
        const doc = page.document;
        expect(doc.documentElement.scrollHeight, `slide ${slide}: no vertical scrolling`).to.be.at.most(height);
        expect(doc.documentElement.scrollWidth, `slide ${slide}: no sideways scrolling`).to.be.at.most(width);
        const current = doc.querySelector<HTMLElement>('[data-fl-current]')!;
        const stage = current.getBoundingClientRect();
        expect(stage.left).to.be.closeTo(0, 1);
        expect(stage.top).to.be.closeTo(0, 1);
        expect(stage.width).to.be.closeTo(width, 1);
        expect(stage.height).to.be.closeTo(height, 1);
        if (slide === 1) {
          expect(current.scrollHeight, 'the title fits').to.be.at.most(current.clientHeight);
          continue;
        }
        const step = page.story.steps[slide - 2]!;
        const caption = doc.querySelector<HTMLElement>(`#${step.id} > .step-card`)!;
        expect(caption.scrollHeight, `${step.id}: caption overflows`).to.be.at.most(caption.clientHeight);
        expect(caption.scrollWidth, `${step.id}: caption overflows sideways`).to.be.at.most(caption.clientWidth);
        const box = caption.getBoundingClientRect();
        expect(box.bottom, `${step.id}: caption on screen`).to.be.at.most(height);
        const fontSize = parseFloat(page.window.getComputedStyle(caption).fontSize) * (stage.height / current.offsetHeight);
        expect(fontSize, `${step.id}: caption large enough to read from the back`).to.be.at.least(16);
        const graphic = current.querySelector('.scrolly-graphic')!.getBoundingClientRect();
        expect(graphic.height / height, `${step.id}: the chart takes the room`).to.be.at.least(0.45);
        expect(graphic.bottom, `${step.id}: chart above the caption`).to.be.at.most(box.top + 1);
        // The chart's own content (plot, description, source) stays inside its area.
        const chart = chartFor(page, step) as HTMLElement;
        // Chart modules arrive on their own; on a slow run the first slide of a chart may come before its code.
        await until(() => Boolean(chart.shadowRoot?.querySelector('figure')), `<${step.tag}> to render`, 10_000);
        const figure = chart.shadowRoot!.querySelector('figure')!.getBoundingClientRect();
        expect(figure.bottom, `${step.id}: chart content inside the chart area`).to.be.at.most(graphic.bottom + 1);
      }
    });
  }

  it('reads on a 4K screen the same as on 1280x720, scaled', async () => {
    page = await openPresentation('#drone-reach', { width: 3840, height: 2160 });
    await untilSlide(page, slideOf(page, 'drone-reach'));
    const caption = page.document.querySelector<HTMLElement>('#drone-reach > .step-card')!;
    expect(caption.scrollHeight).to.be.at.most(caption.clientHeight);
    const box = caption.getBoundingClientRect();
    expect(box.bottom).to.be.at.most(2160);
    expect(box.height, 'scaled up, not left small').to.be.greaterThan(500);
    expect(page.document.documentElement.scrollHeight).to.be.at.most(2160);
  });
});

describe('a screen that changes size', () => {
  it('re-fits the stage and the caption when the window resizes (a projector plugged in, full screen)', async () => {
    page = await openPresentation('#power-broker', HD);
    await untilSlide(page, slideOf(page, 'power-broker'));
    const caption = page.document.querySelector<HTMLElement>('#power-broker > .step-card')!;
    for (const viewport of [XGA, { width: 1920, height: 1080 }, HD]) {
      await setViewport(viewport);
      await until(() => {
        const stage = page!.document.querySelector('[data-fl-current]')!.getBoundingClientRect();
        return Math.abs(stage.width - viewport.width) < 1 && Math.abs(stage.height - viewport.height) < 1;
      }, `the stage to cover ${viewport.width}x${viewport.height}`);
      await frames(2);
      expect(caption.scrollHeight, `${viewport.width}x${viewport.height}`).to.be.at.most(caption.clientHeight);
      expect(caption.getBoundingClientRect().bottom).to.be.at.most(viewport.height);
      expect(page.document.documentElement.scrollHeight).to.be.at.most(viewport.height);
    }
  });
});
