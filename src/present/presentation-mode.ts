/**
 * Presentation mode: the story a reader scrolls, shown as a sequence of full-screen slides (the title slide, then
 * one per step) for a laptop on a projector, stepped with the keyboard, a clicker, a click or a tap.
 *
 * It restyles the page that is already there rather than building a second one: a class on <html>
 * (`fl-presenting`) and a `data-fl-current` mark on the slide shown (the story header, or a section and one of
 * its steps) let present.css lay that slide out on a stage scaled to the screen. Charts change through the scroll
 * engine (`FlScrolly.activate`), so a slide's chart state comes from the same place as a scrolled step's; while
 * presenting, scrolling is switched off (`FlStory.scrollDriven`) so Scrollama cannot fight the keys.
 *
 * URLs: `?present` turns it on, the hash names the slide (none for the title slide) in both modes. Stepping
 * replaces the history entry (as scrolling does), so the history does not fill with slides; entering or leaving
 * the mode pushes one, so Back undoes the mode change and lands on the slide or step the other mode was showing.
 *
 * Numbering: slides count from 1, the title slide included ("1 / 29" is the title, "2 / 29" the first step);
 * typing a number and Enter goes to the slide the counter would show.
 *
 * Parts: the keys, the slide numbering, the hash and the presenter channel are the slide controller's, shared with
 * the presenter view (slide-controller.ts); the toolbar is `<fl-present-toolbar>` (present-toolbar.ts); the
 * stage's size and the type fitted to it are stage.ts's. This module says what a slide change does to the page.
 */
import '../styles/present.css';
import '../styles/print.css';
import type { Story } from '../types/story.ts';
import type { FlStory } from '../scrolly/fl-story.ts';
import type { FlScrolly } from '../scrolly/fl-scrolly.ts';
import type { StepDirection } from '../scrolly/step-change-event.ts';
import type { PresentAction } from './keys.ts';
import { TITLE_SLIDE, slideForStep, stepForSlide } from './slides.ts';
import type { PresentMessage, SlidePosition } from './presenter-channel.ts';
import { SlideController } from './slide-controller.ts';
import { FlPresentToolbar } from './present-toolbar.ts';
import { PrintLayout, type Dataset } from './print.ts';
import { fitCaption, fitTitle, sizeStage } from './stage.ts';

/** How long the pointer rests before the toolbar and the cursor fade out. */
const IDLE_MS = 2500;
/** How long digits typed towards a jump stay in the counter without Enter. */
const DIGITS_SHOWN_MS = 3000;

/**
 * Wires presentation mode, the presenter view's channel and the print layout into the story page. `datasets`: each
 * dataset's sources, for the print's last page, in the order the about section lists them.
 */
export function installPresenting(story: Story, datasets: readonly Dataset[]): PresentationMode | null {
  const root = document.querySelector<FlStory>('fl-story');
  if (!root) return null;
  const mode = new PresentationMode(story, root, datasets);
  mode.install();
  return mode;
}

export class PresentationMode {
  /** Whether presentation mode is on. */
  presenting = false;

  private readonly slides: SlideController;
  private readonly print: PrintLayout;
  private idleTimer = 0;
  private resizeFrame = 0;
  private restoreFrame = 0;

  private readonly toolbar: FlPresentToolbar;
  private readonly live: HTMLElement;

  /** The slide shown (presenting) or last shown; 1 is the title slide. */
  get slide(): number {
    return this.slides.slide;
  }
  set slide(slide: number) {
    this.slides.slide = slide;
  }

  private get count(): number {
    return this.slides.count;
  }

  constructor(
    private readonly story: Story,
    private readonly root: FlStory,
    datasets: readonly Dataset[],
  ) {
    this.slides = new SlideController(
      story.steps,
      {
        presenting: () => this.presenting,
        go: (slide) => this.go(slide),
        act: (action) => this.act(action),
        digitsChanged: () => this.updateBar(),
        position: () => this.position(),
        follow: (position, message) => this.follow(position, message),
      },
      { role: 'story', digitsDisplayMs: DIGITS_SHOWN_MS },
    );
    this.print = new PrintLayout(story, {
      presenting: () => this.presenting,
      datasets,
    });
    this.toolbar = new FlPresentToolbar();
    this.toolbar.count = this.slides.count;
    this.toolbar.addEventListener('fl-present-action', (event) => this.perform(event.detail));
    this.live = document.createElement('div');
    this.live.className = 'fl-sr-only fl-present-live';
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
  }

