/**
 * Opens the built story (dist/index.html, as `npm run build` writes it) in a frame that covers the test page's
 * viewport exactly, so Scrollama's observers see the same viewport the frame does, and drives it as a reader:
 * scrolling, following links, reading what the charts show.
 */
import { setViewport } from '@web/test-runner-commands';
import type { Story, StoryStep } from '../../src/types/story.ts';
import type { StepChangeDetail } from '../../src/scrolly/step-change-event.ts';
import { frames, until } from './helpers.ts';
import { RECONCILE_DELAY_MS } from '../../src/scrolly/fl-story.ts';

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

/** `page`: the built page to open (another build's, such as the test chart's site). */
export async function openStory(hash = '', viewport = DESKTOP, query = '', page = '/dist/index.html'): Promise<StoryPage> {
  await setViewport(viewport);
  const frame = document.createElement('iframe');
  frame.title = 'The story under test';
  frame.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;border:0;z-index:1000;background:#fff';
  const events: StepChangeDetail[] = [];
  const errors: string[] = [];
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `${page}${query}${hash}`;
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

/** Goes to a step as a link to it does (fl-story's goTo): scrolled there, the step active at once. */
export function goToStep(page: StoryPage, id: string): void {
  (page.document.querySelector('fl-story') as unknown as { goTo(id: string): void }).goTo(id);
}

/** Waits for the page to settle after a jump: the scroll has ended and the engine has reconciled. */
export async function settle(page: StoryPage): Promise<void> {
  await frames(4);
  page.window.dispatchEvent(new Event('scrollend'));
  // The engine reconciles once the page has been still a moment after the scroll ended.
  await new Promise((resolve) => setTimeout(resolve, RECONCILE_DELAY_MS + 80));
  await frames(4);
}

// ---- Presentation mode and the presenter view -------------------------------------------------------------------

/** Presses a key in a page (the story or the presenter view): a keydown on the focused element, as a keyboard would. */
export function press(target: { window: Window & typeof globalThis; document: Document }, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new target.window.KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true, ...init });
  (target.document.activeElement ?? target.document.body).dispatchEvent(event);
  return event;
}

/** The slide presentation mode shows, from its counter ("7 / 29"), or null when it is not presenting. */
export function shownSlide(page: StoryPage): number | null {
  if (!page.document.documentElement.classList.contains('fl-presenting')) return null;
  const text = page.document.querySelector('.fl-present-counter')?.textContent ?? '';
  const match = /^(\d+) \/ \d+$/.exec(text);
  return match ? Number(match[1]) : null;
}

/** The id of the step on the current slide (null on the title slide, or when not presenting). */
export function shownStepId(page: StoryPage): string | null {
  return page.document.querySelector('.step[data-fl-current]')?.id ?? null;
}

/** Waits until presentation mode shows a slide. */
export async function untilSlide(page: StoryPage, slide: number, timeoutMs = 5000): Promise<void> {
  await until(() => shownSlide(page) === slide && page.document.querySelector('[data-fl-current]') !== null, `slide ${slide} (showing ${shownSlide(page)})`, timeoutMs);
}

/** Opens the story in presentation mode (`?present`, plus `query`), and waits for its first slide. */
export async function openPresentation(hash = '', viewport = DESKTOP, query = ''): Promise<StoryPage> {
  const page = await openStory(hash, viewport, `?present${query}`);
  await until(() => shownSlide(page) !== null && page.document.querySelector('[data-fl-current]') !== null, 'presentation mode to start');
  return page;
}

export interface PresenterPage {
  readonly frame: HTMLIFrameElement;
  readonly window: Window & typeof globalThis;
  readonly document: Document;
  /** The slide the presenter view shows, from its counter. */
  slide(): number | null;
  /** Reloads the presenter view, as a presenter pressing F5 would, and waits for it to start again. */
  reload(): Promise<void>;
  close(): void;
}

/** Opens the presenter view (dist/presenter.html) in a second frame of the test page: same origin as the story. */
export async function openPresenter(hash = ''): Promise<PresenterPage> {
  const frame = document.createElement('iframe');
  frame.title = 'The presenter view under test';
  frame.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;border:0;z-index:999;background:#fff';
  const load = async (): Promise<void> => {
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    if (!frame.isConnected) {
      frame.src = `/dist/presenter.html${hash}`;
      document.body.append(frame);
    } else frame.contentWindow!.location.reload();
    await loaded;
    await until(() => /^\d+ \/ \d+$/.test(frame.contentDocument?.querySelector('.pv-counter')?.textContent ?? ''), 'the presenter view to start');
  };
  await load();
  const slide = () => {
    const match = /^(\d+) \/ \d+$/.exec(frame.contentDocument?.querySelector('.pv-counter')?.textContent ?? '');
    return match ? Number(match[1]) : null;
  };
  return {
    frame,
    get window() {
      return frame.contentWindow as Window & typeof globalThis;
    },
    get document() {
      return frame.contentDocument!;
    },
    slide,
    reload: load,
    close: () => frame.remove(),
  };
}
