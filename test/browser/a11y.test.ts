/**
 * Accessibility of the whole story page: axe-core over the built page, in light and dark, at desktop and phone
 * sizes, with every chart drawn.
 */
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import { DESKTOP, PHONE, openStory, scrollToStep, type StoryPage } from './story-page.ts';
import { until } from './helpers.ts';

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}

/** Loads axe-core into the story's frame and runs it over the whole document. */
export async function axe(page: StoryPage): Promise<AxeResult['violations']> {
  const win = page.window as unknown as { axe?: { run(context: Document, options: object): Promise<AxeResult> } };
  if (!win.axe) {
    const script = page.document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    page.document.head.append(script);
    await loaded;
  }
  const result = await win.axe!.run(page.document, { resultTypes: ['violations'] });
  return result.violations;
}

function describeViolations(violations: AxeResult['violations']): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`).join('\n');
}

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
        const violations = await axe(page);
        expect(violations, describeViolations(violations)).to.deep.equal([]);
      }
    });
  }
}
