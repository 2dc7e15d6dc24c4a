/**
 * The opening chart at first paint: index.html carries the build's drawing of the first section's first chart
 * (src/drawings/), in the box the chart takes, until the chart element has drawn; then the element shows in the
 * same frame. Nothing moves on the way (no layout shift, read where the browser reports it: Chromium).
 */
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import { until } from './helpers.ts';

after(() => setViewport({ width: 800, height: 600 }));

for (const viewport of [
  { width: 390, height: 844, size: 'phone' },
  { width: 1280, height: 800, size: 'desktop' },
]) {
  describe(`the opening chart, ${viewport.width}x${viewport.height}`, () => {
    let frame: HTMLIFrameElement;
    before(async () => {
      await setViewport(viewport);
      // The frame opens at the new size, not while the window is still resizing (which would count as a shift).
      await until(() => innerWidth === viewport.width, 'the window to take its size');
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Once to fill the cache (a cold test server can be slow enough with the stylesheet that the frame paints
      // without it), then the load that is measured.
      for (const pass of ['warm', 'measured']) {
        frame = document.createElement('iframe');
        frame.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;border:0';
        const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
        frame.src = '/dist/index.html';
        document.body.append(frame);
        await loaded;
        if (pass === 'warm') frame.remove();
      }
    });
    after(() => frame.remove());

    it('is in the page as a drawing, and the element takes over without a shift', async () => {
      const doc = frame.contentDocument!;
      const win = frame.contentWindow as Window & typeof globalThis;
      const slot = doc.querySelector<HTMLElement>('.scrolly-chart[data-active]')!;
      const drawings = slot.querySelectorAll<HTMLElement>(':scope > .opening-drawing');
      expect([...drawings].map((d) => d.dataset.size).sort(), 'a phone and a desktop drawing').to.deep.equal(['desktop', 'phone']);
      const mine = slot.querySelector<HTMLElement>(`:scope > .opening-drawing[data-size="${viewport.size}"]`)!;
      expect(mine.querySelectorAll('svg rect, svg circle, svg path, svg text').length, 'marks').to.be.greaterThan(5);
      expect(mine.getAttribute('aria-hidden'), 'the element beside it says it').to.equal('true');
      const chart = slot.firstElementChild!;
      await until(() => chart.hasAttribute('data-drawn'), 'the opening chart to draw', 10_000);
      expect(win.getComputedStyle(mine).display, 'gone once the element has drawn').to.equal('none');
      expect(chart.shadowRoot!.querySelector('svg')!.childElementCount, 'the element drew').to.be.greaterThan(0);
      if (PerformanceObserver.supportedEntryTypes.includes('layout-shift')) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        type Shift = { value: number; sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] };
        const shifts = await new Promise<Shift[]>((resolve) => {
          const observer = new win.PerformanceObserver((list) => {
            observer.disconnect();
            resolve(list.getEntries() as unknown as Shift[]);
          });
          observer.observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve([]), 500);
        });
        const moved = shifts.flatMap((shift) =>
          shift.sources.map((source) => `${(source.node as Element | undefined)?.outerHTML?.slice(0, 60) ?? source.node?.nodeName} ${source.previousRect.y}->${source.currentRect.y}`),
        );
        expect(shifts.reduce((sum, shift) => sum + shift.value, 0), `layout shift while the page loaded: ${moved.join('; ')}`).to.equal(0);
      }
      // Where the drawing shows (before the element has drawn), it covers the chart's place in the graphic.
      const drawn = chart.getAttribute('data-drawn')!;
      chart.removeAttribute('data-drawn');
      try {
        expect(win.getComputedStyle(mine).display).to.not.equal('none');
        const a = mine.getBoundingClientRect();
        const b = slot.getBoundingClientRect();
        for (const side of ['top', 'left', 'width', 'height'] as const) expect(Math.round(a[side]), `the drawing's ${side}`).to.be.closeTo(Math.round(b[side]), 1);
      } finally {
        chart.setAttribute('data-drawn', drawn);
      }
    });
  });
}
