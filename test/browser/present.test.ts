/**
 * Presentation mode, the presenter view and the print layout, on the built page: keys and clicks, the URL in both
 * directions, leaving for scroll mode at the right step, two windows in step, print with a chart per step, axe,
 * and slides that fit 16:9 and 4:3 screens without scrolling or overflowing.
 */
import { expect } from 'chai';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import {
  DESKTOP,
  activeStepId,
  chartFor,
  chartState,
  expectedState,
  openPresentation,
  openPresenter,
  openStory,
  press,
  settle,
  shownSlide,
  shownStepId,
  untilSlide,
  type PresenterPage,
  type StoryPage,
} from './story-page.ts';
import { frames, until } from './helpers.ts';

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Loads axe-core into the story's frame and runs it over the whole document (as a11y.test.ts does). */
async function axe(page: StoryPage): Promise<AxeViolation[]> {
  const win = page.window as unknown as { axe?: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } };
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
  return (await win.axe!.run(page.document, { resultTypes: ['violations'] })).violations;
}

const HD = { width: 1280, height: 720 };
const XGA = { width: 1024, height: 768 };

let page: StoryPage | undefined;
let others: { close(): void }[] = [];
afterEach(async () => {
  page?.close();
  page = undefined;
  for (const other of others) other.close();
  others = [];
});
after(() => setViewport({ width: 800, height: 600 }));

/** The slide a step is on: the title slide is 1, so step index i is slide i + 2. */
const slideOf = (page: StoryPage, id: string) => page.story.steps.findIndex((step) => step.id === id) + 2;
const count = (page: StoryPage) => page.story.steps.length + 1;

