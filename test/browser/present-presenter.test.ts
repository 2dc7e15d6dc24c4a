/**
 * The presenter view (presenter.html) beside the story: what it shows, and the two windows kept on one slide over
 * BroadcastChannel, both ways, across reloads, and while the story is read rather than presented.
 */
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import { activeStepId, openPresentation, openPresenter, openStory, press, settle, untilSlide, type PresenterPage, type StoryPage } from './story-page.ts';
import { settled, until } from './helpers.ts';
import { count, expectShowing, slideOf } from './present-helpers.ts';

let page: StoryPage | undefined;
let others: { close(): void }[] = [];
afterEach(() => {
  page?.close();
  page = undefined;
  for (const other of others) other.close();
  others = [];
});
after(() => setViewport({ width: 800, height: 600 }));

describe('the presenter view', () => {
  it('shows the slide\u2019s text and notes and the next slide\u2019s text', async () => {
    const presenter = await openPresenter('#kstovo-strike');
    others.push(presenter);
    const doc = presenter.document;
    expect(presenter.slide()).to.equal(24);
    expect(doc.querySelector('.pv-text')!.textContent).to.contain('One Ukrainian drone struck');
    expect(doc.querySelector('.pv-notes')!.textContent).to.contain("measures from the refinery's coordinates");
    expect(doc.querySelector('.pv-next-text')!.textContent).to.contain('Between increasingly sophisticated Ukrainian drones');
    expect(doc.querySelector('.pv-elapsed')!.textContent).to.match(/^\d\d:\d\d$/);
    expect(doc.querySelector('.pv-clock')!.textContent).to.match(/\d/);
  });

  it('shows a small picture of the current and the next slide\u2019s chart, in their states, drawn at once', async function () {
    this.timeout(30_000);
    await setViewport({ width: 1600, height: 900 });
    // The steps and their states, as the built story has them.
    const reading = await openStory();
    const steps = reading.story.steps;
    reading.close();
    const presenter = await openPresenter('#chechen-wars');
    others.push(presenter);
    const doc = presenter.document;
    const thumb = (which: 'current' | 'next') => doc.querySelector<HTMLElement>(`.pv-${which} .pv-thumb`)!;
    const chartIn = (which: 'current' | 'next') => thumb(which).querySelector<HTMLElement>('fl-casualties, fl-timeline, fl-distance-map');
    /** Both pictures show these steps' charts, drawn, in the steps' states, and nothing else is drawn. */
    const expectPictures = async (index: number) => {
      for (const [which, step] of [['current', steps[index]!], ['next', steps[index + 1]!]] as const) {
        await until(() => chartIn(which)?.localName === step.tag && thumb(which).dataset.step === step.id && chartIn(which)!.hasAttribute('data-drawn'), `the ${which} picture to draw ${step.id}`, 15_000);
        const chart = chartIn(which)!;
        for (const [name, value] of Object.entries(step.state)) if (value !== '') expect(chart.getAttribute(name), `${which} ${name}`).to.equal(value);
        const svg = chart.shadowRoot!.querySelector('svg')!;
        expect(svg.getBoundingClientRect().width, `${which} picture is small`).to.be.within(120, 520);
        expect(svg.querySelectorAll('*').length, `${which} picture is drawn`).to.be.greaterThan(5);
      }
      expect(doc.querySelectorAll('fl-casualties, fl-timeline, fl-distance-map').length, 'two charts at most').to.equal(2);
      expect(thumb('current').getAttribute('aria-hidden')).to.equal('true');
    };
    const at = steps.findIndex((step) => step.id === 'chechen-wars');
    await expectPictures(at);
    // Stepping: each picture is a fresh element, so it shows its state at once, with no transition from the last.
    const before = chartIn('current');
    press(presenter, 'ArrowRight');
    await expectPictures(at + 1);
    expect(chartIn('current')).to.not.equal(before);
    const marks = () => [...chartIn('current')!.shadowRoot!.querySelectorAll('svg *')].map((node) => node.getAttribute('transform') ?? node.getAttribute('x') ?? '').join('|');
    const drawnNow = marks();
    // Nothing is scheduled to move: D3 keeps a node's transitions on it (`__transition`) until they end.
    const svg = chartIn('current')!.shadowRoot!.querySelector('svg')!;
    expect([svg, ...svg.querySelectorAll('*')].filter((node) => '__transition' in node), 'marks with a transition').to.have.length(0);
    await settled(chartIn('current')!, 2000);
    expect(marks(), 'the picture does not move after it is drawn').to.equal(drawnNow);
    // The title slide has no chart: no current picture, the first step's as the next.
    press(presenter, 'Home');
    await until(() => thumb('current').childElementCount === 0 && thumb('next').dataset.step === steps[0]!.id, 'the title slide\u2019s pictures');
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
