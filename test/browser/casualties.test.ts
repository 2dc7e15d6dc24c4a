import { expect } from 'chai';
import { setDefaultRows } from '../../src/charts/shared/chart-element.ts';
import { casualtiesDataset, type CasualtyRow, type CasualtyView } from '../../src/charts/casualties/schema.ts';
import { FlCasualties, defineCasualties } from '../../src/charts/casualties/casualties.ts';
import { describeCasualties as describeView } from '../../src/charts/casualties/text.ts';
import { layout } from '../../src/charts/casualties/layout.ts';
import { captureWarnings, cleanup, drawn, frames, mount, openTable, settled, storyRows, stubReducedMotion, until } from './helpers.ts';

let rows: CasualtyRow[] = [];

async function chart(attributes: string, width = 640): Promise<FlCasualties> {
  const container = mount(`<fl-casualties ${attributes}></fl-casualties>`, width);
  const element = container.querySelector('fl-casualties') as FlCasualties;
  await drawn(element);
  return element;
}

const root = (element: Element) => element.shadowRoot!;
/** Marks on screen: those fading out after a state change are on their way out, and not counted. */
const marks = (element: Element, selector: string) =>
  [...root(element).querySelectorAll<SVGGraphicsElement>(selector)].filter((node) => !node.closest('.exiting'));
const textOf = (element: Element, selector: string) => marks(element, selector).map((node) => node.textContent ?? '');
const description = (element: Element) => root(element).querySelector('.description')!.textContent!.trim();
const status = (element: Element) => root(element).querySelector('[role="status"]')!.textContent!.trim();
const message = (element: Element) => root(element).querySelector('.message');

/** Sets the view as a story step does, and waits until the chart has drawn it. */
async function show(element: FlCasualties, view: string): Promise<void> {
  element.setAttribute('view', view);
  await until(() => element.getAttribute('data-drawn') === JSON.stringify({ view }), `view ${view} to draw`);
  await frames(2);
}

/** A text's box: its rendered width and 1.2 em around the middle of its line (browsers disagree on line boxes). */
function inkBox(text: SVGGraphicsElement): DOMRect {
  const box = text.getBoundingClientRect();
  const em = parseFloat(getComputedStyle(text).fontSize);
  const middle = (box.top + box.bottom) / 2;
  return new DOMRect(box.left, middle - 0.6 * em, box.width, 1.2 * em);
}

const boxText = (box: DOMRect) => `[${[box.left, box.top, box.right, box.bottom].map((n) => n.toFixed(1)).join(', ')}]`;

function overlap(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
}