/** Checks that the slide shows its step, and the step's chart in the step's state, brought forward. */
function expectShowing(page: StoryPage, slide: number): void {
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

describe('opening presentation mode', () => {
  it('?present opens the title slide, made from the story\u2019s header, with nothing to scroll', async () => {
    page = await openPresentation();
    expectShowing(page, 1);
    expect(page.document.querySelector('.fl-present-counter')!.textContent).to.equal(`1 / ${count(page)}`);
    const header = page.document.querySelector('.story-header')!;
    expect(header.querySelector('h1')!.textContent).to.equal(page.story.meta.title);
    expect(header.textContent).to.contain(page.story.meta.kicker.replace('&', '&'));
    expect(header.textContent).to.contain(page.story.meta.dek);
    expect(header.textContent).to.contain(page.story.meta.byline);
    expect(page.window.location.hash).to.equal('');
    expect(page.document.documentElement.scrollHeight).to.be.at.most(page.window.innerHeight);
    expect(page.document.querySelector('.fl-present-live')!.textContent).to.equal(`Presentation mode, slide 1 of ${count(page)}.`);
  });

  it('?present#<id> opens that step\u2019s slide, its chart in the step\u2019s state', async () => {
    page = await openPresentation('#kstovo-strike');
    const slide = slideOf(page, 'kstovo-strike');
    await untilSlide(page, slide);
    expectShowing(page, slide);
    expect(page.window.location.hash).to.equal('#kstovo-strike');
    expect(page.window.location.search).to.equal('?present');
  });

  it('the p key turns it on at the step scrolled to, and adds one history entry', async () => {
    page = await openStory('#hours-before');
    await until(() => activeStepId(page!) === 'hours-before', 'the deep-linked step');
    const before = page.window.history.length;
    press(page, 'p');
    await untilSlide(page, slideOf(page, 'hours-before'));
    expectShowing(page, slideOf(page, 'hours-before'));
    expect(page.window.location.search).to.equal('?present');
    expect(page.window.location.hash).to.equal('#hours-before');
    expect(page.window.history.length).to.equal(before + 1);
    expect(page.document.querySelector('.fl-present-live')!.textContent).to.match(/^Presentation mode, slide \d+ of \d+\.$/);
  });

  it('the p key at the top of the page starts at the title slide', async () => {
    page = await openStory();
    press(page, 'p');
    await untilSlide(page, 1);
    expectShowing(page, 1);
  });
});

describe('keys', () => {
  it('next: Right, Down, Space, PageDown, n, Enter each go one slide on, with the chart following', async () => {
    page = await openPresentation('#six-more-years');
    let slide = 2;
    await untilSlide(page, slide);
    for (const key of ['ArrowRight', 'ArrowDown', ' ', 'PageDown', 'n', 'Enter']) {
      const event = press(page, key);
      slide++;
      await untilSlide(page, slide);
      expectShowing(page, slide);
      expect(event.defaultPrevented, `${key} does not also scroll`).to.equal(true);
    }
  });

  it('previous: Left, Up, Shift+Space, PageUp, Backspace each go one slide back', async () => {
    page = await openPresentation('#war-comes-home');
    let slide = slideOf(page, 'war-comes-home');
    expect(slide).to.equal(6);
    await untilSlide(page, slide);
    for (const [key, init] of [['ArrowLeft', {}], ['ArrowUp', {}], [' ', { shiftKey: true }], ['PageUp', {}], ['Backspace', {}]] as const) {
      press(page, key, init);
      slide--;
      await untilSlide(page, slide);
      expectShowing(page, slide);
    }
    expect(slide).to.equal(1);
    press(page, 'ArrowLeft');
    await frames(2);
    expectShowing(page, 1);
  });

  it('Home and End go to the title and the last slide; digits then Enter jump to a slide', async () => {
    page = await openPresentation('#karabakh');
    press(page, 'End');
    await untilSlide(page, count(page));
    expectShowing(page, count(page));
    press(page, 'ArrowRight');
    await frames(2);
    expectShowing(page, count(page));
    press(page, 'Home');
    await untilSlide(page, 1);
    press(page, '1');
    press(page, '2');
    expect(page.document.querySelector('.fl-present-counter')!.textContent).to.equal('Go to 12\u2026');
    press(page, 'Enter');
    await untilSlide(page, 12);
    expectShowing(page, 12);
    press(page, '9');
    press(page, '9');
    press(page, 'Enter');
    await untilSlide(page, count(page));
  });

  it('a real key press steps too (sendKeys)', async () => {
    page = await openPresentation('#six-more-years');
    await untilSlide(page, 2);
    page.frame.focus();
    page.window.focus();
    await sendKeys({ press: 'ArrowRight' });
    await untilSlide(page, 3);
    await sendKeys({ press: 'PageUp' });
    await untilSlide(page, 2);
  });

  it('does nothing while focus is in a text field', async () => {
    page = await openPresentation('#six-more-years');
    await untilSlide(page, 2);
    const doc = page.document;
    for (const markup of ['<input type="text" aria-label="t">', '<textarea aria-label="t"></textarea>', '<select aria-label="t"><option>a</option></select>', '<div contenteditable="true">edit</div>']) {
      const holder = doc.createElement('div');
      holder.innerHTML = markup;
      holder.style.cssText = 'position:fixed;top:0;left:0;z-index:100';
      doc.body.append(holder);
      const field = holder.firstElementChild as HTMLElement;
      field.tabIndex = 0;
      field.focus();
      expect(doc.activeElement).to.equal(field);
      for (const key of ['ArrowRight', ' ', 'n', 'Escape', 'End', 'f', 'p']) press(page, key);
      await frames(2);
      expectShowing(page, 2);
      expect(doc.documentElement.classList.contains('fl-presenting')).to.equal(true);
      holder.remove();
    }
  });

  it('f asks for full screen, s opens the presenter view at the current slide', async () => {
    page = await openPresentation('#kstovo-strike');
    await untilSlide(page, slideOf(page, 'kstovo-strike'));
    let fullscreenAsked = 0;
    page.document.documentElement.requestFullscreen = () => {
      fullscreenAsked++;
      return Promise.resolve();
    };
    press(page, 'f');
    expect(fullscreenAsked).to.equal(1);
    const opened: string[] = [];
    page.window.open = ((url: string) => {
      opened.push(String(url));
      return null;
    }) as typeof window.open;
    press(page, 's');
    expect(opened).to.have.length(1);
    expect(new URL(opened[0]!).pathname).to.match(/\/presenter\.html$/);
    expect(new URL(opened[0]!).hash).to.equal('#kstovo-strike');
  });
});

describe('clicks, taps and the toolbar', () => {
  it('a click on the right third goes on, on the left third goes back, in the middle does nothing', async () => {
    page = await openPresentation('#isis-claims');
    const slide = slideOf(page, 'isis-claims');
    await untilSlide(page, slide);
    const click = (fraction: number) => {
      const x = page!.window.innerWidth * fraction;
      const y = page!.window.innerHeight * 0.3;
      const target = page!.document.elementFromPoint(x, y) ?? page!.document.body;
      target.dispatchEvent(new page!.window.MouseEvent('click', { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y, button: 0 }));
    };
    click(0.9);
    await untilSlide(page, slide + 1);
    click(0.1);
    await untilSlide(page, slide);
    click(0.5);
    await frames(2);
    expect(shownSlide(page)).to.equal(slide);
  });

  it('every key has a button: previous, next, notes, full screen, exit, with a counter between', async () => {
    page = await openPresentation('#six-more-years');
    await untilSlide(page, 2);
    const bar = page.document.querySelector('nav.fl-present-bar')!;
    const button = (action: string) => bar.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;
    for (const action of ['previous', 'next', 'presenter', 'fullscreen', 'exit']) {
      expect(button(action), action).to.exist;
      expect(button(action).getAttribute('aria-label'), `${action} has a name`).to.be.a('string').and.not.empty;
    }
    expect(bar.querySelector('.fl-present-counter')!.textContent).to.equal(`2 / ${count(page)}`);
    button('next').click();
    await untilSlide(page, 3);
    button('previous').click();
    await untilSlide(page, 2);
    const opened: string[] = [];
    page.window.open = ((url: string) => (opened.push(String(url)), null)) as typeof window.open;
    button('presenter').click();
    expect(opened).to.have.length(1);
    let fullscreenAsked = 0;
    page.document.documentElement.requestFullscreen = () => (fullscreenAsked++, Promise.resolve());
    button('fullscreen').click();
    expect(fullscreenAsked).to.equal(1);
    // Keyboard focus on a button: Enter presses the button, it does not also step.
    button('next').focus();
    press(page, 'Enter');
    await frames(2);
    expect(shownSlide(page)).to.equal(2);
    button('exit').click();
    await until(() => shownSlide(page!) === null, 'scroll mode');
    expect(activeStepId(page)).to.equal('six-more-years');
  });

  it('shows the toolbar on pointer movement and on focus, and hides it when the pointer rests', async () => {
    page = await openPresentation('#six-more-years');
    const root = page.document.documentElement;
    const next = page.document.querySelector<HTMLElement>('.fl-present-next')!;
    root.classList.add('fl-present-idle');
    await until(() => page!.window.getComputedStyle(next).opacity === '0', 'the buttons to fade out');
    next.focus();
    await until(() => page!.window.getComputedStyle(next).opacity === '1', 'the toolbar on focus');
    next.blur();
    page.document.dispatchEvent(new page.window.PointerEvent('pointermove', { bubbles: true }));
    expect(root.classList.contains('fl-present-idle')).to.equal(false);
    expect(page.window.getComputedStyle(page.document.querySelector('.fl-present-counter')!).visibility).to.equal('visible');
  });
});

describe('leaving presentation mode', () => {
  for (const id of ['busy-time', 'six-more-years', 'interesting-time']) {
    it(`Escape returns to scroll mode at the same step (${id}), scrolled there`, async () => {
      page = await openPresentation(`#${id}`);
      const step = page.story.steps.find((s) => s.id === id)!;
      await untilSlide(page, slideOf(page, id));
      press(page, 'Escape');
      await until(() => !page!.document.documentElement.classList.contains('fl-presenting'), 'scroll mode');
      expect(page.window.location.search).to.equal('');
      expect(page.window.location.hash).to.equal(`#${id}`);
      await settle(page);
      expect(activeStepId(page)).to.equal(id);
      expect(chartState(page, step)).to.deep.equal(expectedState(page, step));
      const box = page.document.getElementById(id)!.getBoundingClientRect();
      const trigger = page.window.innerHeight * 0.5;
      expect(box.top, 'the step has reached the trigger line').to.be.at.most(trigger);
      expect(box.bottom, 'and not gone past it').to.be.above(trigger);
      expect(page.document.querySelector('.fl-present-live')!.textContent).to.equal('Presentation mode off.');
      // Scrolling drives the story again.
      const next = page.story.steps[step.index + 1];
      if (next) {
        const top = page.document.getElementById(next.id)!.getBoundingClientRect().top + page.window.scrollY;
        page.window.scrollTo({ top: top - page.window.innerHeight * 0.3, behavior: 'instant' });
        await settle(page);
        await until(() => activeStepId(page!) === next.id, 'scrolling to activate the next step');
      }
    });
  }

  it('Escape on the title slide returns to the top of the page', async () => {
    page = await openPresentation('#six-more-years');
    press(page, 'Home');
    await untilSlide(page, 1);
    press(page, 'Escape');
    await until(() => shownSlide(page!) === null, 'scroll mode');
    expect(page.window.scrollY).to.equal(0);
    expect(page.window.location.hash).to.equal('');
  });
});

describe('the URL', () => {
  it('the hash follows the slide without adding history entries', async () => {
    page = await openPresentation('#six-more-years');
    const before = page.window.history.length;
    for (let i = 0; i < 4; i++) press(page, 'ArrowRight');
    await untilSlide(page, 6);
    expect(page.window.location.hash).to.equal(`#${page.story.steps[4]!.id}`);
    press(page, 'Home');
    await untilSlide(page, 1);
    expect(page.window.location.hash).to.equal('');
    expect(page.window.location.search).to.equal('?present');
    expect(page.window.history.length).to.equal(before);
  });

  it('a changed hash (a link, an edited URL) moves the slide', async () => {
    page = await openPresentation('#six-more-years');
    page.window.location.hash = '#kstovo-strike';
    await untilSlide(page, slideOf(page, 'kstovo-strike'));
    expectShowing(page, slideOf(page, 'kstovo-strike'));
  });

  it('Back after entering returns to the page as it was (scroll mode, the step it was entered from); Forward presents again', async () => {
    page = await openStory('#caliphate');
    await until(() => activeStepId(page!) === 'caliphate', 'the deep-linked step');
    press(page, 'p');
    await untilSlide(page, slideOf(page, 'caliphate'));
    press(page, 'ArrowRight');
    press(page, 'ArrowRight');
    await untilSlide(page, slideOf(page, 'isis-k'));
    page.window.history.back();
    await until(() => shownSlide(page!) === null, 'scroll mode after Back');
    await settle(page);
    expect(page.window.location.search).to.equal('');
    expect(activeStepId(page), 'the step presentation mode was entered from').to.equal('caliphate');
    expect(page.window.location.hash).to.equal('#caliphate');
    page.window.history.forward();
    await untilSlide(page, slideOf(page, 'isis-k'));
    expect(page.window.location.search).to.equal('?present');
  });

  it('Back after Escape presents again at that slide', async () => {
    page = await openPresentation('#dagestan');
    await untilSlide(page, slideOf(page, 'dagestan'));
    press(page, 'Escape');
    await until(() => shownSlide(page!) === null, 'scroll mode');
    page.window.history.back();
    await untilSlide(page, slideOf(page, 'dagestan'));
  });
});

describe('the presenter view', () => {
  it('shows the slide\u2019s text and notes and the next slide\u2019s text, and draws no chart', async () => {
    const presenter = await openPresenter('#kstovo-strike');
    others.push(presenter);
    const doc = presenter.document;
    expect(presenter.slide()).to.equal(24);
    expect(doc.querySelector('.pv-text')!.textContent).to.contain('One Ukrainian drone struck');
    expect(doc.querySelector('.pv-notes')!.textContent).to.contain('computes the distance');
    expect(doc.querySelector('.pv-next-text')!.textContent).to.contain('Between increasingly sophisticated Ukrainian drones');
    expect(doc.querySelector('.pv-elapsed')!.textContent).to.match(/^\d\d:\d\d$/);
    expect(doc.querySelector('.pv-clock')!.textContent).to.match(/\d/);
    expect(doc.querySelectorAll('fl-casualties, fl-timeline, fl-distance-map, svg:not([aria-hidden])').length).to.equal(0);
    expect(presenter.window.customElements.get('fl-distance-map'), 'no chart code loaded').to.equal(undefined);
    const scripts = presenter.window.performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(scripts.some((name) => name.includes('topo')), 'no geography fetched').to.equal(false);
  });

  it('steps in either window move both, over BroadcastChannel', async () => {
    page = await openPresentation('#preliminary-toll');
    const slide = slideOf(page, 'preliminary-toll');
    await untilSlide(page, slide);
    const presenter = await openPresenter();
    others.push(presenter);
    await until(() => presenter.slide() === slide, 'the presenter view to join the story at its slide');
    await until(() => presenter.document.querySelector('.pv-status')!.getAttribute('data-state') === 'presenting', 'the story window seen');
    press(presenter, 'ArrowRight');
    await untilSlide(page, slide + 1);
    expectShowing(page, slide + 1);
    press(page, 'ArrowRight');
    await until(() => presenter.slide() === slide + 2, 'the presenter view to follow the story');
    presenter.document.querySelector<HTMLButtonElement>('.pv-next-button')!.click();
    await untilSlide(page, slide + 3);
    presenter.document.querySelector<HTMLButtonElement>('.pv-previous')!.click();
    await untilSlide(page, slide + 2);
    press(presenter, '2');
    press(presenter, 'Enter');
    await untilSlide(page, 2);
    press(presenter, 'End');
    await untilSlide(page, count(page));
    press(presenter, 'Home');
    await untilSlide(page, 1);
    expect(presenter.slide()).to.equal(1);
  });

  it('a reloaded presenter view rejoins the story\u2019s slide; a reopened story rejoins the presenter\u2019s', async () => {
    page = await openPresentation('#karabakh');
    const slide = slideOf(page, 'karabakh');
    await untilSlide(page, slide);
    const presenter: PresenterPage = await openPresenter('#six-more-years');
    others.push(presenter);
    await until(() => presenter.slide() === slide, 'the presenter view to ask and join');
    press(page, 'ArrowRight');
    press(page, 'ArrowRight');
    await until(() => presenter.slide() === slide + 2, 'the presenter view to follow');
    await presenter.reload();
    await until(() => presenter.slide() === slide + 2, 'the reloaded presenter view to rejoin');
    page.close();
    page = await openPresentation('');
    await untilSlide(page, slide + 2);
    expectShowing(page, slide + 2);
  });

  it('follows a reader scrolling the story, and moves it', async () => {
    page = await openStory('#six-more-years');
    await until(() => activeStepId(page!) === 'six-more-years', 'the deep-linked step');
    const presenter = await openPresenter();
    others.push(presenter);
    await until(() => presenter.document.querySelector('.pv-status')!.getAttribute('data-state') === 'reading', 'the story window seen, reading');
    press(presenter, '9');
    press(presenter, 'Enter');
    const target = page.story.steps[7]!;
    await until(() => activeStepId(page!) === target.id, 'the story to scroll to the presenter\u2019s slide');
    await settle(page);
    expect(activeStepId(page)).to.equal(target.id);
    const next = page.story.steps[8]!;
    const top = page.document.getElementById(next.id)!.getBoundingClientRect().top + page.window.scrollY;
    page.window.scrollTo({ top: top - page.window.innerHeight * 0.3, behavior: 'instant' });
    await settle(page);
    await until(() => presenter.slide() === 10, 'the presenter view to follow the reader');
  });
});

/** Emulates print media where the browser can (Chromium); returns false where it cannot. */
async function printMedia(on: boolean): Promise<boolean> {
  try {
    await emulateMedia({ media: on ? 'print' : 'screen' });
    return true;
  } catch {
    return false;
  }
}

/** Waits until every print figure's chart has drawn its state (and a map its outlines). */
async function figuresDrawn(page: StoryPage): Promise<HTMLElement[]> {
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

describe('print', () => {
  afterEach(() => printMedia(false));

  it('beforeprint gives every step its chart, in that step\u2019s state; print shows the article straight through', async () => {
    page = await openStory();
    page.window.dispatchEvent(new page.window.Event('beforeprint'));
    const charts = await figuresDrawn(page);
    for (const step of page.story.steps) {
      const figures = page.document.querySelectorAll(`#${step.id} > .fl-print-figure`);
      expect(figures.length, `one figure in ${step.id}`).to.equal(1);
      const chart = figures[0]!.firstElementChild!;
      expect(chart.localName).to.equal(step.tag);
      for (const name of page.story.charts[step.chart]!.attributes) {
        expect(chart.getAttribute(name) ?? '', `${step.id}: ${name}`).to.equal(step.state[name] ?? '');
      }
      expect(chart.getAttribute('data-drawn'), `${step.id} drawn in its own state`).to.be.a('string');
    }
    expect(charts).to.have.length(page.story.steps.length);
    const emulated = await printMedia(true);
    if (emulated) {
      const style = (selector: string) => page!.window.getComputedStyle(page!.document.querySelector(selector)!);
      expect(style('.scrolly-graphic').display, 'no sticky graphic').to.equal('none');
      expect(style('.scrolly-steps').paddingTop, 'no scroll room').to.equal('0px');
      expect(style('.step').minHeight).to.equal('0px');
      expect(style('.step').breakInside).to.equal('avoid');
      expect(style('.fl-print-sources').display).to.equal('block');
      expect(style('.fl-print-sources').breakBefore).to.equal('page');
      for (const chart of charts) {
        const box = chart.getBoundingClientRect();
        expect(box.width, 'a visible chart').to.be.greaterThan(300);
        expect(box.height).to.be.greaterThan(150);
        expect(page.window.getComputedStyle(chart.parentElement!).visibility).to.equal('visible');
        expect(chart.shadowRoot!.querySelector('svg')!.childElementCount, 'drawn marks').to.be.greaterThan(0);
      }
      const sources = page.document.querySelector('.fl-print-sources')!;
      expect(sources.textContent).to.contain(page.story.meta.original);
      expect(sources.textContent).to.contain('FSB preliminary information, via TASS');
      expect(page.document.querySelector('main')!.lastElementChild, 'sources last').to.equal(sources);
      const text = page.document.querySelector('article')!.textContent ?? '';
      for (const step of page.story.steps) expect(text).to.contain(page.document.getElementById(step.id)!.querySelector('.step-card')!.textContent!.trim().slice(0, 40));
    } else {
      console.warn('print media emulation is not available in this browser: the print CSS checks were skipped');
    }
    page.window.dispatchEvent(new page.window.Event('afterprint'));
    expect(page.document.querySelectorAll('.fl-print-figure, .fl-print-sources').length, 'removed after printing').to.equal(0);
  });

  it('in presentation mode prints a handout: every slide on a landscape page of its own', async () => {
    page = await openPresentation('#kstovo-strike');
    page.window.dispatchEvent(new page.window.Event('beforeprint'));
    const charts = await figuresDrawn(page);
    expect(charts).to.have.length(page.story.steps.length);
    if (await printMedia(true)) {
      for (const step of page.story.steps) {
        const element = page.document.getElementById(step.id)!;
        const style = page.window.getComputedStyle(element);
        expect(style.display, `${step.id} printed`).to.not.equal('none');
        expect((style as unknown as { page?: string }).page ?? 'slide', `${step.id} on a landscape page`).to.equal('slide');
        const figure = element.querySelector('.fl-print-figure')!.getBoundingClientRect();
        const card = element.querySelector('.step-card')!.getBoundingClientRect();
        expect(figure.bottom, 'chart above the text').to.be.at.most(card.top + 1);
        expect(figure.width).to.be.greaterThan(800);
      }
      const last = page.story.steps[page.story.steps.length - 1]!;
      expect(page.window.getComputedStyle(page.document.getElementById(page.story.steps[0]!.id)!).breakAfter).to.equal('page');
      expect(page.window.getComputedStyle(page.document.getElementById(last.id)!).breakAfter).to.equal('auto');
      expect(page.window.getComputedStyle(page.document.querySelector('.story-header')!).breakAfter).to.equal('page');
      expect(page.window.getComputedStyle(page.document.querySelector('.fl-present-bar')!).display).to.equal('none');
    }
    page.window.dispatchEvent(new page.window.Event('afterprint'));
    expect(page.document.querySelectorAll('.fl-print-figure').length).to.equal(0);
    expectShowing(page, slideOf(page, 'kstovo-strike'));
  });

  it('?print draws every chart, then opens the print dialog', async () => {
    page = await openStory('', DESKTOP, '?print');
    await until(() => page!.document.documentElement.hasAttribute('data-fl-print-ready'), 'the print layout to be ready', 15_000);
    expect(page.errors).to.deep.equal([]);
  });
});

describe('accessibility in presentation mode', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe violations (${scheme}) on the title slide and a slide of each chart`, async () => {
      await emulateMedia({ colorScheme: scheme }).catch(() => undefined);
      page = await openPresentation('', HD);
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
        await frames(30);
        const violations = await axe(page);
        expect(violations, violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n')).to.deep.equal([]);
      }
      await emulateMedia({ colorScheme: 'light' }).catch(() => undefined);
    });
  }

  it('announces each slide politely, and leaves no focus on hidden content', async () => {
    page = await openStory();
    const live = page.document.querySelector('.fl-present-live')!;
    expect(live.getAttribute('role')).to.equal('status');
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect(live.closest('main'), 'inside a landmark').to.exist;
    const link = page.document.querySelector<HTMLAnchorElement>('.prose a, .story-header a')!;
    link.focus();
    press(page, 'p');
    await untilSlide(page, 1);
    press(page, 'ArrowRight');
    await untilSlide(page, 2);
    expect(live.textContent).to.equal(`Slide 2 of ${count(page)}.`);
    const active = page.document.activeElement!;
    expect(active === page.document.body || active.getClientRects().length > 0, 'focus on something visible').to.equal(true);
  });
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
