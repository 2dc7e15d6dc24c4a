/**
 * A screen reader listening to the story (@guidepup/virtual-screen-reader, which builds the accessibility tree
 * from the page and logs what it would say, live regions included). Scroll mode: the reader steps through the
 * story with the step control and reads each step; it must hear each step's text and its chart's sentence once
 * per step change, never twice and never for a chart that has faded out. Presentation mode: "Slide N of M" once
 * per slide.
 */
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import { virtual } from '@guidepup/virtual-screen-reader/browser.js';
import { openPresentation, press, untilSlide, type StoryPage } from './story-page.ts';
import { frames, until } from './helpers.ts';
import { chartSentence, forgetVisits, openReader, untilChartShows } from './reader-helpers.ts';

let page: StoryPage | undefined;
afterEach(async () => {
  await virtual.stop();
  page?.close();
  page = undefined;
  forgetVisits();
});
after(() => setViewport({ width: 800, height: 600 }));

const log = async (): Promise<string[]> => [...(await virtual.spokenPhraseLog())];
const live = (p: StoryPage) => p.document.querySelector('.fl-step-live')!;
/** What a step's text says, paragraph by paragraph, as the screen reader speaks text. */
const paragraphs = (p: StoryPage, id: string) =>
  [...p.document.getElementById(id)!.querySelectorAll('.step-card p')].map((element) => element.textContent!.replace(/\s+/g, ' ').trim());

describe('a screen reader, in scroll mode', () => {
  it('hears each step\'s text and its chart\'s sentence once per step, reading the whole story', async function () {
    this.timeout(240_000);
    page = await openReader({ motion: 'off' });
    const steps = page.story.steps;
    const win = page.window as unknown as Window & typeof globalThis;
    await virtual.start({ container: page.document.body, window: win });
    const next = page.document.querySelector<HTMLButtonElement>('.fl-step-nav-next')!;
    const sentences = new Map<string, string>();
    const transcript: string[][] = [];
    for (const step of steps) {
      const from = (await log()).length;
      next.click();
      await untilChartShows(page, step);
      const sentence = chartSentence(page, step);
      sentences.set(step.id, sentence);
      await until(() => live(page!).textContent === sentence, `${step.id}'s sentence in the live region`);
      // Read the step's text, as a screen reader's reading keys would, to the end of its group.
      for (let i = 0; i < 60; i++) {
        await virtual.next();
        if ((await virtual.lastSpokenPhrase()).startsWith('end of group')) break;
      }
      await frames(2);
      transcript.push((await log()).slice(from));
    }
    steps.forEach((step, i) => {
      const heard = transcript[i]!;
      const said = (phrase: string) => heard.filter((line) => line === phrase).length;
      expect(said(`group, Step ${i + 1} of ${steps.length}`), `${step.id}: where the step is`).to.equal(1);
      for (const text of paragraphs(page!, step.id)) expect(said(text), `${step.id}: "${text.slice(0, 40)}"`).to.equal(1);
      expect(said(`polite: ${sentences.get(step.id)}`), `${step.id}: its chart's sentence`).to.equal(1);
      // Nothing else is announced: no other chart's sentence, nothing twice.
      expect(heard.filter((line) => line.startsWith('polite:') || line.startsWith('assertive:')), `${step.id}: announcements`).to.deep.equal([`polite: ${sentences.get(step.id)}`]);
    });
  });

  it('says nothing for a chart that faded out before it drew: only the step the reader stops at', async function () {
    this.timeout(60_000);
    page = await openReader({ motion: 'off' });
    const steps = page.story.steps;
    await virtual.start({ container: page.document.body, window: page.window as unknown as Window & typeof globalThis });
    const next = page.document.querySelector<HTMLButtonElement>('.fl-step-nav-next')!;
    // Five steps at once, each with another chart or state, then a stop.
    for (let i = 0; i < 5; i++) next.click();
    const stop = steps[4]!;
    await untilChartShows(page, stop);
    await until(() => live(page!).textContent === chartSentence(page!, stop), 'the last step\'s sentence');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const announced = (await log()).filter((line) => line.startsWith('polite:'));
    expect(announced).to.deep.equal([`polite: ${chartSentence(page, stop)}`]);
    // The charts' own live regions are silent in the story: the story speaks for them.
    for (const tag of new Set(steps.map((step) => step.tag))) {
      const chart = page.document.querySelector(tag)!;
      expect(chart.shadowRoot?.querySelector('[role="status"], [aria-live]') ?? null, `${tag} has no live region of its own`).to.equal(null);
    }
  });
});

describe('a screen reader, in presentation mode', () => {
  it('hears "Slide N of M" once per slide', async function () {
    this.timeout(60_000);
    forgetVisits();
    page = await openPresentation();
    const count = page.story.steps.length + 1;
    await virtual.start({ container: page.document.body, window: page.window as unknown as Window & typeof globalThis });
    const slides = [2, 3, 4, 5, 6, 5, 4];
    for (const slide of slides) {
      const key = slide > (Number(/^(\d+)/.exec(page.document.querySelector('.fl-present-counter')!.textContent ?? '')?.[1]) || 1) ? 'ArrowRight' : 'ArrowLeft';
      press(page, key);
      await untilSlide(page, slide);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const heard = await log();
    const slideLines = heard.filter((line) => /Slide \d+ of \d+/.test(line));
    expect(slideLines).to.deep.equal(slides.map((slide) => `polite: Slide ${slide} of ${count}.`));
  });
});
