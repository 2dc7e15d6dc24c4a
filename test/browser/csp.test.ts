/**
 * The built page under its strict Content Security Policy: no inline script or style anywhere, and no violation
 * while a reader scrolls through every step and opens the charts' tables.
 */
import { expect } from 'chai';
import { setViewport, writeFile } from '@web/test-runner-commands';
import { frames, until } from './helpers.ts';

const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";

after(() => setViewport({ width: 800, height: 600 }));

describe('Content Security Policy', () => {
  it('ships the policy, and the page has no inline script, style or event handler', async () => {
    const html = await (await fetch('/dist/index.html')).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const meta = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(meta?.getAttribute('content')).to.equal(POLICY);
    expect(doc.querySelectorAll('script:not([src])').length, 'inline scripts').to.equal(0);
    expect(doc.querySelectorAll('style').length, 'style elements').to.equal(0);
    expect(doc.querySelectorAll('[style]').length, 'style attributes').to.equal(0);
    const handlers = [...doc.querySelectorAll('*')].flatMap((element) => [...element.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name));
    expect(handlers).to.deep.equal([]);
  });

  it('reports no violation while the whole story is read', async function () {
    this.timeout(120_000);
    await setViewport({ width: 1280, height: 800 });
    // A copy of the built page with a probe loaded right after the policy, so it hears violations from the start.
    const html = await (await fetch('/dist/index.html')).text();
    const probed = html.replace(/(<meta http-equiv="Content-Security-Policy"[^>]*>)/, '$1<script src="/test/fixtures/csp-probe.js"></script>');
    expect(probed).to.not.equal(html);
    await writeFile({ path: '../../dist/csp-probe.html', content: probed });
    const frame = document.createElement('iframe');
    frame.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;border:0';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = '/dist/csp-probe.html';
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as Window & { __cspViolations?: string[]; customElements: CustomElementRegistry };
    try {
      await until(() => Boolean(win.customElements.get('fl-story')), 'the story to start', 10_000);
      const steps = [...win.document.querySelectorAll<HTMLElement>('.step')];
      expect(steps.length).to.be.greaterThan(20);
      for (const step of steps) {
        win.scrollTo({ top: step.getBoundingClientRect().top + win.scrollY - win.innerHeight * 0.3, behavior: 'instant' });
        await frames(3);
      }
      // Open each chart's data table: more rendering paths.
      for (const chart of win.document.querySelectorAll('fl-casualties, fl-timeline, fl-distance-map')) {
        const details = chart.shadowRoot?.querySelector('details');
        if (details) details.open = true;
      }
      await frames(5);
      await until(() => Boolean(win.document.querySelector('fl-distance-map')?.hasAttribute('data-drawn')), 'the map to draw', 8000);
      expect(win.__cspViolations, (win.__cspViolations ?? []).join("\n")).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