describe('<fl-casualties>', () => {
  before(async () => {
    rows = await storyRows(casualtiesDataset);
    setDefaultRows('fl-casualties', rows);
    defineCasualties();
  });

  afterEach(() => cleanup());

  describe('view="preliminary"', () => {
    it('draws one dot per person of the first report, open-ended where the figure is a floor', async () => {
      const element = await chart('view="preliminary"');
      expect(marks(element, 'circle.unit.killed')).to.have.length(40);
      expect(marks(element, 'circle.unit.injured')).to.have.length(100);
      expect(marks(element, 'circle.unit-more.killed').length).to.be.greaterThan(0);
      expect(marks(element, 'circle.unit-more.injured').length).to.be.greaterThan(0);
      expect(textOf(element, 'text')).to.include.members(['At least 40 killed', 'More than 100 injured']);
    });

    it('paints deaths and injuries in different theme colours, which a page can override', async () => {
      const element = await chart('view="preliminary"');
      const fill = (selector: string) => getComputedStyle(marks(element, selector)[0]!).fill;
      expect(fill('circle.unit.killed')).to.not.equal(fill('circle.unit.injured'));
      element.style.setProperty('--fl-accent', 'rgb(1, 2, 3)');
      expect(fill('circle.unit.killed')).to.equal('rgb(1, 2, 3)');
    });

    it('says what it shows, with the sources of the figure and a table of it', async () => {
      const element = await chart('view="preliminary"');
      expect(description(element)).to.equal('On the evening of 22 March 2024 the FSB reported at least 40 killed and more than 100 injured.');
      expect(root(element).querySelector('.source')!.textContent).to.equal('Source: FSB preliminary information, via TASS (22 Mar 2024).');
      await openTable(element);
      const cells = [...root(element).querySelectorAll('table tbody tr')].map((tr) => tr.textContent!.replace(/\s+/g, ' ').trim());
      expect(cells).to.have.length(1);
      expect(cells[0]).to.contain('at least 40').and.contain('more than 100');
    });
  });

  describe('view="toll"', () => {
    it('draws step lines through every report, on a time axis cut between March 2024 and June 2025', async () => {
      const element = await chart('view="toll"');
      expect(marks(element, 'path.step-line.killed').length).to.be.greaterThan(0);
      expect(marks(element, 'path.step-line.injured').length).to.be.greaterThan(0);
      const reports = rows.filter((r) => r.attack === 'crocus-attack');
      expect(marks(element, 'circle.point.killed')).to.have.length(reports.length);
      expect(marks(element, 'circle.point.injured')).to.have.length(reports.filter((r) => r.injured !== null).length);
      expect(marks(element, 'g.axis-x')).to.have.length(2);
      expect(marks(element, 'line.break')).to.have.length(2);
      expect(marks(element, 'path.gap-line')).to.have.length(2);
      const labels = textOf(element, '.layer-texts text').join(' | ');
      expect(labels).to.contain('149 killed').and.contain('609 injured').and.match(/15 months/);
      const ticks = textOf(element, 'g.axis-x .tick text');
      expect(ticks).to.include.members(['22', '30', '23 Jun']);
    });

    it('draws the lines rising: each later report higher on the page', async () => {
      const element = await chart('view="toll"');
      const points = marks(element, 'circle.point.killed').map((c) => ({ x: +c.getAttribute('cx')!, y: +c.getAttribute('cy')! }));
      points.sort((a, b) => a.x - b.x);
      for (let i = 1; i < points.length; i++) expect(points[i]!.y, `point ${i}`).to.be.below(points[i - 1]!.y);
    });

    it('lists every report in its table and names every source', async () => {
      const element = await chart('view="toll"');
      await openTable(element);
      expect(root(element).querySelectorAll('table tbody tr')).to.have.length(rows.filter((r) => r.attack === 'crocus-attack').length);
      const source = root(element).querySelector('.source')!.textContent!;
      for (const row of rows.filter((r) => r.attack === 'crocus-attack')) expect(source).to.contain(row.source);
    });
  });

  describe('view="compare"', () => {
    it('draws a bar per attack, deadliest first, with a range and a visible note where sources differ', async () => {
      const element = await chart('view="compare"');
      const bars = marks(element, 'rect.bar').sort((a, b) => +a.getAttribute('y')! - +b.getAttribute('y')!);
      expect(bars).to.have.length(7);
      const widths = bars.map((b) => +b.getAttribute('width')!);
      expect(widths).to.deep.equal([...widths].sort((a, b) => b - a));
      expect(marks(element, 'rect.bar.subject')).to.have.length(1);
      expect(marks(element, 'rect.range')).to.have.length(rows.filter((r) => r.killed_high !== null).length);
      const note = marks(element, 'text.note')[0]!;
      expect(note.textContent).to.match(/sources differ/i);
      expect(note.getBoundingClientRect().width).to.be.greaterThan(20);
      expect(textOf(element, 'text.value')).to.include.members(['about 130', '293\u2013311', '149']);
    });

    it('computes and says which earlier attack was deadlier', async () => {
      const element = await chart('view="compare"');
      expect(description(element)).to.equal(
        'Of the 7 terror attacks on Russian soil shown, with 149 killed, the Crocus City Hall attack is the deadliest since the Beslan school siege in 2004 (334 killed).',
      );
    });
  });

  describe('changing state', () => {
    it('changes the marks, the description and the polite announcement when the view changes', async () => {
      const element = await chart('view="preliminary"');
      const live = root(element).querySelector('[role="status"]')!;
      expect(live.getAttribute('aria-live') ?? 'polite').to.equal('polite');
      await show(element, 'toll');
      expect(marks(element, 'circle.unit')).to.have.length(0);
      const reports = rows.filter((r) => r.attack === 'crocus-attack');
      expect(marks(element, 'circle.point')).to.have.length(reports.length + reports.filter((r) => r.injured !== null).length);
      expect(description(element)).to.equal(describeView(rows, 'toll'));
      expect(status(element)).to.equal(describeView(rows, 'toll'));
      await show(element, 'compare');
      expect(marks(element, 'circle.point')).to.have.length(0);
      expect(marks(element, 'rect.bar')).to.have.length(7);
      expect(status(element)).to.equal(describeView(rows, 'compare'));
      await settled(element);
      expect(root(element).querySelectorAll('circle'), 'the old marks are gone once faded').to.have.length(0);
    });

    it('ends in the same picture whatever the path: toll via compare equals toll drawn directly', async () => {
      const direct = await chart('view="toll"', 500);
      const travelled = await chart('view="preliminary"', 500);
      // Each change lands in the middle of the previous one's transition.
      await show(travelled, 'compare');
      await show(travelled, 'preliminary');
      await show(travelled, 'toll');
      await settled(travelled);
      const picture = (element: Element) =>
        // A label is placed, and faded, by the group around it.
        marks(element, 'circle, rect, text, path, line, g.text-at')
          .map((n) => [n.getAttribute('class'), n.getAttribute('cx') ?? n.getAttribute('x') ?? n.getAttribute('x1'), n.getAttribute('cy') ?? n.getAttribute('y') ?? n.getAttribute('y1'), n.getAttribute('width') ?? n.getAttribute('r'), n.getAttribute('d'), n.getAttribute('transform'), n.getAttribute('opacity'), n.textContent].join('@'))
          .sort();
      expect(picture(travelled)).to.deep.equal(picture(direct));
    });

    it('animates a change of view: bars grow into place', async () => {
      const restore = stubReducedMotion(false);
      try {
        const element = await chart('view="toll"');
        element.setAttribute('view', 'compare');
        await element.updateComplete;
        const beslan = () => +marks(element, 'rect.bar')[0]!.getAttribute('width')!;
        expect(beslan(), 'the bar starts short').to.be.below(1);
        await settled(element);
        expect(beslan(), 'and grows').to.be.greaterThan(100);
      } finally {
        restore();
      }
    });

    it('says when its picture is final: a new settled promise per state, resolved and announced once its transitions end', async () => {
      const restore = stubReducedMotion(false);
      try {
        const element = await chart('view="toll"');
        await settled(element);
        const events: Event[] = [];
        element.parentElement!.addEventListener('fl-chart-settled', (event) => events.push(event));
        const before = element.settled;
        element.setAttribute('view', 'compare');
        await element.updateComplete;
        expect(element.settled, 'a new promise for the new state').to.not.equal(before);
        let done = false;
        void element.settled.then(() => (done = true));
        await Promise.resolve();
        const moving = [...root(element).querySelectorAll('svg *')].filter((node) => '__transition' in node);
        expect(moving.length, 'marks with a transition scheduled').to.be.greaterThan(0);
        expect(done, 'not settled while the bars grow').to.equal(false);
        expect(events).to.have.length(0);
        await settled(element);
        expect(moving.filter((node) => node.isConnected && '__transition' in node), 'transitions still running').to.have.length(0);
        expect(events).to.have.length(1);
        expect(events[0]!.bubbles && events[0]!.composed, 'bubbles out of the shadow root').to.equal(true);
        expect(events[0]!.target).to.equal(element);
      } finally {
        restore();
      }
    });

    it('settles at once under reduced motion', async () => {
      const restore = stubReducedMotion(true);
      try {
        const element = await chart('view="toll"');
        const events: Event[] = [];
        element.addEventListener('fl-chart-settled', (event) => events.push(event));
        element.setAttribute('view', 'compare');
        await element.updateComplete;
        let done = false;
        void element.settled.then(() => (done = true));
        await Promise.resolve();
        expect(done, 'settled as soon as drawn').to.equal(true);
        expect(events).to.have.length(1);
      } finally {
        restore();
      }
    });

    it('jumps straight to the final picture under reduced motion', async () => {
      const restore = stubReducedMotion(true);
      try {
        const element = await chart('view="toll"', 390);
        element.setAttribute('view', 'compare');
        await element.updateComplete;
        const frame = root(element).querySelector<HTMLElement>('.frame')!;
        // Laid out as the element does: labels measured in the font it draws them in.
        const context = document.createElement('canvas').getContext('2d')!;
        const family = getComputedStyle(element).fontFamily;
        const measure = (text: string, size: number, style: { weight?: number } = {}) => {
          context.font = `${style.weight ?? 400} ${size}px ${family}`;
          return context.measureText(text).width;
        };
        const expected = layout({ rows, state: { view: 'compare' }, size: { width: frame.clientWidth, height: frame.clientHeight }, textWidth: measure });
        const bars = expected.rects.filter((r) => r.cls.startsWith('bar'));
        // d3 keeps each mark's datum on its node: match drawn bars to laid-out ones by key.
        const drawnBars = new Map(marks(element, 'rect.bar').map((node) => [(node as unknown as { __data__: { key: string } }).__data__.key, node]));
        expect(drawnBars.size).to.equal(bars.length);
        for (const bar of bars) {
          const node = drawnBars.get(bar.key);
          expect(node, bar.key).to.exist;
          expect(+node!.getAttribute('width')!, `${bar.key} width`).to.be.closeTo(bar.width, 0.01);
          expect(+node!.getAttribute('y')!, `${bar.key} y`).to.be.closeTo(bar.y, 0.01);
        }
        expect(root(element).querySelectorAll('.exiting'), 'nothing left fading out').to.have.length(0);
        expect(root(element).querySelectorAll('circle'), 'the old marks are gone at once').to.have.length(0);
      } finally {
        restore();
      }
    });

    it('keeps its height: before and after the first draw, and across views', async () => {
      const container = mount('<fl-casualties view="preliminary"></fl-casualties>', 390);
      const element = container.querySelector('fl-casualties') as FlCasualties;
      await element.updateComplete;
      const frame = root(element).querySelector<HTMLElement>('.frame')!;
      const before = frame.getBoundingClientRect().height;
      expect(before).to.be.greaterThan(100);
      await drawn(element);
      expect(frame.getBoundingClientRect().height).to.equal(before);
      await show(element, 'compare');
      expect(frame.getBoundingClientRect().height).to.equal(before);
      expect(root(element).querySelector('svg')!.getBoundingClientRect().height).to.equal(before);
    });
  });

  describe('size', () => {
    it('fills its plot again after the plot is resized, drawn anew for the new size', async () => {
      const container = mount('<fl-casualties view="toll"></fl-casualties>', 390);
      const element = container.querySelector('fl-casualties') as FlCasualties;
      await drawn(element);
      const frame = root(element).querySelector<HTMLElement>('.frame')!;
      const svg = root(element).querySelector('svg')!;
      const fills = () => {
        const plot = frame.getBoundingClientRect();
        const drawing = svg.getBoundingClientRect();
        return Math.abs(plot.width - drawing.width) < 0.01 && Math.abs(plot.height - drawing.height) < 0.01;
      };
      expect(fills(), 'before').to.equal(true);
      container.style.width = '611px';
      await until(() => svg.getAttribute('viewBox')?.split(' ')[2] === String(frame.clientWidth), 'a draw at the new width');
      await frames(2);
      expect(frame.getBoundingClientRect().width).to.be.greaterThan(600);
      expect(fills(), 'after').to.equal(true);
    });
  });

  describe('caption', () => {
    it("shows a state's caption with the first picture, not while its room is measured (nothing on the page moves)", async () => {
      // As in a story's section before its step is reached: on the page, behind the section's active chart (which
      // only its opacity and aria-hidden hide), so its first draw and the measuring before it run in background
      // tasks, a slice at a time, with frames painted in between. Many captions to measure, as a long story gives:
      // enough that measuring them spans frames on a fast machine too (150, with the table no longer rendered
      // for each, were once all measured before the first frame in Firefox).
      const container = mount('<div aria-hidden="true"><fl-casualties view="preliminary"></fl-casualties></div>');
      const element = container.querySelector('fl-casualties') as FlCasualties;
      element.captionStates = Array.from({ length: 600 }, (_, i) => ({ view: ['preliminary', 'compare', 'toll'][i % 3]! }));
      let framesWithCaption = 0;
      let shownEarly = 0;
      const start = performance.now();
      while (!element.hasAttribute('data-drawn') && performance.now() - start < 5000) {
        await frames(1);
        if (element.hasAttribute('data-drawn')) break;
        const source = root(element).querySelector('figcaption .source');
        if (!source) continue;
        framesWithCaption++;
        if (getComputedStyle(source).visibility === 'visible') shownEarly++;
      }
      expect(element.hasAttribute('data-drawn'), 'the chart drew').to.equal(true);
      expect(framesWithCaption, 'frames painted while the room was measured').to.be.greaterThan(0);
      expect(shownEarly, 'frames that showed the caption before the picture').to.equal(0);
      await frames(1);
      const caption = root(element).querySelector<HTMLElement>('figcaption')!;
      expect(getComputedStyle(root(element).querySelector('figcaption .source')!).visibility).to.equal('visible');
      expect(caption.offsetHeight, 'the caption has the room it was given').to.be.at.least(Number.parseFloat(caption.style.minHeight) - 1);
    });
  });

  describe('bad input', () => {
    it('shows a readable message for an unknown view, warns once, throws nothing, and recovers', async () => {
      const errors: unknown[] = [];
      const onError = (event: ErrorEvent) => errors.push(event.error);
      window.addEventListener('error', onError);
      try {
        const element = await chart('view="preliminary"');
        const warnings = await captureWarnings(async () => {
          element.setAttribute('view', 'casualties');
          await element.updateComplete;
          await frames(3);
          element.requestUpdate();
          await element.updateComplete;
        });
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.contain('view "casualties" is not allowed');
        const box = message(element)!;
        expect(box.textContent).to.contain('view "casualties" is not allowed (allowed: preliminary, toll, compare)');
        expect(box.getBoundingClientRect().height).to.be.greaterThan(50);
        expect(root(element).querySelector('svg')).to.equal(null);
        await show(element, 'compare');
        expect(message(element)).to.equal(null);
        expect(marks(element, 'rect.bar')).to.have.length(7);
        expect(errors).to.deep.equal([]);
      } finally {
        window.removeEventListener('error', onError);
      }
    });
  });

  describe('data', () => {
    const test = (over: Partial<Record<keyof CasualtyRow, string | number | null>>) => ({
      id: 'first', attack: 'test-attack', attack_name: 'Test attack', attack_date: '2020-05-01', reported: '2020-05-01',
      killed: 3, killed_qualifier: 'at-least', injured: 5, injured_qualifier: 'exact', source: 'Test desk', confidence: 'C1', ...over,
    });

    it('draws rows given as the data property', async () => {
      const element = await chart('view="preliminary"');
      element.data = [test({}), test({ id: 'second', reported: '2020-05-03', killed: 7, killed_qualifier: 'exact', injured: 9, source: 'Second desk' })];
      await until(() => marks(element, 'circle.unit.killed').length === 3, 'the given rows to draw');
      expect(marks(element, 'circle.unit.injured')).to.have.length(5);
      expect(marks(element, 'circle.unit-more.killed').length, '"at least" is open-ended').to.be.greaterThan(0);
      expect(marks(element, 'circle.unit-more.injured'), 'an exact figure is not').to.have.length(0);
      expect(description(element)).to.contain('at least 3 killed and 5 injured');
      expect(root(element).querySelector('.source')!.textContent).to.equal('Source: Test desk.');
      await show(element, 'toll');
      expect(marks(element, 'circle.point.killed')).to.have.length(2);
      expect(description(element)).to.equal('The official count stood at 7 killed and 9 injured on 3 May 2020.');
    });

    it('shows a message naming the row when a data row is malformed', async () => {
      const element = await chart('view="preliminary"');
      const warnings = await captureWarnings(async () => {
        element.data = [test({}), test({ id: 'second', killed: 'many' })];
        await element.updateComplete;
        await frames(2);
      });
      expect(message(element)!.textContent).to.contain('row 2').and.contain('killed "many" is not a number');
      expect(warnings).to.have.length(1);
      expect(root(element).querySelector('svg')).to.equal(null);
    });
  });

  describe('layout in the browser', () => {
    for (const width of [280, 390, 900]) {
      for (const view of ['preliminary', 'toll', 'compare'] as CasualtyView[]) {
        it(`${view} at ${width}px: no text overlaps another or leaves the plot, none under 12px`, async () => {
          const element = await chart(`view="${view}"`, width);
          const svg = root(element).querySelector('svg')!.getBoundingClientRect();
          const texts = marks(element, 'text').filter((t) => (t.textContent ?? '').trim() !== '');
          expect(texts.length).to.be.greaterThan(1);
          const boxes = texts.map(inkBox);
          texts.forEach((text, i) => {
            expect(parseFloat(getComputedStyle(text).fontSize), text.textContent!).to.be.at.least(12);
            expect(getComputedStyle(text).opacity, `"${text.textContent}" visible`).to.equal('1');
            const box = boxes[i]!;
            expect(box.left >= svg.left - 0.5 && box.right <= svg.right + 0.5 && box.top >= svg.top - 0.5 && box.bottom <= svg.bottom + 0.5, `"${text.textContent}" inside`).to.equal(true);
            for (let j = i + 1; j < texts.length; j++) {
              expect(overlap(box, boxes[j]!), `"${text.textContent}" ${boxText(box)} overlaps "${texts[j]!.textContent}" ${boxText(boxes[j]!)}`).to.equal(false);
            }
          });
        });
      }
    }
  });
});
