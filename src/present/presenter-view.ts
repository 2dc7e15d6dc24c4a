/**
 * The presenter view (presenter.html): a second window for the presenter's laptop screen while the story is on
 * the projector. It shows the current slide's text and the presenter's notes, the next slide's text and which
 * chart it brings, the time elapsed and the time of day, and steps with the same keys as the story (and buttons).
 *
 * It stays on the story window's slide through the presenter channel (BroadcastChannel 'frontlines-present'):
 * stepping here moves the story, stepping there moves this; opened or reloaded, it asks where the story is. It
 * reads the built story and its texts; a small picture of the current and the next slide's chart comes from the
 * chart elements themselves, loaded and drawn lazily (presenter-thumbnails.ts).
 */
import './presenter-view.css';
import type { Story, StepText } from '../types/story.ts';
import type { PresentAction } from './keys.ts';
import { TITLE_SLIDE, stepForSlide } from './slides.ts';
import type { PresentMessage, SlidePosition } from './presenter-channel.ts';
import { SlideController } from './slide-controller.ts';
import { SlideThumbnails, type ChartModules, type DefaultRows } from './presenter-thumbnails.ts';
import { escapeHtml } from '../charts/shared/escape.ts';

/** Where the timer keeps its start, so a reload of this window does not restart it. */
const TIMER_KEY = 'frontlines-presenter-timer';

interface TimerState {
  /** When the timer started (ms since the epoch), moved forward by the time spent paused. */
  start: number;
  /** When it was paused, or null while it runs. */
  paused: number | null;
}

type StoryWindow = 'unknown' | 'none' | 'presenting' | 'reading';

/** The story window's own keys: leaving or starting presentation mode, opening another presenter view. */
const STORY_WINDOW_ACTIONS = new Set<PresentAction['type']>(['exit', 'toggle', 'presenter']);

export class PresenterView {
  private readonly slides: SlideController;
  private readonly texts: Map<string, StepText>;
  private timer: TimerState;
  private storyWindow: StoryWindow = 'unknown';
  private storyWindows = new Set<string>();
  private readonly parts: Record<
    'heading' | 'chart' | 'text' | 'notes' | 'nextHeading' | 'nextChart' | 'nextText' | 'counter' | 'elapsed' | 'clock' | 'status' | 'live' | 'pause' | 'open' | 'previous' | 'next',
    HTMLElement
  >;

  private readonly thumbnails: SlideThumbnails;

  constructor(
    private readonly story: Story,
    stepTexts: readonly StepText[],
    private readonly root: HTMLElement,
    defaultRows: DefaultRows = {},
    chartModules: ChartModules = {},
  ) {
    this.slides = new SlideController(
      story.steps,
      {
        presenting: () => true,
        go: (slide) => this.show(slide, { send: true }),
        act: (action) => this.act(action),
        digitsChanged: () => this.renderCounter(),
        takes: (action) => !STORY_WINDOW_ACTIONS.has(action.type),
        position: () => ({ slide: this.slide, presenting: true }),
        follow: (position, message) => this.follow(position, message),
        peers: (message) => this.peers(message),
      },
      { role: 'presenter' },
    );
    this.texts = new Map(stepTexts.map((text) => [text.id, text]));
    this.timer = readTimer();
    this.parts = this.build();
    this.thumbnails = new SlideThumbnails(
      { current: root.querySelector<HTMLElement>('.pv-current .pv-thumb')!, next: root.querySelector<HTMLElement>('.pv-next .pv-thumb')! },
      chartModules,
      defaultRows,
    );
  }

  /** The slide shown; 1 is the title slide. */
  get slide(): number {
    return this.slides.slide;
  }

  private get count(): number {
    return this.slides.count;
  }

  start(): void {
    this.show(this.slides.slideFor(location.hash) ?? TITLE_SLIDE, { send: false });
    document.addEventListener('keydown', this.slides.onKeyDown);
    addEventListener('hashchange', () => {
      const slide = this.slides.slideFor(location.hash);
      if (slide !== null && slide !== this.slide) this.show(slide, { send: true });
    });
    window.setInterval(() => this.updateTime(), 1000);
    this.updateTime();
    this.slides.hello();
    // No answer in a moment: no story window is open (or it cannot hear this one).
    window.setTimeout(() => {
      if (this.storyWindow === 'unknown') this.setStoryWindow('none');
    }, 1200);
  }

  /** Goes to a slide and, when the presenter asked for it here, moves the story window too. */
  show(slide: number, { send }: { send: boolean }): void {
    this.slides.slide = this.slides.clamp(slide);
    const hash = this.slides.hashFor(this.slide);
    if (location.hash !== hash) history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
    this.render();
    this.parts.live.textContent = `Slide ${this.slide} of ${this.count}.`;
    if (send) this.slides.broadcast();
  }

