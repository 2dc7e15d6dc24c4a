/**
 * The built story with JavaScript off (a frame sandboxed without scripts): the article reads complete and in
 * order, every chart is its sentence, data table and source rather than an empty box, and nothing overflows.
 */
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import { frames, until } from './helpers.ts';

after(() => setViewport({ width: 800, height: 600 }));

async function openWithoutScripts(viewport: { width: number; height: number }): Promise<HTMLIFrameElement> {
  await setViewport(viewport);
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-same-origin');
  frame.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;border:0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = '/dist/index.html';
  document.body.append(frame);
  await loaded;
  await frames(3);
  return frame;
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

for (const [name, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 800 }],
] as const) {
  describe(`with JavaScript off, on a ${name}`, () => {
    let frame: HTMLIFrameElement;
    before(async () => {
      frame = await openWithoutScripts(viewport);
    });
    after(() => frame.remove());

    it('runs no script: the components never upgrade', () => {
      const win = frame.contentWindow!;
      expect(win.customElements.get('fl-story')).to.equal(undefined);
      expect(frame.contentDocument!.querySelector('.reading-progress')).to.equal(null);
    });

    it('shows the whole article, in order, as rendered text', async () => {
      const seed = (await (await fetch('/test/fixtures/seed-article.txt')).text())
        .split('\n')
        // innerText shows text as painted: the kicker is set in capitals by CSS, so compare without case.
        .map((line) => normalise(line).toLowerCase())
        .filter((line) => line && line !== '___');
      const text = normalise(frame.contentDocument!.querySelector('main')!.innerText).toLowerCase();
      let from = 0;
      for (const paragraph of seed) {
        const at = text.indexOf(paragraph, from);
        expect(at, `not shown, or out of order: "${paragraph.slice(0, 50)}..."`).to.be.greaterThan(-1);
        from = at + paragraph.length;
      }
    });

    it('shows each section\u2019s first chart as its sentence, table and source, not an empty box', () => {
      const doc = frame.contentDocument!;
      const shown = [...doc.querySelectorAll<HTMLElement>('.scrolly-chart')].filter((wrapper) => wrapper.offsetHeight > 0);
      expect(shown.length).to.be.greaterThan(0);
      for (const wrapper of shown) {
        const fallback = wrapper.querySelector<HTMLElement>('.chart-fallback')!;
        expect(fallback, 'a fallback').to.not.equal(null);
        expect(fallback.offsetHeight).to.be.greaterThan(40);
        expect(normalise(fallback.querySelector('.chart-fallback-sentence')!.textContent ?? '')).to.match(/\w+ \w+ \w+/);
        expect(fallback.querySelectorAll('tbody tr').length).to.be.greaterThan(0);
        expect(fallback.querySelector('.chart-fallback-source')!.textContent).to.match(/Sources?:/);
      }
    });

    it('keeps the text readable: not sticky, not faded, nothing sideways', () => {
      const doc = frame.contentDocument!;
      const win = frame.contentWindow!;
      const graphic = doc.querySelector('.scrolly-graphic')!;
      expect(win.getComputedStyle(graphic).position).to.not.equal('sticky');
      for (const card of doc.querySelectorAll('.step-card')) expect(win.getComputedStyle(card).opacity).to.equal('1');
      expect(doc.documentElement.scrollWidth).to.be.at.most(doc.documentElement.clientWidth);
    });
  });
}

describe('with JavaScript on', () => {
  it('hides the fallback once a chart has drawn', async () => {
    await setViewport({ width: 1280, height: 800 });
    const frame = document.createElement('iframe');
    frame.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;border:0';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = '/dist/index.html#preliminary-toll';
    document.body.append(frame);
    await loaded;
    try {
      const chart = () => frame.contentDocument!.querySelector('fl-casualties');
      await until(() => chart()?.hasAttribute('data-drawn') ?? false, 'the casualty chart to draw', 10_000);
      expect(chart()!.querySelector<HTMLElement>('.chart-fallback')!.offsetHeight, 'the fallback is not rendered').to.equal(0);
      expect(chart()!.shadowRoot!.querySelector('svg')).to.not.equal(null);
    } finally {
      frame.remove();
    }
  });
});
