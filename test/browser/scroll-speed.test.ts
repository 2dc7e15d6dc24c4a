/**
 * The page's scroll speed (src/charts/shared/scroll-speed.ts), which decides whether a chart draws a step or waits
 * for a fling to end: its position agrees with `scrollY` wherever the page is scrolled and however it has grown
 * (where it is read from the page's scroll timeline), and the speed tells reading from a fling and a fling from
 * a page at rest. The page is scrolled by the clock, as the torture tests do, so that a slow machine's frames do
 * not change the speed.
 */
import { expect } from 'chai';
import { scrollingFast, scrollPosition } from '../../src/charts/shared/scroll-speed.ts';
import { frames } from './helpers.ts';

const pause = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** A page `px` tall, or taller by `px` when called again. */
function growPage(px: number): HTMLElement {
  const block = document.createElement('div');
  block.style.height = `${px}px`;
  document.body.append(block);
  return block;
}

/** Scrolls the page from where it is at `pxPerMs`, by the clock, for `ms`; `each` is asked after every frame. */
async function scrollAt(pxPerMs: number, ms: number, each: () => void = () => {}): Promise<void> {
  const from = scrollY;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await frames(1);
    scrollTo({ top: from + pxPerMs * (performance.now() - start), behavior: 'instant' });
    each();
  }
}

describe('the scroll speed', () => {
  const blocks: HTMLElement[] = [];
  afterEach(() => {
    for (const block of blocks.splice(0)) block.remove();
    scrollTo({ top: 0, behavior: 'instant' });
  });

  it('reads the position scrollY gives, wherever the page is scrolled and after it grows', async () => {
    blocks.push(growPage(20_000));
    await frames(2);
    for (const top of [1234, 9876, 15_000]) {
      scrollTo({ top, behavior: 'instant' });
      await frames(2);
      expect(Math.abs(scrollPosition() - scrollY), `at ${top} px`).to.be.below(1);
    }
    // The story grows as its fonts and charts arrive: the position still agrees further down.
    blocks.push(growPage(30_000));
    await frames(2);
    scrollTo({ top: 40_000, behavior: 'instant' });
    await frames(2);
    expect(scrollY).to.equal(40_000);
    expect(Math.abs(scrollPosition() - scrollY), 'after the page grew').to.be.below(1);
  });

  it('tells reading from a fling, and a fling from a page at rest', async () => {
    blocks.push(growPage(20_000));
    // From rest: the scroll back to the top after the test before is long over.
    await pause(300);
    const reading: boolean[] = [];
    // A finger dragging the text: 1.5 px a ms.
    await scrollAt(1.5, 500, () => reading.push(scrollingFast()));
    const flung: boolean[] = [];
    // A finger letting go: 6 px a ms. The first frame has no speed yet.
    await scrollAt(6, 500, () => flung.push(scrollingFast()));
    // The speed is taken between scroll events, whose times a busy machine makes uneven (and a frame over 200 ms
    // reads as the page at rest): a frame or two may read wrong, most may not.
    const share = (reads: boolean[]) => reads.filter(Boolean).length / reads.length;
    expect(share(reading), `frames read as a fling while reading: ${reading.join(' ')}`).to.be.at.most(0.1);
    expect(share(flung.slice(2)), `frames of the fling read as one: ${flung.join(' ')}`).to.be.at.least(0.8);
    // At rest: no scroll event for longer than a frame of a slow phone takes.
    await pause(300);
    expect(scrollingFast(), 'at rest').to.equal(false);
  });
});