  install(): void {
    document.body.append(this.toolbar);
    // Inside <main>, so the announcements sit in a landmark like the rest of the page's content.
    (document.querySelector('main') ?? document.body).append(this.live);
    // Before the story starts, so a page opened with ?present never shows the scrolling layout first.
    if (wantsPresent()) document.documentElement.classList.add('fl-presenting');
    document.addEventListener('keydown', this.slides.onKeyDown);
    document.addEventListener('click', this.onClick);
    document.addEventListener('pointermove', this.onPointerMove, { passive: true });
    document.addEventListener('fullscreenchange', this.onFullscreenChange);
    document.addEventListener('fl-step-change', this.onStepChange);
    addEventListener('popstate', this.onPopState);
    addEventListener('hashchange', this.onHashChange);
    addEventListener('resize', this.onResize, { passive: true });
    this.print.install();
    void this.start();
  }

  private async start(): Promise<void> {
    await customElements.whenDefined('fl-story');
    await this.root.updateComplete;
    await Promise.all(this.root.sections.map((section) => section.updateComplete));
    // Opening is not a move: nothing is sent, the hello below asks instead.
    this.slides.quietly(() => {
      if (wantsPresent()) this.enter({ push: false, slide: this.slides.slideFor(location.hash) ?? TITLE_SLIDE });
      else this.slides.slide = this.scrollSlide();
    });
    // Ask the other windows where they are: a reloaded presentation rejoins the presenter view's slide.
    this.slides.hello(this.presenting);
    if (new URLSearchParams(location.search).has('print')) await this.print.printWhenReady();
  }

  // ---- the mode ----------------------------------------------------------------------------------------------

  /** Turns presentation mode on at a slide (by default the step the reader has scrolled to). */
  enter({ push, slide }: { push: boolean; slide?: number }): void {
    const target = this.slides.clamp(slide ?? this.scrollSlide());
    if (this.presenting) {
      this.go(target);
      return;
    }
    this.presenting = true;
    this.root.scrollDriven = false;
    cancelAnimationFrame(this.restoreFrame);
    document.documentElement.classList.add('fl-presenting');
    sizeStage();
    if (push) history.pushState(history.state, '', urlFor(true, this.slides.hashFor(target)));
    this.show(target, `Presentation mode, slide ${target} of ${this.count}.`);
    this.releaseHiddenFocus();
    this.wake();
  }

  /** Turns presentation mode off: the story scrolls again, at the step the slide showed. */
  exit({ push }: { push: boolean }): void {
    if (!this.presenting) return;
    this.presenting = false;
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    document.documentElement.classList.remove('fl-presenting', 'fl-present-idle');
    for (const element of document.querySelectorAll('[data-fl-current]')) element.removeAttribute('data-fl-current');
    const step = stepForSlide(this.story.steps, this.slide);
    if (push) history.pushState(history.state, '', urlFor(false, this.slides.hashFor(this.slide)));
    else this.syncHash(false);
    if (step) this.root.goTo(step.id);
    else window.scrollTo({ top: 0, behavior: 'instant' });
    // Scrolling takes over again once the restored layout has been through the observers: until then they would
    // report the steps that moved under the trigger line as the layout came back.
    this.restoreFrame = requestAnimationFrame(() => {
      this.restoreFrame = requestAnimationFrame(() => {
        if (this.presenting) return;
        this.root.scrollDriven = true;
        this.root.reconcile();
      });
    });
    this.releaseHiddenFocus();
    this.announce('Presentation mode off.');
    this.broadcast();
  }

  /** Goes to a slide (presenting) or scrolls to its step (reading), and tells the other windows. */
  go(slide: number): void {
    const target = this.slides.clamp(slide);
    if (!this.presenting) {
      this.scrollTo(target);
      this.broadcast();
      return;
    }
    if (target === this.slide && document.querySelector('[data-fl-current]')) {
      this.announce(target === this.count ? `Slide ${target} of ${this.count}, the last.` : `Slide ${target} of ${this.count}.`);
      return;
    }
    this.show(target, `Slide ${target} of ${this.count}.`);
  }

  // ---- showing a slide ---------------------------------------------------------------------------------------

