/**
 * The one-folder rule: the tally (test/fixtures/charts/tally/), a chart registered only in the tests' list of
 * charts (test/fixtures/charts/charts.ts), works everywhere a chart of the story does, with no file of the site
 * edited for it. `npm run build:test-chart` builds the test story with that list into dist-test/chart-site/.
 * A reader sees it in a story step (the step fires and the chart draws that step's state), in an iframe embed and
 * from the embed bundle, and without JavaScript (the step's figure has its sentence and table).
 */
import { expect } from 'chai';
import { readCsv } from '../../src/charts/shared/dataset.ts';
import { tallyDataset, type TallyRow } from '../fixtures/charts/tally/schema.ts';
import { tallyText } from '../fixtures/charts/tally/text.ts';
import { frames, until } from './helpers.ts';
import { DESKTOP, activeStepId, openStory, scrollToStep, settle } from './story-page.ts';

const SITE = '/dist-test/chart-site';

async function tallyRows(): Promise<TallyRow[]> {
  const { rows, problems } = readCsv(tallyDataset, await (await fetch('/test/fixtures/charts/story/data/tally.csv')).text());
  expect(problems).to.deep.equal([]);
  return rows;
}

/** The bars a tally has drawn: each bar's id, and whether it is emphasized. */
function bars(element: Element): { id: string; emphasized: boolean }[] {
  const rects = element.shadowRoot?.querySelectorAll('svg rect.bar') ?? [];
  return [...rects].map((rect) => ({ id: rect.getAttribute('data-id') ?? '', emphasized: rect.classList.contains('emphasized') }));
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('a chart defined only in the tests (the one-folder rule)', () => {
  it('fires with its steps in the story and draws each step\'s state', async () => {
    const rows = await tallyRows();
    const page = await openStory('#tally-beta', DESKTOP, '', `${SITE}/index.html`);
    try {
      expect(page.story.charts.tally, 'the story knows the chart from the tests\' list').to.include({ tag: 'fl-tally', title: 'A tally (test chart)' });
      const tally = page.document.querySelector('fl-tally')!;
      await until(() => Boolean(page.window.customElements.get('fl-tally')) && tally.hasAttribute('data-drawn'), 'the tally to load and draw', 10_000);
      await until(() => bars(tally).length === rows.length && bars(tally).some((bar) => bar.emphasized), 'the tally to draw the step\'s state');
      expect(bars(tally)).to.deep.equal(rows.map((row) => ({ id: row.id, emphasized: row.id === 'beta' })));
      expect(activeStepId(page), 'the deep link\'s step is the active one').to.equal('tally-beta');

      await scrollToStep(page, 'tally-two');
      await settle(page);
      await until(() => page.events.some((event) => event.id === 'tally-two'), 'the next step to fire');
      await until(() => tally.getAttribute('highlight') === 'alpha gamma', 'the step\'s state on the element');
      await until(() => bars(tally).filter((bar) => bar.emphasized).length === 2, 'the new state drawn');
      expect(bars(tally).filter((bar) => bar.emphasized).map((bar) => bar.id)).to.deep.equal(['alpha', 'gamma']);
      const sentence = tally.shadowRoot!.querySelector('[part~="description"]')?.textContent ?? '';
      expect(normalise(sentence)).to.equal(tallyText.sentence(rows, { highlight: 'alpha gamma' }));
      expect(page.errors).to.deep.equal([]);
    } finally {
      page.close();
    }
  });

  it('shows in an iframe embed (embed.html?chart=tally)', async () => {
    const rows = await tallyRows();
    const frame = document.createElement('iframe');
    frame.title = 'The tally embedded';
    frame.style.cssText = 'width:640px;height:480px;border:0';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = `${SITE}/embed.html?chart=tally&highlight=gamma`;
    document.body.append(frame);
    try {
      await loaded;
      const doc = frame.contentDocument!;
      await until(() => Boolean(doc.querySelector('fl-tally')?.hasAttribute('data-drawn')), 'the embedded tally to draw', 10_000);
      expect(doc.title).to.equal('A tally (test chart) | Frontlines');
      expect(bars(doc.querySelector('fl-tally')!)).to.deep.equal(rows.map((row) => ({ id: row.id, emphasized: row.id === 'gamma' })));
    } finally {
      frame.remove();
    }
  });

  it('is defined by the embed bundle built with the tests\' list, with the story\'s data as its default', async () => {
    const rows = await tallyRows();
    await import(/* @vite-ignore */ `${SITE}/embed/frontlines.js`);
    await customElements.whenDefined('fl-tally');
    const host = document.createElement('div');
    host.style.width = '480px';
    host.innerHTML = '<fl-tally highlight="alpha"></fl-tally>';
    document.body.append(host);
    try {
      const tally = host.querySelector('fl-tally')!;
      await until(() => tally.hasAttribute('data-drawn') && bars(tally).length === rows.length, 'the tally from the bundle to draw');
      expect(bars(tally)).to.deep.equal(rows.map((row) => ({ id: row.id, emphasized: row.id === 'alpha' })));
      // The story's own charts come with it, from the same list.
      expect(customElements.get('fl-casualties'), 'the registry\'s charts too').to.not.equal(undefined);
    } finally {
      host.remove();
    }
  });

  it('says each step\'s state without JavaScript: its sentence, its table and its source', async () => {
    const rows = await tallyRows();
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-same-origin');
    frame.title = 'The test story without JavaScript';
    frame.style.cssText = 'width:800px;height:600px;border:0';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = `${SITE}/index.html`;
    document.body.append(frame);
    try {
      await loaded;
      await frames(2);
      const doc = frame.contentDocument!;
      expect(doc.querySelector('fl-tally')?.shadowRoot ?? null, 'no script ran').to.equal(null);
      for (const [id, highlight] of [['tally-all', ''], ['tally-beta', 'beta'], ['tally-two', 'alpha gamma']] as const) {
        const figure = doc.getElementById(id)?.querySelector('figure.step-figure[data-chart="tally"]');
        expect(figure, `#${id} has its figure`).to.not.equal(null);
        const state = { highlight };
        expect(normalise(figure!.querySelector('.chart-fallback-sentence')!.textContent!)).to.equal(tallyText.sentence(rows, state));
        const table = figure!.querySelector('table')!;
        expect(table.caption?.textContent).to.equal('The tally');
        expect([...table.tBodies[0]!.rows].map((row) => [...row.cells].map((cell) => cell.textContent))).to.deep.equal(rows.map((row) => [row.label, String(row.value), row.source]));
        expect(figure!.querySelector('.chart-fallback-source')?.textContent).to.equal(tallyText.source(rows, state));
        // The build drew it too: the step's picture, at both sizes.
        expect(figure!.querySelector('picture source, svg'), `#${id} has its drawing`).to.not.equal(null);
      }
    } finally {
      frame.remove();
    }
  });
});
