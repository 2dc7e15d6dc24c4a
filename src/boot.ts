/**
 * The story page's entry: its style sheets (linked in the page, so they apply with or without JavaScript), and the
 * page's code (main.ts), fetched once the page has painted its first content. The article and the opening chart's
 * drawing are in the HTML; the code only enhances them, so it never competes with the style sheets and the fonts
 * for the first paint, on any network or in any browser (the no-JavaScript page paints as early, and the story's
 * largest paint is the same text at the same time: bench/budgets.json, lcpToReference). A page that opens hidden
 * (a background tab) paints nothing until it is shown, so there the code is fetched once the page has loaded.
 */
import './styles/story.css';
import './styles/reader.css';
import './styles/present.css';
import './styles/print.css';

function afterFirstPaint(run: () => void): void {
  let started = false;
  const start = (): void => {
    if (started) return;
    started = true;
    run();
  };
  const afterLoad = (): void => {
    if (document.readyState === 'complete') setTimeout(start, 0);
    else addEventListener('load', () => setTimeout(start, 0), { once: true });
  };
  if (document.visibilityState === 'hidden' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    afterLoad();
    return;
  }
  const observer = new PerformanceObserver((list) => {
    if (!list.getEntries().some((entry) => entry.name === 'first-contentful-paint')) return;
    observer.disconnect();
    start();
  });
  observer.observe({ type: 'paint', buffered: true });
}

afterFirstPaint(() => void import('./main.ts'));
