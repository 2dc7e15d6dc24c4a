/**
 * The self-hosted fonts on the built story page: loaded from the page's own origin (the CSP's default-src 'self'
 * covers fonts; test/browser/csp.test.ts reads the whole story under it), the text face preloaded and no other face
 * asked for before the first paint, no face synthesized while the others are on their way, and nothing moving when
 * they arrive: each metric-matched fallback sets the article's paragraphs in the same lines as its font.
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

/**
 * Whether the page has loaded its own file of a face. (Not document.fonts.check(): fonts.css's stand-in for each
 * late face names only the font's installed copy, which a reader seldom has, and check() is false while any face of
 * those traits has not loaded.)
 */
function loadedFace(doc: Document, family: string, weight: string, style = 'normal'): boolean {
  return [...doc.fonts].some((face) => face.family.replace(/"/g, '') === family && face.weight === weight && face.style === style && face.status === 'loaded');
}

/**
 * Writes dist/late-fonts-COPY.html: a copy of the built page whose fonts come from an endpoint that answers late
 * (web-test-runner.config.mjs), as on a slow network: the story starts and paints in the fallbacks, then the fonts
 * swap in. Returns its address. Each copy has files and font addresses of its own (the endpoint ignores the query),
 * so that each test meets its fonts late, not from the browser's cache of another test's.
 */
async function writeLateFontsPage(copy: string): Promise<string> {
  const html = await (await fetch('/dist/index.html')).text();
  const cssHref = /<link rel="stylesheet"[^>]*href="\.\/assets\/([^"]+\.css)"/.exec(html)![1]!;
  const css = await (await fetch(`/dist/assets/${cssHref}`)).text();
  const lateCss = css.replace(/url\(\.\/([\w.-]+\.woff2)\)/g, `url(/__test/late-font/$1?${copy})`);
  expect(lateCss).to.not.equal(css);
  await writeFile({ path: `../../dist/assets/late-fonts-${copy}.css`, content: lateCss });
  // The faces the page adds once it has painted (fonts-late.css, named in its entry script) arrive late too.
  const entryHref = /<script type="module"[^>]*src="\.\/assets\/([^"]+\.js)"/.exec(html)![1]!;
  const entry = await (await fetch(`/dist/assets/${entryHref}`)).text();
  const lateSheetHref = /fonts-late-[\w-]+\.css/.exec(entry)![0];
  const lateSheet = await (await fetch(`/dist/assets/${lateSheetHref}`)).text();
  await writeFile({ path: `../../dist/assets/late-fonts-late-${copy}.css`, content: lateSheet.replace(/url\(\.\/([\w.-]+\.woff2)\)/g, `url(/__test/late-font/$1?${copy})`) });
  await writeFile({ path: `../../dist/assets/late-entry-${copy}.js`, content: entry.replace(lateSheetHref, `late-fonts-late-${copy}.css`) });
  const lateHtml = html
    .replace(`./assets/${cssHref}`, `./assets/late-fonts-${copy}.css`)
    .replace(`./assets/${entryHref}`, `./assets/late-entry-${copy}.js`)
    .replace(/href="\.\/assets\/([\w.-]+\.woff2)"/g, `href="/__test/late-font/$1?${copy}"`);
  await writeFile({ path: `../../dist/late-fonts-${copy}.html`, content: lateHtml });
  return `/dist/late-fonts-${copy}.html`;
}

/** Opens a late-fonts copy (writeLateFontsPage) in a phone-sized frame, without waiting for it to load. */
async function openLateFontsPage(copy: string): Promise<HTMLIFrameElement> {
  await setViewport({ width: 390, height: 844 });
  const page = await writeLateFontsPage(copy);
  const frame = document.createElement('iframe');
  frame.style.cssText = 'position:fixed;inset:0;width:390px;height:844px;border:0';
  frame.src = page;
  document.body.append(frame);
  return frame;
}

