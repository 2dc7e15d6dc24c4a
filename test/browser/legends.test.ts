/**
 * Every chart with coded marks carries its key: for each code it draws (an outlined dot for a count that is a
 * minimum, a dashed range where sources differ, a bar for an event that lasted), a key in the SVG (so embeds and
 * prints have it) and the same meaning in the chart's text for screen readers. The distance map's key is its own.
 */
import { expect } from 'chai';
import { setDefaultRows } from '../../src/charts/shared/chart-element.ts';
import { casualtiesDataset } from '../../src/charts/casualties/schema.ts';
import { defineCasualties } from '../../src/charts/casualties/casualties.ts';
import { eventsDataset } from '../../src/charts/timeline/schema.ts';
import { defineTimeline } from '../../src/charts/timeline/timeline.ts';
import { cleanup, drawn, mount, storyRows } from './helpers.ts';
import { TIMELINE_STATES } from '../fixtures/timeline-states.ts';

/** A code, the marks that draw it, and the words its key must say (in the SVG and to screen readers). */
interface Code {
  readonly name: string;
  readonly marks: string;
  readonly key: string;
  readonly words: RegExp;
}

const CODES: Record<'casualties' | 'timeline', readonly Code[]> = {
  casualties: [
    { name: 'an outlined dot: a count that is a minimum', marks: 'circle.unit-more, circle.point.lower-bound', key: 'text.key-open', words: /minimum/ },
    { name: 'a dashed range: sources differ', marks: 'rect.range', key: 'text.key-range', words: /sources differ/i },
  ],
  timeline: [
    { name: 'a bar: how long an event lasted', marks: 'g.event[data-shape="bar"] .mark', key: '.key-bar text', words: /how long it lasted/ },
    { name: 'a dot: a date', marks: 'g.event[data-shape="bar"] .mark', key: '.key-point text', words: /a date/ },
  ],
};

const STATES: Record<'casualties' | 'timeline', Record<string, string>[]> = {
  casualties: [{ view: 'preliminary' }, { view: 'toll' }, { view: 'compare' }],
  timeline: Object.values(TIMELINE_STATES),
};

const attributes = (state: Record<string, string>) => Object.entries(state).map(([k, v]) => `${k}="${v}"`).join(' ');

describe('legends', () => {
  before(async () => {
    setDefaultRows('fl-casualties', await storyRows(casualtiesDataset));
    setDefaultRows('fl-timeline', await storyRows(eventsDataset));
    defineCasualties();
    defineTimeline();
  });
  afterEach(() => cleanup());

  for (const chart of ['casualties', 'timeline'] as const) {
    for (const state of STATES[chart]) {
      for (const width of [390, 1024]) {
        it(`fl-${chart} ${attributes(state)} at ${width} px: a key for each code it draws, in the SVG and in its text`, async () => {
          const container = mount(`<fl-${chart} ${attributes(state)}></fl-${chart}>`, width);
          const element = container.firstElementChild as HTMLElement;
          await drawn(element);
          const root = element.shadowRoot!;
          const svg = root.querySelector('svg')!;
          const svgBox = svg.getBoundingClientRect();
          const spoken = root.querySelector('[part="legend"]')?.textContent ?? '';
          let coded = 0;
          for (const code of CODES[chart]) {
            if (svg.querySelectorAll(code.marks).length === 0) continue;
            coded++;
            const key = svg.querySelector<SVGGraphicsElement>(code.key);
            expect(key, `the SVG has no key for ${code.name}`).to.not.equal(null);
            expect(key!.textContent, `the key for ${code.name}`).to.match(code.words);
            const box = key!.getBoundingClientRect();
            expect(box.width, `the key for ${code.name} is drawn`).to.be.greaterThan(0);
            expect(box.left >= svgBox.left - 1 && box.right <= svgBox.right + 1 && box.top >= svgBox.top - 1 && box.bottom <= svgBox.bottom + 1, `the key for ${code.name} is inside the chart`).to.equal(true);
            expect(spoken, `screen readers hear what ${code.name} means`).to.match(code.words);
          }
          // A state that draws nothing coded says nothing about a key.
          if (coded === 0 && chart === 'timeline') expect(svg.querySelectorAll('.legend .key').length).to.equal(0);
        });
      }
    }
  }

  it('the story\'s coded views draw codes at all (so the checks above are not empty)', async () => {
    const drawnCodes: string[] = [];
    for (const chart of ['casualties', 'timeline'] as const) {
      for (const state of STATES[chart]) {
        const container = mount(`<fl-${chart} ${attributes(state)}></fl-${chart}>`, 1024);
        const element = container.firstElementChild as HTMLElement;
        await drawn(element);
        for (const code of CODES[chart]) if (element.shadowRoot!.querySelector('svg')!.querySelectorAll(code.marks).length) drawnCodes.push(code.name);
        cleanup();
      }
    }
    for (const code of [...CODES.casualties, ...CODES.timeline]) expect(drawnCodes, code.name).to.include(code.name);
  });
});
