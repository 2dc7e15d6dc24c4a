/**
 * A chart drawn again in the state it shows writes nothing: a browser restyles and lays out every mark written,
 * even with the value it had (src/charts/shared/write.ts), and on a phone that turned a step's redraw into a long
 * task. Each chart, at each state the story gives it, at a phone's and a desktop's width.
 */
import { expect } from 'chai';
import { CHARTS, type ChartEntry } from '../../src/charts/registry.ts';
import { resolveState } from '../../src/charts/shared/schema.ts';
import { estimateTextWidth } from '../../src/charts/shared/text-width.ts';
import type { StoryStep } from '../../src/types/story.ts';
import { openStory } from './story-page.ts';
import { cleanup, mount, storyRows } from './helpers.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** What changed in `svg` while `draw` ran: each mutation as "element attribute" or "element children/text". */
async function writesDuring(svg: SVGSVGElement, draw: () => void): Promise<string[]> {
  const observer = new MutationObserver(() => {});
  observer.observe(svg, { subtree: true, attributes: true, childList: true, characterData: true });
  draw();
  const records = observer.takeRecords();
  observer.disconnect();
  return records.map((record) => {
    const target = record.target instanceof Element ? record.target : record.target.parentElement;
    const name = `${target?.localName}.${target?.getAttribute('class') ?? ''}`;
    return record.type === 'attributes' ? `${name} ${record.attributeName}` : `${name} ${record.type}`;
  });
}

describe('a chart drawn again in the state it shows', () => {
  let steps: readonly StoryStep[] = [];
  before(async () => {
    const page = await openStory();
    steps = page.story.steps;
    page.close();
  });
  afterEach(cleanup);

  for (const chart of CHARTS as readonly ChartEntry[]) {
    it(`${chart.name}: writes no attribute, style or text at any of its story states`, async () => {
      const [{ data, state: schema }, drawing, topology] = await Promise.all([
        chart.schemas(),
        chart.drawing(),
        fetch('/assets/geo/region.topo.json').then((response) => response.json()),
      ]);
      const rows = await storyRows(data);
      const states = steps.filter((step) => step.chart === chart.name).map((step) => resolveState(schema, step.state));
      expect(states.length, `story steps with ${chart.name}`).to.be.greaterThan(1);
      for (const width of [390, 1000]) {
        const size = { width, height: Math.round(width * 0.7) };
        const container = mount('', width);
        const svg = document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
        container.append(svg);
        for (const [i, state] of states.entries()) {
          const draw = () => drawing.draw(svg, rows, state, size, { id: 'redraw', topology, textWidth: estimateTextWidth });
          // From the previous state, as a reader arrives: the first draw changes marks, the second must not.
          const first = await writesDuring(svg, draw);
          if (i === 0) expect(first.length, 'the first draw of an empty svg').to.be.greaterThan(0);
          const again = await writesDuring(svg, draw);
          expect(again, `${JSON.stringify(state)} at ${width} px, drawn again`).to.deep.equal([]);
        }
      }
    });
  }
});