  private show(slide: number, announcement: string): void {
    const direction: StepDirection = slide < this.slide ? 'up' : 'down';
    this.slide = slide;
    for (const element of document.querySelectorAll('[data-fl-current]')) element.removeAttribute('data-fl-current');
    const step = stepForSlide(this.story.steps, slide);
    if (!step) {
      this.root.querySelector('.story-header')?.setAttribute('data-fl-current', '');
    } else {
      const section = document.getElementById(step.section) as FlScrolly | null;
      document.getElementById(step.id)?.setAttribute('data-fl-current', '');
      section?.setAttribute('data-fl-current', '');
      // The engine sets the step's chart state and fires fl-step-change, exactly as scrolling to it would.
      if (section && !section.activate(step.id, direction)) section.showState(step);
    }
    this.syncHash(true);
    this.updateBar();
    this.fit();
    this.releaseHiddenFocus();
    this.announce(announcement);
    this.broadcast();
  }

  /** Scrolling mode: puts the slide's step at the trigger line (the title slide: the top of the page). */
  private scrollTo(slide: number): void {
    this.slide = slide;
    const step = stepForSlide(this.story.steps, slide);
    if (step) this.root.goTo(step.id);
    else {
      window.scrollTo({ top: 0, behavior: 'instant' });
      this.syncHash(false);
    }
  }

  /** The slide the reader has scrolled to: the title until the first step reaches the trigger line. */
  private scrollSlide(): number {
    const id = this.root.activeId;
    const step = this.root.stepWithId(id);
    if (!step) return TITLE_SLIDE;
    const first = document.getElementById(this.story.steps[0]!.id);
    if (step.index === 0 && first && first.getBoundingClientRect().top > innerHeight / 2) return TITLE_SLIDE;
    return slideForStep(step);
  }

  /** The hash names the slide; replaceState, so stepping adds no history entries (see the module comment). */
  private syncHash(presenting: boolean): void {
    const hash = this.slides.hashFor(this.slide);
    if (location.hash === hash) return;
    history.replaceState(history.state, '', urlFor(presenting, hash));
  }

  /** Fits the slide's caption (or the title) into its box at the largest type that fits. */
  private fit(): void {
    if (!this.presenting) return;
    const step = stepForSlide(this.story.steps, this.slide);
    if (step) {
      const card = document.getElementById(step.id)?.querySelector<HTMLElement>(':scope > .step-card');
      if (card) fitCaption(card);
    } else {
      const header = this.root.querySelector<HTMLElement>('.story-header');
      if (header) fitTitle(header);
    }
  }

  /** Focus on something the mode change hid goes back to the document, rather than staying on nothing visible. */
  private releaseHiddenFocus(): void {
    const active = document.activeElement as HTMLElement | null;
    if (active && active !== document.body && active.getClientRects().length === 0) active.blur();
  }

  // ---- input -------------------------------------------------------------------------------------------------

  /** Does what a key or a toolbar button asks. */
  perform(action: PresentAction): void {
    this.slides.perform(action);
  }

  /** What the keys and buttons ask besides moving (slide-controller.ts moves). */
  private act(action: PresentAction): void {
    switch (action.type) {
      case 'fullscreen':
        this.toggleFullscreen();
        break;
      case 'exit':
        this.exit({ push: true });
        break;
      case 'toggle':
        if (this.presenting) this.exit({ push: true });
        else this.enter({ push: true });
        break;
      case 'presenter':
        this.openPresenterView();
        break;
      default:
        break;
    }
  }

  /** A click or tap on the left or right third of the screen steps, unless it lands on something clickable. */
  private onClick = (event: MouseEvent): void => {
    if (!this.presenting || event.defaultPrevented || event.button !== 0) return;
    if (event.composedPath().some(isInteractive)) return;
    if (!(getSelection()?.isCollapsed ?? true)) return;
    const x = event.clientX / (document.documentElement.clientWidth || innerWidth);
    if (x < 1 / 3) this.go(this.slide - 1);
    else if (x > 2 / 3) this.go(this.slide + 1);
  };

  private onPointerMove = (): void => {
    if (this.presenting) this.wake();
  };

  /** Shows the toolbar and the cursor, and hides them again once the pointer rests. */
  private wake(): void {
    document.documentElement.classList.remove('fl-present-idle');
    clearTimeout(this.idleTimer);
    this.idleTimer = window.setTimeout(() => {
      if (this.presenting) document.documentElement.classList.add('fl-present-idle');
    }, IDLE_MS);
  }

