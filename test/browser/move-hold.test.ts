/**
 * A chart's move starts a frame after the draw that sets it up (holdMovesPastNextFrame in
 * src/charts/shared/move-hold.ts): the draw's frame shows the marks where the move starts from, the move's first
 * frame is the next one, and the move still runs its whole course to the exact end. A move whose marks are drawn
 * again at once while it waits (a newer state) does not start at all.
 */
import { expect } from 'chai';
import { easeLinear, select } from 'd3';
import { animate, transitionOf } from '../../src/charts/shared/transition.ts';
import { holdMovesPastNextFrame } from '../../src/charts/shared/move-hold.ts';
import { frames } from './helpers.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const nextTask = () => new Promise<void>((done) => setTimeout(done, 0));

/** An svg with one rect at x = 0, in the page. */
function freshRect(): { svg: SVGSVGElement; rect: SVGRectElement } {
  const svg = document.createElementNS(SVG_NS, 'svg');
  const rect = svg.appendChild(document.createElementNS(SVG_NS, 'rect'));
  rect.setAttribute('x', '0');
  rect.setAttribute('width', '10');
  rect.setAttribute('height', '10');
  document.body.append(svg);
  return { svg, rect };
}

/** Counts animation frames from now: its callback is asked for before any made later, so it runs first in each. */
function frameCounter(): { readonly count: number; stop(): void } {
  let count = 0;
  let id = requestAnimationFrame(function tick() {
    count++;
    id = requestAnimationFrame(tick);
  });
  return {
    get count() {
      return count;
    },
    stop: () => cancelAnimationFrame(id),
  };
}

describe('a move held past the frame of its draw', () => {
  afterEach(() => {
    for (const svg of document.querySelectorAll('body > svg')) svg.remove();
  });

  it('starts in a frame after the first, with the marks where they were until then, and ends exactly', async () => {
    const { svg, rect } = freshRect();
    // As a chart draws: in a task after a frame.
    await frames(1);
    await nextTask();
    const counter = frameCounter();
    let startedInFrame = 0;
    const ticks: number[] = [];
    let firstTickAt = 0;
    let releasedAt = 0;
    const move = transitionOf(select(rect), 300)!.ease(easeLinear).attr('x', 120);
    move.tween('probe', () => {
      startedInFrame = counter.count;
      return (t) => {
        if (!ticks.length) firstTickAt = performance.now();
        ticks.push(t);
      };
    });
    holdMovesPastNextFrame(svg, () => (releasedAt = performance.now()));

    await frames(1);
    await nextTask();
    // The first frame after the draw showed the rect where it was.
    expect(startedInFrame).to.equal(0);
    expect(rect.getAttribute('x')).to.equal('0');

    await move.end();
    counter.stop();
    // D3 would have started it in the first frame; held, it starts in the second (the third where the browser
    // runs the release task only after that frame).
    expect(startedInFrame).to.be.within(2, 3);
    // Its clock starts when it is let go: at its first tick it is only as far into its course as the time since
    // then (the frames it waited are not skipped).
    expect(releasedAt).to.be.above(0);
    expect(ticks[0]! * 300).to.be.below(firstTickAt - releasedAt + 2);
    expect(ticks.at(-1)).to.equal(1);
    expect(rect.getAttribute('x')).to.equal('120');
  });

  it('does not start when its marks are drawn again at once while it waits', async () => {
    const { svg, rect } = freshRect();
    await frames(1);
    await nextTask();
    animate(select(rect), 300, { attr: { x: 120 } });
    holdMovesPastNextFrame(svg, () => {});
    // A newer state, drawn at once before the move starts: it ends the held move (as every draw at once does).
    select(rect).interrupt();
    animate(select(rect), 0, { attr: { x: 40 } });
    for (let i = 0; i < 6; i++) await frames(1);
    await new Promise((done) => setTimeout(done, 350));
    expect(rect.getAttribute('x')).to.equal('40');
  });

  it('keeps a move in two parts in order, the second after the first', async () => {
    const { svg, rect } = freshRect();
    await frames(1);
    await nextTask();
    const first = transitionOf(select(rect), 100)!.attr('x', 50);
    const second = first.transition().duration(100).attr('x', 80);
    let firstEnded = 0;
    let secondStarted = 0;
    first.on('end', () => (firstEnded = performance.now()));
    second.on('start', () => (secondStarted = performance.now()));
    holdMovesPastNextFrame(svg, () => {});
    await second.end();
    expect(firstEnded).to.be.above(0);
    expect(secondStarted).to.be.at.least(firstEnded);
    expect(rect.getAttribute('x')).to.equal('80');
  });
});
