/**
 * The charts' axis (src/charts/shared/axis.ts): drawn at once it makes exactly what d3-axis makes, so the
 * stylesheets and the build's drawings see the same elements; over a move it slides the ticks that stay, brings new
 * ones in from where the old scale put them and takes leaving ones to where the new scale puts them, fading each,
 * and ends exactly as a draw at once would have left it.
 */
import { expect } from 'chai';
import { axisBottom, axisLeft, scaleLinear, scaleUtc, select, type Selection } from 'd3';
import { drawAxis, type AxisSpec } from '../../src/charts/shared/axis.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
type Group = Selection<SVGGElement, unknown, null, undefined>;

function freshGroup(): Group {
  const svg = document.createElementNS(SVG_NS, 'svg');
  document.body.append(svg);
  return select(svg.appendChild(document.createElementNS(SVG_NS, 'g')));
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const label = (d: Date | { valueOf(): number }) => (d instanceof Date ? d.toISOString().slice(5, 10) : String(+d));

/** Resolves once `ms` have passed and two frames have run after that (a transition's last tick). */
const after = (ms: number) => new Promise<void>((done) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => done())), ms));

describe('the charts\u2019 axis', () => {
  afterEach(() => {
    for (const svg of document.querySelectorAll('body > svg')) svg.remove();
  });

  it('drawn at once, makes the elements and attributes d3-axis makes (less the font d3-axis sets inline)', () => {
    const time = scaleUtc().domain([day('2024-03-01'), day('2024-03-31')]).range([10, 350]);
    const days = [day('2024-03-01'), day('2024-03-15'), day('2024-03-31')];
    const count = scaleLinear().domain([0, 150]).range([300, 20]);
    const cases: [AxisSpec<Date> | AxisSpec<number>, (g: Group) => void][] = [
      [
        { orient: 'bottom', scale: time, values: days, format: label, tickSizeInner: 4, tickSizeOuter: 0, tickPadding: 5 },
        (g) => void g.call(axisBottom(time).tickValues(days).tickFormat(label).tickSizeInner(4).tickSizeOuter(0).tickPadding(5)),
      ],
      [
        { orient: 'left', scale: count, values: [0, 50, 100, 150], format: label, tickSizeInner: 6, tickSizeOuter: 6, tickPadding: 3 },
        (g) => void g.call(axisLeft(count).tickValues([0, 50, 100, 150]).tickFormat(label).tickSize(6).tickPadding(3)),
      ],
    ];
    for (const [spec, d3Axis] of cases) {
      const ours = freshGroup();
      drawAxis(ours, spec as AxisSpec<Date>, 0);
      const theirs = freshGroup();
      d3Axis(theirs);
      theirs.attr('font-size', null).attr('font-family', null);
      expect(ours.node()!.outerHTML, spec.orient).to.equal(theirs.node()!.outerHTML);
      expect(ours.selectAll('.tick').size(), spec.orient).to.equal(spec.values.length);
    }
  });

  it('over a move: ticks that stay slide, new ones come from the old scale\u2019s place, leaving ones fade to the new', async () => {
    const before = scaleUtc().domain([day('2024-03-01'), day('2024-03-31')]).range([0, 300]);
    const zoomed = scaleUtc().domain([day('2024-03-10'), day('2024-03-24')]).range([0, 300]);
    const group = freshGroup();
    const spec = (scale: typeof before, values: Date[]): AxisSpec<Date> => ({ orient: 'bottom', scale, values, format: label, tickSizeInner: 4, tickSizeOuter: 0, tickPadding: 5 });
    drawAxis(group, spec(before, [day('2024-03-01'), day('2024-03-15'), day('2024-03-31')]), 0);
    const tick = (iso: string) => group.selectAll<SVGGElement, Date>('.tick').filter((d) => +d === +day(iso)).node();
    const staying = tick('2024-03-15')!;
    const leaving = tick('2024-03-01')!;

    drawAxis(group, spec(zoomed, [day('2024-03-10'), day('2024-03-15'), day('2024-03-24')]), 400);
    // A new tick starts where the old scale put its date, nearly transparent.
    const entering = tick('2024-03-10')!;
    expect(entering.getAttribute('transform')).to.equal(`translate(${before(day('2024-03-10')) + 0.5},0)`);
    expect(Number(entering.getAttribute('opacity'))).to.be.lessThan(0.01);
    expect(tick('2024-03-15'), 'the tick that stays is the same element').to.equal(staying);

    await after(150);
    const x = (node: Element) => Number(/translate\(([-\d.e]+),/.exec(node.getAttribute('transform')!)![1]);
    // Mid-move: each is between where it was and where it goes.
    const [from, to] = [before(day('2024-03-15')) + 0.5, zoomed(day('2024-03-15')) + 0.5];
    expect(x(staying)).to.be.within(Math.min(from, to), Math.max(from, to)).and.not.equal(from).and.not.equal(to);
    expect(Number(entering.getAttribute('opacity'))).to.be.within(0.01, 0.99);
    expect(leaving.isConnected, 'a leaving tick is still there, fading').to.equal(true);
    expect(x(leaving)).to.be.lessThan(before(day('2024-03-01')) + 0.5);

    await after(400);
    expect(leaving.isConnected, 'the leaving tick is gone once the move ends').to.equal(false);
    const atOnce = freshGroup();
    drawAxis(atOnce, spec(before, [day('2024-03-01'), day('2024-03-15'), day('2024-03-31')]), 0);
    drawAxis(atOnce, spec(zoomed, [day('2024-03-10'), day('2024-03-15'), day('2024-03-24')]), 0);
    expect(group.node()!.outerHTML, 'the move ends as a draw at once').to.equal(atOnce.node()!.outerHTML);
  });

  it('drawn again at once as it is, writes nothing', () => {
    const scale = scaleLinear().domain([0, 10]).range([200, 0]);
    const group = freshGroup();
    const spec: AxisSpec<number> = { orient: 'left', scale, values: [0, 5, 10], format: label, tickSizeInner: 6, tickSizeOuter: 6, tickPadding: 3 };
    drawAxis(group, spec, 0);
    const observer = new MutationObserver(() => {});
    observer.observe(group.node()!, { subtree: true, attributes: true, childList: true, characterData: true });
    drawAxis(group, { ...spec, scale: scale.copy() }, 0);
    const records = observer.takeRecords();
    observer.disconnect();
    expect(records.map((r) => `${(r.target as Element).localName ?? r.target.nodeName} ${r.attributeName ?? r.type}`)).to.deep.equal([]);
  });
});