  /** Does what a key or a button asks. */
  perform(action: PresentAction): void {
    this.slides.perform(action);
  }

  /** What the keys and buttons ask besides moving: here, only full screen. */
  private act(action: PresentAction): void {
    if (action.type !== 'fullscreen') return;
    const request = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen?.();
    Promise.resolve(request).catch(() => undefined);
  }

  private follow(position: SlidePosition, message: PresentMessage): void {
    if (message.role === 'story') {
      this.storyWindows.add(message.from);
      this.setStoryWindow(position.presenting ? 'presenting' : 'reading');
    }
    if (position.slide === this.slide) return;
    this.slides.quietly(() => this.show(position.slide, { send: false }));
  }

  private peers(message: PresentMessage): void {
    if (message.role !== 'story') return;
    if (message.type === 'bye') {
      this.storyWindows.delete(message.from);
      if (this.storyWindows.size === 0) this.setStoryWindow('none');
    } else {
      this.storyWindows.add(message.from);
      if (message.type === 'hello' && message.presenting !== undefined) this.setStoryWindow(message.presenting ? 'presenting' : 'reading');
    }
  }

  private setStoryWindow(state: StoryWindow): void {
    this.storyWindow = state;
    const messages: Record<StoryWindow, string> = {
      unknown: 'Looking for the story window\u2026',
      none: 'No story window is open.',
      presenting: 'The story window is presenting.',
      reading: 'The story window is in scroll mode: press P there to present.',
    };
    this.parts.status.textContent = messages[state];
    this.parts.status.dataset.state = state;
    this.parts.open.hidden = state !== 'none';
  }

  // ---- rendering ---------------------------------------------------------------------------------------------

  private render(): void {
    const { parts } = this;
    const step = stepForSlide(this.story.steps, this.slide);
    parts.heading.textContent = `Slide ${this.slide} of ${this.count}`;
    parts.chart.textContent = step ? chartSummary(this.story, this.slide) : 'Title slide';
    parts.text.innerHTML = this.slideText(this.slide);
    const notes = step ? (this.texts.get(step.id)?.notes ?? '') : '';
    parts.notes.innerHTML = notes || '<p class="pv-empty">No notes for this slide.</p>';
    if (this.slide < this.count) {
      parts.nextHeading.textContent = `Next: slide ${this.slide + 1}`;
      parts.nextChart.textContent = chartSummary(this.story, this.slide + 1, step?.chart);
      parts.nextText.innerHTML = this.slideText(this.slide + 1);
    } else {
      parts.nextHeading.textContent = 'Next: nothing, this is the last slide';
      parts.nextChart.textContent = '';
      parts.nextText.innerHTML = '';
    }
    this.thumbnails.show(step, this.slide < this.count ? stepForSlide(this.story.steps, this.slide + 1) : null);
    (parts.previous as HTMLButtonElement).disabled = this.slide <= TITLE_SLIDE;
    (parts.next as HTMLButtonElement).disabled = this.slide >= this.count;
    this.renderCounter();
  }

  /** A slide's text as the audience sees it: the step's text, or the title slide's headline, dek and byline. */
  private slideText(slide: number): string {
    const step = stepForSlide(this.story.steps, slide);
    if (step) return this.texts.get(step.id)?.html ?? '';
    const { meta } = this.story;
    return `<p class="pv-kicker">${escapeHtml(meta.kicker)}</p><p class="pv-headline">${escapeHtml(meta.title)}</p><p>${escapeHtml(meta.dek)}</p><p class="pv-byline">${escapeHtml(meta.byline)}</p>`;
  }

  private renderCounter(): void {
    const digits = this.slides.digits;
    this.parts.counter.textContent = digits ? `Go to ${digits}\u2026` : `${this.slide} / ${this.count}`;
    this.parts.counter.setAttribute('aria-label', digits ? `Go to slide ${digits}, press Enter` : `Slide ${this.slide} of ${this.count}`);
  }

