/**
 * translateTo (src/charts/shared/transition.ts) moves marks with slides the compositor runs (./slide.ts): a mark
 * reads as its new place at once, is seen where it was when the move starts, passes between, ends where a jump
 * would put it, and a second move mid-way starts from where the mark is seen.
 */
import { expect } from 'chai';
import { select } from 'd3';
import { translateTo } from '../../src/charts/shared/transition.ts';

interface Mark {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

/** An svg whose marks sit in a group moved by its own transform, as a chart's marks sit in their layers. */
function svgWithMarks(marks: readonly Mark[]): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', '400');
  svg.setAttribute('height', '300');
  svg.setAttribute('viewBox', '0 0 400 300');
  svg.style.position = 'absolute';
  svg.style.left = '0';
  svg.style.top = '0';
  document.body.append(svg);
  const layer = select(svg).append('g').attr('transform', 'translate(30,20)');
  layer
    .selectAll('g.mark')
    .data(marks, (d) => (d as Mark).id)
    .join('g')
    .attr('class', 'mark')
    .attr('transform', (d) => `translate(${d.x},${d.y})`)
    .append('rect')
    .attr('width', 10)
    .attr('height', 10);
  return svg;
}

const marksOf = (svg: SVGSVGElement) => select(svg).selectAll<SVGGElement, Mark>('g.mark');
const seenAt = (mark: Element) => {
  const box = mark.getBoundingClientRect();
  return [Math.round(box.x), Math.round(box.y)];
};
const slidesOn = (mark: Element) => mark.getAnimations();

describe('translateTo: moves that the compositor runs', () => {
  let svg: SVGSVGElement;
  afterEach(() => svg?.remove());

  it('writes the new place at once, and is seen at the old one when the slide starts and at the new one when it ends', () => {
    svg = svgWithMarks([{ id: 'a', x: 10, y: 10 }]);
    const mark = svg.querySelector('g.mark')!;
    const before = seenAt(mark);
    marksOf(svg).data([{ id: 'a', x: 110, y: 60 }], (d) => d.id);
    translateTo(marksOf(svg), 1000, (d) => [d.x, d.y]);
    expect(mark.getAttribute('transform')).to.equal('translate(110,60)');
    const [slide] = slidesOn(mark);
    expect(slide, 'a slide runs').to.exist;
    slide!.pause();
    slide!.currentTime = 0;
    expect(seenAt(mark)).to.deep.equal(before);
    slide!.currentTime = 500;
    const [x, y] = seenAt(mark);
    expect(x).to.be.within(before[0]! + 1, before[0]! + 99);
    expect(y).to.be.within(before[1]! + 1, before[1]! + 49);
    slide!.finish();
    expect(seenAt(mark)).to.deep.equal([before[0]! + 100, before[1]! + 50]);
  });

  it('a move mid-slide starts from where the mark is seen, and a mark already sliding to its place goes on', () => {
    svg = svgWithMarks([{ id: 'a', x: 10, y: 10 }]);
    const mark = svg.querySelector('g.mark')!;
    const start = seenAt(mark);
    marksOf(svg).data([{ id: 'a', x: 210, y: 10 }], (d) => d.id);
    translateTo(marksOf(svg), 1000, (d) => [d.x, d.y]);
    const [first] = slidesOn(mark);
    first!.pause();
    first!.currentTime = 500;
    const midway = seenAt(mark);
    expect(midway[0]).to.be.within(start[0]! + 1, start[0]! + 199);

    // The same place again: the slide under way is kept, not started over.
    translateTo(marksOf(svg), 1000, (d) => [d.x, d.y]);
    expect(slidesOn(mark)).to.deep.equal([first]);

    marksOf(svg).data([{ id: 'a', x: 10, y: 110 }], (d) => d.id);
    translateTo(marksOf(svg), 1000, (d) => [d.x, d.y]);
    const [second] = slidesOn(mark);
    expect(second).to.not.equal(first);
    second!.pause();
    second!.currentTime = 0;
    expect(seenAt(mark)).to.deep.equal(midway);
    second!.finish();
    expect(seenAt(mark)).to.deep.equal([start[0], start[1]! + 100]);
    expect(mark.getAttribute('transform')).to.equal('translate(10,110)');
  });

  it('places at once, ending any slide, when there is no time to move (ms 0), and leaves a mark that stays untouched', () => {
    svg = svgWithMarks([
      { id: 'a', x: 10, y: 10 },
      { id: 'b', x: 50, y: 50 },
    ]);
    const [a, b] = [...svg.querySelectorAll('g.mark')];
    marksOf(svg).data([{ id: 'a', x: 200, y: 10 }, { id: 'b', x: 50, y: 50 }], (d) => d.id);
    translateTo(marksOf(svg), 1000, (d) => [d.x, d.y]);
    expect(slidesOn(a!)).to.have.length(1);
    expect(slidesOn(b!), 'a mark that stays does not slide').to.have.length(0);

    marksOf(svg).data([{ id: 'a', x: 300, y: 10 }, { id: 'b', x: 50, y: 50 }], (d) => d.id);
    translateTo(marksOf(svg), 0, (d) => [d.x, d.y]);
    expect(slidesOn(a!)).to.have.length(0);
    expect(a!.getAttribute('transform')).to.equal('translate(300,10)');
  });
});
