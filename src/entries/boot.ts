/**
 * The story page's entry: its style sheets (linked in the page, so they apply with or without JavaScript), and,
 * once the page has painted its first content, the faces other than the text face (fonts-late.css, added as
 * late-fonts.ts says) and the page's code (main.ts). The article and the opening chart's drawing are in the HTML; the faces and the code only refine
 * them, so they never compete with the style sheets and the text face for the first paint, on any network or in any
 * browser (the no-JavaScript page paints as early, and the story's largest paint is the same text at the same time:
 * bench/budgets.json, lcpToReference). Until the faces arrive, their text is set in their metric-matched fallbacks
 * (fonts.css), so nothing moves when they swap in. Without JavaScript, a <noscript> link in the page (vite.config.ts)
 * brings the same sheet.
 */
import '../styles/story.css';
import '../styles/reader.css';
import '../styles/present.css';
import '../styles/print.css';
import lateFonts from '../styles/fonts-late.css?url';
import { addLateFonts } from './late-fonts.ts';

function afterFirstPaint(run: () => void): void {
  let started = false;
  const start = (): void => {
    if (started) return;
    started = true;
    run();
  };
  // The first contentful paint, where the browser reports it...
  if (PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    const observer = new PerformanceObserver((list) => {
      if (!list.getEntries().some((entry) => entry.name === 'first-contentful-paint')) return;
      observer.disconnect();
      start();
    });
    observer.observe({ type: 'paint', buffered: true });
  }
  // ...or a second after the load, for a page that paints nothing the browser counts as contentful (Firefox, opened
  // at a step by a link) or a browser that does not report paints. Not sooner, nor on a frame: Chromium runs frames
  // before it shows the first one, and code fetched then would again share the network with the first paint.
  const afterLoad = (): void => void setTimeout(start, PerformanceObserver.supportedEntryTypes?.includes('paint') ? 1000 : 0);
  if (document.readyState === 'complete') afterLoad();
  else addEventListener('load', afterLoad, { once: true });
}

afterFirstPaint(() => {
  addLateFonts(lateFonts);
  void import('./main.ts');
});
