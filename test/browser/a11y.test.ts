/**
 * Accessibility of the whole story page: axe-core over the built page, in light and dark, at desktop and phone
 * sizes, with every chart drawn.
 */
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import { DESKTOP, PHONE, openStory, scrollToStep, type StoryPage } from './story-page.ts';
import { until } from './helpers.ts';
import { describeViolations, runAxe } from './axe.ts';

let page: StoryPage | undefined;
afterEach(() => {
  page?.close();
  page = undefined;
});
after(() => setViewport({ width: 800, height: 600 }));

for (const scheme of ['light', 'dark'] as const) {
  for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    it(`has no axe violations (${scheme}, ${name}), with each kind of chart on screen`, async () => {
      page = await openStory('', viewport);
      // Every colour is a light-dark() token, so the page's color-scheme picks the palette, as the reader's
      // preference does (media emulation is not available in every browser the suite runs in).
      page.document.documentElement.style.colorScheme = scheme;
      const charts = new Set<string>();
      for (const step of page.story.steps) {
        if (charts.has(step.chart)) continue;
        charts.add(step.chart);
        await scrollToStep(page, step.id);
        await until(() => page!.document.querySelector(step.tag)?.hasAttribute('data-drawn') ?? false, `${step.tag} to draw`, 8000);
        // axe measures contrast as painted: wait for the chart's cross-fade to finish.
        const wrapper = page.document.querySelector(step.tag)!.closest('.scrolly-chart')!;
        await until(() => page!.window.getComputedStyle(wrapper).opacity === '1', `${step.tag} to fade in`, 3000);
        const violations = await runAxe(page.window, page.document);
        expect(violations, describeViolations(violations)).to.deep.equal([]);
      }
    });
  }
}
