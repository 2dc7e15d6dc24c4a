/**
 * Each chart's own embed entry (dist/embed/fl-casualties.js, fl-timeline.js, fl-distance-map.js; run
 * `npm run build` first), on a plain page of its own: it defines its chart and no other, draws a state with the
 * story's data, and the page fetches no script but that one file.
 */
import { expect } from 'chai';
import { frames, until } from './helpers.ts';

const CASES = [
  { tag: 'fl-casualties', markup: '<fl-casualties view="compare"></fl-casualties>' },
  { tag: 'fl-timeline', markup: '<fl-timeline from="2024-03-01" to="2024-03-31" highlight="crocus-attack"></fl-timeline>' },
  { tag: 'fl-distance-map', markup: '<fl-distance-map focus="kstovo" measure="kstovo border"></fl-distance-map>' },
] as const;
const TAGS = CASES.map((entry) => entry.tag);

describe('a chart\'s own embed entry on a plain page', () => {
  for (const { tag, markup } of CASES) {
    it(`dist/embed/${tag}.js defines <${tag}> alone, draws it, and is the only script the page fetches`, async () => {
      const frame = document.createElement('iframe');
      frame.style.cssText = 'position:fixed;left:0;top:0;width:800px;height:700px;border:0;background:#fff;z-index:1000';
      frame.srcdoc = `<!doctype html><meta charset="utf-8"><script type="module" src="/dist/embed/${tag}.js"></script><div style="width:640px">${markup}</div>`;
      document.body.append(frame);
      try {
        await until(() => Boolean(frame.contentWindow?.customElements.get(tag)), `<${tag}> to be defined`, 10_000);
        const win = frame.contentWindow!;
        const chart = win.document.querySelector(tag)!;
        await until(() => chart.hasAttribute('data-drawn'), `<${tag}> to draw`, 10_000);
        expect(chart.getAttribute('data-drawn')).to.equal(JSON.stringify((chart as unknown as { chartState: unknown }).chartState));
        expect(chart.shadowRoot!.querySelector('svg')!.childElementCount, 'marks drawn').to.be.greaterThan(0);
        await frames(2);
        for (const other of TAGS.filter((name) => name !== tag)) {
          expect(win.customElements.get(other), `<${other}> is not defined by ${tag}.js`).to.equal(undefined);
        }
        const scripts = win.performance
          .getEntriesByType('resource')
          .map((entry) => new URL(entry.name).pathname)
          .filter((path) => path.endsWith('.js'));
        expect(scripts).to.deep.equal([`/dist/embed/${tag}.js`]);
      } finally {
        frame.remove();
      }
    });
  }
});
