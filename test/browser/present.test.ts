/**
 * Presentation mode on the built page: opening it, every key, clicks and the toolbar, leaving for scroll mode at
 * the right step, the URL and history, and what a screen reader hears. (The presenter view, print, axe and the
 * layout on projectors are in the other present-*.test.ts files.)
 */
import { expect } from 'chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { activeStepId, chartState, expectedState, openPresentation, openStory, press, settle, shownSlide, untilSlide, type StoryPage } from './story-page.ts';
import { frames, until } from './helpers.ts';
import { count, expectShowing, slideOf } from './present-helpers.ts';

let page: StoryPage | undefined;
afterEach(() => {
  page?.close();
  page = undefined;
});
after(() => setViewport({ width: 800, height: 600 }));

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

describe('announcements and focus', () => {
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
