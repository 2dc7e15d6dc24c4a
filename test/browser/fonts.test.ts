/**
 * The self-hosted fonts on the built story page: loaded from the page's own origin (the CSP's default-src 'self'
 * covers fonts; test/browser/csp.test.ts reads the whole story under it), the faces of the first screen preloaded, and nothing
 * moving when they arrive: each metric-matched fallback sets the article's paragraphs in the same lines as its font.
 */
import { expect } from 'chai';
import { setViewport, writeFile } from '@web/test-runner-commands';
import { frames, until } from './helpers.ts';

after(() => setViewport({ width: 800, height: 600 }));

async function openStory(width: number, height: number): Promise<{ win: Window & typeof globalThis; frame: HTMLIFrameElement }> {
  await setViewport({ width, height });
  const frame = document.createElement('iframe');
  frame.style.cssText = `position:fixed;inset:0;width:${width}px;height:${height}px;border:0`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = '/dist/index.html';
  document.body.append(frame);
  await loaded;
  return { win: frame.contentWindow as Window & typeof globalThis, frame };
}

describe('fonts', () => {
  it('preloads the text face and loads the story\'s faces as WOFF2 from its own origin', async function () {
    this.timeout(30_000);
    const { win, frame } = await openStory(1280, 800);
    try {
      const preload = win.document.querySelector<HTMLLinkElement>('link[rel="preload"][as="font"]');
      expect(preload?.getAttribute('type')).to.equal('font/woff2');
      expect(preload?.href).to.match(/source-serif-4-latin-400-normal-[\w-]+\.woff2$/);
      expect(preload?.hasAttribute('crossorigin'), 'a font preload without crossorigin is fetched twice').to.equal(true);
      await until(() => Boolean(win.document.querySelector('[data-drawn]')), 'the opening chart to draw', 10_000);
      await win.document.fonts.ready;
      const loaded = [...win.document.fonts].filter((face) => face.status === 'loaded').map((face) => `${face.family.replace(/"/g, '')} ${face.weight}`);
      expect(loaded).to.include.members(['Source Serif 4 400', 'Source Serif 4 700', 'Source Sans 3 400']);
      // The headline and the chart's text are drawn in the fonts, not in a fallback.
      expect(win.document.fonts.check('700 40px "Source Serif 4"')).to.equal(true);
      const fontFiles = win.performance.getEntriesByType('resource').filter((entry) => /\.woff2?$/.test(entry.name));
      expect(fontFiles.length).to.be.greaterThan(0);
      for (const entry of fontFiles) {
        expect(new URL(entry.name).origin).to.equal(win.location.origin);
        expect(entry.name).to.match(/\.woff2$/);
      }
    } finally {
      frame.remove();
    }
  });

  for (const [width, height] of [[390, 844], [1440, 900]] as const) {
    it(`preloads exactly the faces the page sets its text in as it opens, at ${width} px`, async function () {
      // A face the first screen needs but the page does not preload is found only once the style sheets are in and
      // the page is laid out; a preload the page does not use costs the first screen bandwidth for nothing.
      this.timeout(30_000);
      const { win, frame } = await openStory(width, height);
      try {
        await until(() => Boolean(win.document.querySelector('[data-drawn]')), 'the opening chart to draw', 10_000);
        await win.document.fonts.ready;
        const preloaded = [...win.document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="font"]')]
          .map((link) => /([a-z0-9-]+-latin-\d+-(?:normal|italic))-[\w-]+\.woff2$/.exec(link.href)?.[1] ?? link.href)
          .sort();
        const used = [...win.document.fonts]
          .filter((face) => face.status === 'loaded' && /^"?Source (Serif 4|Sans 3)"?$/.test(face.family))
          .map((face) => `${face.family.replace(/"/g, '').toLowerCase().replace(/ /g, '-')}-latin-${face.weight}-${face.style}`)
          .sort();
        expect(preloaded).to.deep.equal(used);
      } finally {
        frame.remove();
      }
    });
  }

  for (const [width, height] of [[390, 844], [1440, 900]] as const) {
    it(`sets every paragraph of the article in the same lines in its fallback face as in its font, at ${width} px`, async function () {
      this.timeout(30_000);
      const { win, frame } = await openStory(width, height);
      try {
        const doc = win.document;
        await doc.fonts.ready;
        const paragraphs = [...doc.querySelectorAll<HTMLElement>('main p, main h1')].filter((p) => p.offsetHeight > 0 && p.textContent!.trim().length > 40);
        expect(paragraphs.length).to.be.greaterThan(20);
        const family = (p: HTMLElement) => win.getComputedStyle(p).fontFamily;
        const fallbackOf = (stack: string) => stack.split(',')[1]!.trim();
        // The fallback a reader without the font sees first is the one their system has: here, DejaVu.
        const fallbacks = new Set(paragraphs.map((p) => fallbackOf(family(p))));
        for (const f of fallbacks) {
          for (const weight of [400, 700]) await doc.fonts.load(`${weight} 16px ${f}`);
          const bare = (name: string) => name.replace(/["']/g, '');
          const faces = [...doc.fonts].filter((face) => bare(face.family) === bare(f));
          expect(faces.some((face) => face.status === 'loaded'), `the fallback face ${f} is on this system`).to.equal(true);
        }
        const heights = (useFallback: boolean) =>
          paragraphs.map((p) => {
            p.style.fontFamily = useFallback ? fallbackOf(family(p)) : '';
            return p.getBoundingClientRect().height;
          });
        const withFont = heights(false);
        const withFallback = heights(true);
        paragraphs.forEach((p) => (p.style.fontFamily = ''));
        await frames(1);
        const lineHeight = (p: HTMLElement) => parseFloat(win.getComputedStyle(p).lineHeight);
        const changed = paragraphs
          .map((p, i) => ({ text: p.textContent!.slice(0, 50), lines: Math.round((withFallback[i]! - withFont[i]!) / lineHeight(p)) }))
          .filter((p) => p.lines !== 0);
        // Average widths match, so a paragraph can still break a word earlier or later at its end: at most one
        // paragraph in ten moves by a line, and none by more.
        expect(changed.filter((p) => Math.abs(p.lines) > 1), JSON.stringify(changed)).to.deep.equal([]);
        expect(changed.length, JSON.stringify(changed)).to.be.at.most(Math.floor(paragraphs.length / 10));
      } finally {
        frame.remove();
      }
    });
  }

  it('shifts nothing on the first screen when the fonts arrive late', async function () {
    this.timeout(30_000);
    await setViewport({ width: 390, height: 844 });
    // A copy of the built page whose fonts come from an endpoint that answers late (web-test-runner.config.mjs), as
    // on a slow network: the story starts and paints in the fallbacks, then the fonts swap in.
    const html = await (await fetch('/dist/index.html')).text();
    const cssHref = /<link rel="stylesheet"[^>]*href="\.\/assets\/([^"]+\.css)"/.exec(html)![1]!;
    const css = await (await fetch(`/dist/assets/${cssHref}`)).text();
    const lateCss = css.replace(/url\(\.\/([\w.-]+\.woff2)\)/g, 'url(/__test/late-font/$1)');
    expect(lateCss).to.not.equal(css);
    await writeFile({ path: `../../dist/assets/late-fonts.css`, content: lateCss });
    const lateHtml = html
      .replace(`./assets/${cssHref}`, `./assets/late-fonts.css`)
      .replace(/href="\.\/assets\/([\w.-]+\.woff2)"/g, 'href="/__test/late-font/$1"');
    await writeFile({ path: `../../dist/late-fonts.html`, content: lateHtml });
    const frame = document.createElement('iframe');
    frame.style.cssText = 'position:fixed;inset:0;width:390px;height:844px;border:0';
    frame.src = `/dist/late-fonts.html`;
    const shifts: { value: number; at: number }[] = [];
    document.body.append(frame);
    try {
      await until(() => Boolean(frame.contentDocument?.URL.includes('late-fonts')), 'the page to start', 10_000);
      const win = frame.contentWindow as Window & typeof globalThis;
      if (!win.PerformanceObserver.supportedEntryTypes.includes('layout-shift')) this.skip();
      new win.PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) shifts.push({ value: entry.value, at: entry.startTime });
      }).observe({ type: 'layout-shift', buffered: true });
      // The stylesheet applied (its faces are known), the page painted...
      const textFace = () => [...win.document.fonts].find((face) => face.family.replace(/"/g, '') === 'Source Serif 4' && face.weight === '400' && face.style === 'normal');
      await until(() => Boolean(frame.contentDocument!.body && textFace()), 'the stylesheet to apply', 10_000);
      await frames(2);
      // ...in the fallbacks: the text font has not arrived.
      expect(textFace()!.status, 'the text font at the first paint').to.not.equal('loaded');
      await until(() => [...win.document.fonts].some((face) => face.family.replace(/"/g, '') === 'Source Serif 4' && face.status === 'loaded'), 'the text font', 10_000);
      await win.document.fonts.ready;
      await until(() => Boolean(win.document.querySelector('[data-drawn]')), 'the opening chart to draw', 10_000);
      await frames(5);
      // ...then in the fonts: from the moment the first font file arrived, nothing moved.
      const arrived = Math.min(...win.performance.getEntriesByType('resource').filter((e) => e.name.includes('/__test/late-font/')).map((e) => (e as PerformanceResourceTiming).responseEnd));
      expect(Number.isFinite(arrived)).to.equal(true);
      const afterFonts = shifts.filter((shift) => shift.at >= arrived);
      expect(afterFonts.reduce((sum, shift) => sum + shift.value, 0), `layout shifts after the fonts arrived: ${JSON.stringify(afterFonts)}`).to.equal(0);
    } finally {
      frame.remove();
    }
  });
});