describe('fonts', () => {
  it('preloads the text face and loads the story\'s faces as WOFF2 from its own origin', async function () {
    this.timeout(30_000);
    const { win, frame } = await openStory(1280, 800);
    try {
      const preload = win.document.querySelector<HTMLLinkElement>('link[rel="preload"][as="font"]');
      expect(preload?.getAttribute('type')).to.equal('font/woff2');
      expect(preload?.href).to.match(/source-serif-4-story-400-normal-[\w-]+\.woff2$/);
      expect(preload?.hasAttribute('crossorigin'), 'a font preload without crossorigin is fetched twice').to.equal(true);
      await until(() => Boolean(win.document.querySelector('[data-drawn]')), 'the opening chart to draw', 10_000);
      await win.document.fonts.ready;
      const loaded = [...win.document.fonts].filter((face) => face.status === 'loaded').map((face) => `${face.family.replace(/"/g, '')} ${face.weight}`);
      expect(loaded).to.include.members(['Source Serif 4 400', 'Source Serif 4 700', 'Source Sans 3 400']);
      // The headline is drawn in its face, not in a fallback.
      expect(loadedFace(win.document, 'Source Serif 4', '700')).to.equal(true);
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
    it(`preloads only the text face and asks for no other face before the first paint, then for the rest, at ${width} px`, async function () {
      // Every font file that arrives before the first paint delays it on a slow network (Lighthouse's simulated LCP
      // counts each); the other faces come with fonts-late.css once the page has painted.
      this.timeout(30_000);
      const { win, frame } = await openStory(width, height);
      try {
        await until(() => Boolean(win.document.querySelector('[data-drawn]')), 'the opening chart to draw', 10_000);
        await win.document.fonts.ready;
        const face = (url: string) => /([a-z0-9-]+-story-\d+-(?:normal|italic))-[\w-]+\.woff2$/.exec(url)?.[1] ?? url;
        const preloaded = [...win.document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="font"]')].map((link) => face(link.href));
        expect(preloaded).to.deep.equal(['source-serif-4-story-400-normal']);
        const painted = win.performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
        expect(painted, 'the first contentful paint').to.be.a('number');
        const fontRequests = win.performance.getEntriesByType('resource').filter((entry) => /\.woff2$/.test(entry.name));
        const before = fontRequests.filter((entry) => entry.startTime < painted!).map((entry) => face(entry.name));
        expect(before.filter((name) => name !== 'source-serif-4-story-400-normal'), 'faces asked for before the first paint').to.deep.equal([]);
        // Then the faces of the first screen do arrive: the headline's bold, and the sans of the byline and the chart.
        const loaded = [...win.document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family.replace(/"/g, '')} ${f.weight} ${f.style}`);
        expect(loaded).to.include.members(['Source Serif 4 400 normal', 'Source Serif 4 700 normal', 'Source Sans 3 400 normal', 'Source Sans 3 600 normal']);
      } finally {
        frame.remove();
      }
    });
  }

  it('without JavaScript, brings the other faces with the page (its noscript link) and sets the first screen in them', async function () {
    this.timeout(30_000);
    await setViewport({ width: 390, height: 844 });
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-same-origin');
    frame.style.cssText = 'position:fixed;inset:0;width:390px;height:844px;border:0';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = '/dist/index.html';
    document.body.append(frame);
    try {
      await loaded;
      const doc = frame.contentDocument!;
      expect(doc.querySelector('link[rel="stylesheet"][href*="fonts-late-"]'), 'the noscript link, live without scripts').to.not.equal(null);
      await until(() => loadedFace(doc, 'Source Serif 4', '700') && loadedFace(doc, 'Source Sans 3', '600'), 'the headline\'s and the chart sentence\'s faces', 10_000);
    } finally {
      frame.remove();
    }
  });

  it('sets the headline in its fallback, not in a bold synthesized from the text face, until its own face is in', async function () {
    // The page as it is before fonts-late.css: its scripts left out, so the late sheet never comes.
    this.timeout(30_000);
    const html = (await (await fetch('/dist/index.html')).text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<link rel="modulepreload"[^>]*>/g, '');
    await writeFile({ path: '../../dist/early-fonts.html', content: html });
    await setViewport({ width: 1280, height: 800 });
    const frame = document.createElement('iframe');
    frame.style.cssText = 'position:fixed;inset:0;width:1280px;height:800px;border:0';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = '/dist/early-fonts.html';
    document.body.append(frame);
    try {
      await loaded;
      const win = frame.contentWindow as Window & typeof globalThis;
      const doc = win.document;
      await doc.fonts.load('400 16px "Source Serif 4"');
      await doc.fonts.ready;
      expect(doc.fonts.check('400 16px "Source Serif 4"'), 'the text face').to.equal(true);
      const headline = doc.querySelector<HTMLElement>('h1')!;
      expect(win.getComputedStyle(headline).fontWeight).to.equal('700');
      const width = () => {
        const range = doc.createRange();
        range.selectNodeContents(headline);
        return range.getBoundingClientRect().width;
      };
      const asIs = width();
      headline.style.fontFamily = "'Source Serif 4 DejaVu', 'Source Serif 4 Local', serif";
      const inFallback = width();
      // A bold synthesized from the text face keeps (or about keeps) the regular's widths: the fallback's differ.
      headline.style.fontFamily = "'Source Serif 4'";
      headline.style.fontWeight = '400';
      const regular = width();
      headline.style.fontFamily = '';
      headline.style.fontWeight = '';
      expect(Math.abs(inFallback - regular), 'the fallback bold and the regular text face set the headline alike').to.be.greaterThan(2);
      expect(asIs).to.be.closeTo(inFallback, 0.5);
      // The late sheet in: the headline's own face.
      const link = doc.createElement('link');
      link.rel = 'stylesheet';
      link.href = (/<noscript><link rel="stylesheet" href="\.\/([^"]+)"/.exec(html) ?? [])[1]!;
      expect(link.href).to.match(/fonts-late-[\w-]+\.css$/);
      doc.head.append(link);
      await until(() => loadedFace(doc, 'Source Serif 4', '700'), 'the bold face', 10_000);
      await doc.fonts.ready;
      await frames(2);
      expect(Math.abs(width() - inFallback), 'the headline in its own face').to.be.greaterThan(0);
    } finally {
      frame.remove();
    }
  });

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

  it('adds the late faces to the page in one change, each already loaded, and names them to the charts', async function () {
    // Faces that joined the page's set before their files arrived would change its fonts twice (a layout of the whole
    // article each time): once as they joined, and again as each arrived (src/entries/late-fonts.ts).
    this.timeout(30_000);
    const frame = await openLateFontsPage('one-change');
    try {
      await until(() => Boolean(frame.contentDocument?.URL.includes('late-fonts')) && frame.contentDocument!.fonts.size > 0, 'the page\'s style sheet', 10_000);
      const win = frame.contentWindow as Window & typeof globalThis;
      const fonts = win.document.fonts;
      // The faces fonts.css declares (the text face, the fallbacks, and a stand-in naming an installed copy of each
      // late face): the late faces come after them.
      const early = fonts.size;
      const named: string[][] = [];
      fonts.addEventListener('loadingdone', (event) => named.push([...((event as FontFaceSetLoadEvent).fontfaces ?? [])].map((face) => `${face.family.replace(/"/g, '')} ${face.weight} ${face.style}`)));
      const seen: { size: number; statuses: string[] }[] = [];
      await until(
        () => {
          const late = [...fonts].slice(early);
          seen.push({ size: fonts.size, statuses: late.map((face) => face.status) });
          return late.length > 0 && loadedFace(win.document, 'Source Sans 3', '700');
        },
        'the late faces',
        15_000,
      );
      const late = [...fonts].slice(early);
      expect(late.map((face) => `${face.family.replace(/"/g, '')} ${face.weight} ${face.style}`).sort()).to.deep.equal(
        ['Source Sans 3 400 italic', 'Source Sans 3 400 normal', 'Source Sans 3 600 normal', 'Source Sans 3 700 normal', 'Source Serif 4 400 italic', 'Source Serif 4 700 normal'],
      );
      // The files took 800 ms to arrive, and the frames were watched from before any late face was in the set (a
      // count of frames would depend on when the browser first lists the sheet's faces): in none of them was a late
      // face in the set unloaded.
      expect(seen[0]!.size, 'watched from before the late faces').to.equal(early);
      const sizes = [...new Set(seen.map((frame) => frame.size))];
      expect(sizes, 'the set grew once, by all six').to.deep.equal([early, early + 6]);
      expect(seen.flatMap((frame) => frame.statuses).filter((status) => status !== 'loaded'), 'late faces in the set before they loaded').to.deep.equal([]);
      // The charts measure their labels again on a `loadingdone` that names their family's faces.
      expect(named.some((faces) => faces.length === 6 && faces.includes('Source Sans 3 400 normal')), JSON.stringify(named)).to.equal(true);
    } finally {
      frame.remove();
    }
  });

  it('shifts nothing on the first screen when the fonts arrive late', async function () {
    this.timeout(30_000);
    const frame = await openLateFontsPage('no-shift');
    const shifts: { value: number; at: number }[] = [];
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