  private updateTime(): void {
    const now = Date.now();
    const elapsed = (this.timer.paused ?? now) - this.timer.start;
    this.parts.elapsed.textContent = formatElapsed(elapsed);
    this.parts.elapsed.dataset.paused = String(this.timer.paused !== null);
    this.parts.pause.textContent = this.timer.paused !== null ? 'Resume' : 'Pause';
    this.parts.clock.textContent = new Date(now).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  private toggleTimer(): void {
    const now = Date.now();
    if (this.timer.paused !== null) this.timer = { start: this.timer.start + (now - this.timer.paused), paused: null };
    else this.timer = { ...this.timer, paused: now };
    writeTimer(this.timer);
    this.updateTime();
  }

  private resetTimer(): void {
    this.timer = { start: Date.now(), paused: this.timer.paused !== null ? Date.now() : null };
    writeTimer(this.timer);
    this.updateTime();
  }

  private build(): PresenterView['parts'] {
    const root = this.root;
    root.innerHTML = `
      <header class="pv-top">
        <h1 class="pv-title">Presenter view <span class="pv-story-title"></span></h1>
        <p class="pv-status" data-state="unknown"></p>
        <button type="button" class="pv-button pv-open" hidden>Open the story window</button>
        <div class="pv-times">
          <p class="pv-time"><span class="pv-label">Elapsed</span> <span class="pv-elapsed">00:00</span></p>
          <button type="button" class="pv-button pv-pause">Pause</button>
          <button type="button" class="pv-button pv-reset">Reset</button>
          <p class="pv-time"><span class="pv-label">Time</span> <span class="pv-clock"></span></p>
        </div>
      </header>
      <section class="pv-current" aria-labelledby="pv-heading">
        <h2 id="pv-heading" class="pv-heading"></h2>
        <p class="pv-chart"></p>
        <div class="pv-thumb"></div>
        <h3 class="pv-label">Notes</h3>
        <div class="pv-notes"></div>
        <h3 class="pv-label">On screen</h3>
        <div class="pv-text"></div>
      </section>
      <aside class="pv-next" aria-labelledby="pv-next-heading">
        <h2 id="pv-next-heading" class="pv-heading"></h2>
        <p class="pv-chart pv-next-chart"></p>
        <div class="pv-thumb"></div>
        <div class="pv-next-text"></div>
      </aside>
      <nav class="pv-controls" aria-label="Slides">
        <button type="button" class="pv-button pv-step pv-previous" aria-keyshortcuts="ArrowLeft PageUp">\u2190 Previous</button>
        <span class="pv-counter" role="img"></span>
        <button type="button" class="pv-button pv-step pv-next-button" aria-keyshortcuts="ArrowRight PageDown Space">Next \u2192</button>
        <button type="button" class="pv-button pv-fullscreen" aria-keyshortcuts="F">Full screen</button>
      </nav>
      <div class="fl-sr-only" role="status" aria-live="polite"></div>`;
    const find = (selector: string) => root.querySelector<HTMLElement>(selector)!;
    find('.pv-story-title').textContent = `\u00b7 ${this.story.meta.title}`;
    document.title = `Presenter view: ${this.story.meta.title} | Frontlines`;
    const parts = {
      heading: find('#pv-heading'),
      chart: find('.pv-current .pv-chart'),
      text: find('.pv-text'),
      notes: find('.pv-notes'),
      nextHeading: find('#pv-next-heading'),
      nextChart: find('.pv-next-chart'),
      nextText: find('.pv-next-text'),
      counter: find('.pv-counter'),
      elapsed: find('.pv-elapsed'),
      clock: find('.pv-clock'),
      status: find('.pv-status'),
      live: find('[role="status"][aria-live]'),
      pause: find('.pv-pause'),
      open: find('.pv-open'),
      previous: find('.pv-previous'),
      next: find('.pv-next-button'),
    };
    parts.previous.addEventListener('click', () => this.perform({ type: 'previous' }));
    parts.next.addEventListener('click', () => this.perform({ type: 'next' }));
    find('.pv-fullscreen').addEventListener('click', () => this.perform({ type: 'fullscreen' }));
    parts.pause.addEventListener('click', () => this.toggleTimer());
    find('.pv-reset').addEventListener('click', () => this.resetTimer());
    parts.open.addEventListener('click', () => {
      const url = new URL('index.html', location.href);
      url.search = '?present';
      url.hash = this.slides.hashFor(this.slide);
      window.open(url.href, 'frontlines-story');
    });
    return parts;
  }
}

/** "Distance map: focus kstovo, measure kstovo border", and whether the slide changes chart. */
function chartSummary(story: Story, slide: number, previousChart?: string): string {
  const step = stepForSlide(story.steps, slide);
  if (!step) return 'Title slide';
  const name = step.chart.replace(/-/g, ' ');
  const state = Object.entries(step.state)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
  const change = previousChart !== undefined && previousChart !== step.chart ? ' (new chart)' : '';
  return `${name[0]!.toUpperCase()}${name.slice(1)}${change}${state ? `: ${state}` : ''}`;
}

function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

function readTimer(): TimerState {
  try {
    const saved = JSON.parse(sessionStorage.getItem(TIMER_KEY) ?? 'null') as TimerState | null;
    if (saved && typeof saved.start === 'number' && (saved.paused === null || typeof saved.paused === 'number')) return saved;
  } catch {
    // Storage unavailable or unreadable: a fresh timer.
  }
  const fresh = { start: Date.now(), paused: null };
  writeTimer(fresh);
  return fresh;
}

function writeTimer(timer: TimerState): void {
  try {
    sessionStorage.setItem(TIMER_KEY, JSON.stringify(timer));
  } catch {
    // Storage unavailable: the timer still runs, it just restarts on reload.
  }
}