  private onPopState = (): void => {
    const slide = this.slides.slideFor(location.hash);
    if (wantsPresent()) {
      if (!this.presenting) this.enter({ push: false, slide: slide ?? TITLE_SLIDE });
      else if (slide !== null && slide !== this.slide) this.go(slide);
    } else if (this.presenting) {
      if (slide !== null) this.slide = slide;
      this.exit({ push: false });
    }
  };

  /** A link to a step (or an edited hash) while presenting goes to that slide. Reading, fl-story handles it. */
  private onHashChange = (): void => {
    if (!this.presenting) return;
    const slide = this.slides.slideFor(location.hash);
    if (slide !== null && slide !== this.slide) this.go(slide);
  };

  private onResize = (): void => {
    cancelAnimationFrame(this.resizeFrame);
    this.resizeFrame = requestAnimationFrame(() => {
      if (!this.presenting) return;
      sizeStage();
      this.fit();
    });
  };

  /** Reading: each step scrolled to is the slide the presenter view shows. */
  private onStepChange = (event: Event): void => {
    if (this.presenting) return;
    const { index } = (event as CustomEvent<{ index: number }>).detail;
    this.slide = index + 2;
    this.broadcast();
  };

  // ---- full screen and the presenter view --------------------------------------------------------------------

  private toggleFullscreen(): void {
    const request = document.fullscreenElement
      ? document.exitFullscreen()
      : document.documentElement.requestFullscreen?.({ navigationUI: 'hide' });
    Promise.resolve(request).catch(() => this.announce('Full screen is not available here.'));
  }

  private onFullscreenChange = (): void => {
    this.toolbar.fullscreen = Boolean(document.fullscreenElement);
  };

  /** Opens the presenter view (notes, next slide, timer) in a window of its own, at this slide. */
  openPresenterView(): Window | null {
    const url = new URL('presenter.html', location.href);
    url.search = '';
    url.hash = this.slides.hashFor(this.presenting ? this.slide : this.scrollSlide());
    const opened = window.open(url.href, 'frontlines-presenter', 'popup,width=1200,height=760');
    if (!opened) this.announce('The browser blocked the presenter view: allow pop-up windows for this page and press S again.');
    return opened;
  }

  // ---- the other windows -------------------------------------------------------------------------------------

  private position(): SlidePosition {
    return { slide: this.presenting ? this.slide : this.scrollSlide(), presenting: this.presenting };
  }

  private broadcast(): void {
    this.slides.broadcast();
  }

  /**
   * Another window moved, or answered this one's hello. Presenting, this window follows both; reading, it follows
   * moves but not the answer to its hello, so a reader who opens the story is not carried off to someone's slide.
   */
  private follow(position: SlidePosition, message: PresentMessage): void {
    if (message.type === 'state' && !this.presenting) return;
    if (position.slide === this.position().slide) return;
    this.slides.quietly(() => this.go(position.slide));
  }

  // ---- the toolbar and announcements -------------------------------------------------------------------------

  private updateBar(): void {
    this.toolbar.slide = this.slide;
    this.toolbar.digits = this.slides.digits;
    this.toolbar.flush();
  }

  /** Says it politely: a screen reader finishes what it is reading first. */
  private announce(message: string): void {
    this.live.textContent = message;
  }
}

/** Whether the URL asks for presentation mode (`?present`, with or without a value). */
function wantsPresent(): boolean {
  return new URLSearchParams(location.search).has('present');
}

/** This page's URL with or without `present` in the query, and the given hash ('' for none). */
function urlFor(presenting: boolean, hash: string): string {
  const parts = location.search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part && !/^present(=|$)/.test(part));
  if (presenting) parts.push('present');
  return `${location.pathname}${parts.length ? `?${parts.join('&')}` : ''}${hash}`;
}

const INTERACTIVE = new Set(['a', 'button', 'summary', 'details', 'input', 'select', 'textarea', 'label', 'video', 'audio']);

function isInteractive(target: EventTarget): boolean {
  const element = target as Element;
  if (element.nodeType !== 1) return false;
  if (INTERACTIVE.has(element.localName)) return true;
  const role = element.getAttribute('role');
  return role === 'button' || role === 'link' || element.classList.contains('fl-present-bar');
}
