/**
 * What the presentation-mode tests share: slide numbers, the check that a slide shows its step in its state, axe,
 * and the print figures' readiness.
 */
import { expect } from 'chai';
import { emulateMedia } from '@web/test-runner-commands';
import { chartFor, chartState, expectedState, shownSlide, shownStepId, type StoryPage } from './story-page.ts';
import { until } from './helpers.ts';
import { runAxe, type AxeViolation } from './axe.ts';

export const HD = { width: 1280, height: 720 };
export const XGA = { width: 1024, height: 768 };

/** The slide a step is on: the title slide is 1, so step index i is slide i + 2. */
export const slideOf = (page: StoryPage, id: string) => page.story.steps.findIndex((step) => step.id === id) + 2;
export const count = (page: StoryPage) => page.story.steps.length + 1;

/** Checks that the slide shows its step, and the step's chart in the step's state, brought forward. */
export function expectShowing(page: StoryPage, slide: number): void {
  expect(shownSlide(page), 'the counter').to.equal(slide);
  if (slide === 1) {
    expect(page.document.querySelector('.story-header')!.hasAttribute('data-fl-current'), 'the title slide').to.equal(true);
    expect(shownStepId(page)).to.equal(null);
    return;
  }
  const step = page.story.steps[slide - 2]!;
  expect(shownStepId(page), 'the step shown').to.equal(step.id);
  expect(chartState(page, step), `${step.id}'s chart state`).to.deep.equal(expectedState(page, step));
  expect(chartFor(page, step).closest('.scrolly-chart')!.hasAttribute('data-active'), `${step.chart} in front`).to.equal(true);
}

/** axe over the whole story document. */
export function axe(page: StoryPage): Promise<AxeViolation[]> {
  return runAxe(page.window, page.document);
}

/** Emulates print media where the browser can (Chromium); returns false where it cannot. */
export async function printMedia(on: boolean): Promise<boolean> {
  // Firefox runs through WebDriver BiDi, which has no media emulation: the command fails there, loudly.
  if (navigator.userAgent.includes('Firefox')) return false;
  try {
    await emulateMedia({ media: on ? 'print' : 'screen' });
    return true;
  } catch {
    return false;
  }
}

/** Waits until every print figure's chart has drawn its state (and a map its outlines). */
export async function figuresDrawn(page: StoryPage): Promise<HTMLElement[]> {
  await until(() => page.document.querySelectorAll('.fl-print-figure').length === page.story.steps.length, 'a print figure per step');
  const charts = () => [...page.document.querySelectorAll<HTMLElement>('.fl-print-figure > *')];
  const pending = (chart: HTMLElement) =>
    !chart.hasAttribute('data-drawn') || ['waiting', 'loading'].includes(String((chart as { geographyStatus?: string }).geographyStatus));
  try {
    await until(() => !charts().some(pending), 'every print chart to draw', 15_000);
  } catch (error) {
    const left = charts()
      .filter(pending)
      .map((chart) => `${chart.parentElement!.dataset.step} (${chart.localName}, ${(chart as { geographyStatus?: string }).geographyStatus}, ${JSON.stringify(chart.getBoundingClientRect())})`);
    throw new Error(`${(error as Error).message}: ${left.join('; ')}`);
  }
  return charts();
}
