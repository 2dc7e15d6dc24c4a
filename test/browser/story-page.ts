/**
 * Opens the built story (dist/index.html, as `npm run build` writes it) in a frame that covers the test page's
 * viewport exactly, so Scrollama's observers see the same viewport the frame does, and drives it as a reader:
 * scrolling, following links, reading what the charts show.
 */
import { setViewport } from '@web/test-runner-commands';
import type { Story, StoryStep } from '../../src/types/story.ts';
import type { StepChangeDetail } from '../../src/scrolly/step-change-event.ts';
import { frames, until } from './helpers.ts';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export interface StoryPage {
  readonly frame: HTMLIFrameElement;
  readonly window: Window & typeof globalThis;
  readonly document: Document;
  readonly story: Story;
  /** Every fl-step-change heard since the page opened (or since `events.length = 0`). */
  readonly events: StepChangeDetail[];
  /** Errors and console errors the page reported. */
  readonly errors: string[];
  close(): void;
}

export async function openStory(hash = '', viewport = DESKTOP, query = ''): Promise<StoryPage> {
  await setViewport(viewport);
  const frame = document.createElement('iframe');
  frame.title = 'The story under test';
  frame.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;border:0;z-index:1000;background:#fff';
  const events: StepChangeDetail[] = [];
  const errors: string[] = [];
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/dist/index.html${query}${hash}`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  win.addEventListener('error', (event) => errors.push(String(event.message)));
  win.addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)));
  win.document.addEventListener('fl-step-change', (event) => events.push((event as CustomEvent<StepChangeDetail>).detail));
  const storyElement = () => win.document.querySelector('fl-story') as (Element & { story?: Story; updateComplete?: Promise<unknown> }) | null;
  await until(() => Boolean(win.customElements.get('fl-story') && storyElement()?.story), 'the story to start', 10_000);
  await storyElement()!.updateComplete;
  await frames(3);
  return {
    frame,
    window: win,
    document: win.document,
    story: storyElement()!.story!,
    events,
    errors,
    close: () => frame.remove(),
  };
}

/** The id of the step the page shows as active. */
export function activeStepId(page: StoryPage): string | null {
  return page.document.querySelector('.step.is-active')?.id ?? null;
}

/** The chart element a step uses, in the page. */
export function chartFor(page: StoryPage, step: StoryStep): Element {
  const element = page.document.querySelector(step.tag);
  if (!element) throw new Error(`no <${step.tag}> in the page`);
  return element;
}

/** The attributes of a chart that make up its state, as the page has them now. */
export function chartState(page: StoryPage, step: StoryStep): Record<string, string> {
  const element = chartFor(page, step);
  const state: Record<string, string> = {};
  for (const name of page.story.charts[step.chart]!.attributes) state[name] = element.getAttribute(name) ?? '';
  return state;
}

/** The state a step asks for, with empty values as absent attributes. */
export function expectedState(page: StoryPage, step: StoryStep): Record<string, string> {
  const state: Record<string, string> = {};
  for (const name of page.story.charts[step.chart]!.attributes) state[name] = step.state[name] ?? '';
  return state;
}

/** Scrolls so the step's top sits at 30% of the viewport: past the trigger line on phones and desktops. */
export async function scrollToStep(page: StoryPage, id: string, settleFrames = 4): Promise<void> {
  const element = page.document.getElementById(id)!;
  const top = element.getBoundingClientRect().top + page.window.scrollY;
  page.window.scrollTo({ top: top - page.window.innerHeight * 0.3, behavior: 'instant' });
  await frames(settleFrames);
}

/** Waits for the page to settle after a jump: the scroll has ended and the engine has reconciled. */
export async function settle(page: StoryPage): Promise<void> {
  await frames(4);
  page.window.dispatchEvent(new Event('scrollend'));
  await frames(4);
}
