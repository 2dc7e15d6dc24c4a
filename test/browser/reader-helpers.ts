/** What the reader-control tests share: storage set before the story opens, where focus is, waiting for a chart. */
import { openStory, DESKTOP, type StoryPage } from './story-page.ts';
import { until } from './helpers.ts';
import type { StoryStep } from '../../src/types/story.ts';
import { MOTION_STORAGE_KEY } from '../../src/reader/motion-switch.ts';
import { LAST_STEP_STORAGE_KEY } from '../../src/reader/continue-offer.ts';

/** Forgets what an earlier visit kept (the frame shares the test page's origin, so its storage). */
export function forgetVisits(): void {
  localStorage.removeItem(MOTION_STORAGE_KEY);
  localStorage.removeItem(LAST_STEP_STORAGE_KEY);
}

/** Opens the story as a returning reader would find it: with what an earlier visit kept. */
export async function openReader(
  { motion, lastStep, hash = '', viewport = DESKTOP, query = '' }: { motion?: 'on' | 'off'; lastStep?: string; hash?: string; viewport?: { width: number; height: number }; query?: string } = {},
): Promise<StoryPage> {
  forgetVisits();
  if (motion) localStorage.setItem(MOTION_STORAGE_KEY, motion);
  if (lastStep) localStorage.setItem(LAST_STEP_STORAGE_KEY, lastStep);
  return openStory(hash, viewport, query);
}

/** The focused element, inside a chart's shadow root if focus is there. */
export function focused(page: StoryPage): Element | null {
  let active = page.document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A short name for where focus is, as the tests below compare them. */
export function stopName(page: StoryPage): string {
  const element = focused(page);
  if (!element || element === page.document.body) return 'body';
  const step = element.closest('.step');
  if (step) return element.classList.contains('step-card') ? `text:${step.id}` : `link:${step.id}`;
  const root = (element.getRootNode() as ShadowRoot).host;
  const active = page.document.querySelector('.step.is-active')?.id ?? 'none';
  if (root && element.localName === 'summary') return `data:${root.localName}@${active}`;
  if (element.classList.contains('fl-embed-button')) return `embed:${element.closest<HTMLElement>('.scrolly-chart')!.dataset.chart}@${active}`;
  if (element.classList.contains('fl-step-nav-button')) return `nav:${element.textContent}`;
  if (element.classList.contains('fl-skip-section')) return 'skip';
  if (element.classList.contains('fl-motion-switch')) return 'motion';
  if (element.closest('.prose, .site-footer')) return `after:${element.textContent}`;
  return `other:${element.localName}.${element.className}`;
}

/** Waits until a step's chart has drawn that step's state. */
export async function untilChartShows(page: StoryPage, step: StoryStep, timeoutMs = 8000): Promise<void> {
  const section = page.document.getElementById(step.section)!;
  await until(() => {
    const element = section.querySelector(step.tag) as (Element & { chartState?: unknown }) | null;
    return Boolean(element?.chartState && element.getAttribute('data-drawn') === JSON.stringify(element.chartState));
  }, `${step.tag} to draw ${step.id}`, timeoutMs);
}

/** The sentence a chart shows now (its figcaption's first line). */
export function chartSentence(page: StoryPage, step: StoryStep): string {
  const element = page.document.getElementById(step.section)!.querySelector(step.tag)!;
  return element.shadowRoot?.querySelector('.description')?.textContent?.trim() ?? '';
}

/** Whether an element is in the viewport (at least partly) and painted. */
export function onScreen(page: StoryPage, element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.width > 1 && box.height > 1 && box.bottom > 0 && box.top < page.window.innerHeight && box.right > 0 && box.left < page.window.innerWidth;
}
