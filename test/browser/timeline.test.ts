import { expect } from 'chai';
import { TRANSITION_MS, setDefaultRows } from '../../src/charts/shared/chart-element.ts';
import { resolveState } from '../../src/charts/shared/schema.ts';
import { eventsDataset, timelineSchema, type EventRow } from '../../src/charts/timeline/schema.ts';
import { FlTimeline, defineTimeline } from '../../src/charts/timeline/timeline.ts';
import { describeTimeline } from '../../src/charts/timeline/text.ts';
import { visibleRows } from '../../src/charts/timeline/layout.ts';
import { captureWarnings, cleanup, drawn, frames, mount, openTable, settled, storyRows, textPlace, until } from './helpers.ts';
import { TIMELINE_STATES } from '../fixtures/timeline-states.ts';
import { outOfDateOrder, stackDepth, type PlacedLabel } from '../fixtures/label-stacks.ts';

const STEPS = TIMELINE_STATES;

let rows: EventRow[] = [];

const attributes = (state: Record<string, string>) =>
  Object.entries(state)
    .map(([name, value]) => `${name}="${value}"`)
    .join(' ');

async function chart(state: Record<string, string>, width = 768): Promise<FlTimeline> {
  const container = mount(`<fl-timeline ${attributes(state)}></fl-timeline>`, width);
  const element = container.querySelector('fl-timeline') as FlTimeline;
  await drawn(element);
  return element;
}

const root = (element: Element) => element.shadowRoot!;
const all = (element: Element, selector: string) => [...root(element).querySelectorAll<SVGGraphicsElement>(selector)];

/**
 * A text's box: its rendered width, and 1.2 em of height around the middle of its line. Browsers disagree on a
 * text's height (Firefox reports the font's whole line box, 1.7 em in some fonts); the ink stays within 1.2 em.
 */
function inkBox(text: SVGGraphicsElement): DOMRect {
  const box = text.getBoundingClientRect();
  const em = parseFloat(getComputedStyle(text).fontSize);
  const middle = (box.top + box.bottom) / 2;
  return new DOMRect(box.left, middle - 0.6 * em, box.width, 1.2 * em);
}

function rectsOverlap(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
}

/** Sets attributes the way a story step does, and waits for the chart to draw them. */
async function step(element: FlTimeline, state: Record<string, string>): Promise<void> {
  for (const name of ['from', 'to', 'highlight', 'interval']) {
    if (state[name] !== undefined) element.setAttribute(name, state[name]!);
    else element.removeAttribute(name);
  }
  const key = JSON.stringify(resolveState(timelineSchema, state));
  await until(() => element.getAttribute('data-drawn') === key, 'the new state to draw');
  await frames(2);
}

/** The transitions D3 has scheduled on a node (it keeps them on the node, by id, until they end). */
function scheduledTransitions(node: Element): { duration: number; tween: { name: string }[] }[] {
  return Object.values((node as Element & { __transition?: Record<string, { duration: number; tween: { name: string }[] }> }).__transition ?? {});
}

/** How far along a horizontal axis an event's group is shifted from its place (its transform's x; 0 with none). */
function slideX(event: Element): number {
  const slide = /translate\(([^,]+),/.exec(event.getAttribute('transform') ?? '');
  return slide ? Number(slide[1]) : 0;
}

describe('<fl-timeline>', () => {
  before(async () => {
    rows = await storyRows(eventsDataset);
    setDefaultRows('fl-timeline', rows);
    defineTimeline();
  });

  afterEach(() => cleanup());

  it('is defined once, however often defineTimeline() runs', () => {
    defineTimeline();
    expect(customElements.get('fl-timeline')).to.equal(FlTimeline);
  });

  for (const [name, state] of Object.entries(STEPS)) {
    for (const width of [320, 768, 1440]) {
      it(`draws ${name} at ${width} px: one group per event in the window, no rendered text overlapping`, async () => {
        const element = await chart(state, width);
        const visible = visibleRows(rows, resolveState(timelineSchema, state));
        const groups = all(element, 'g.event');
        expect(groups.map((g) => g.dataset.id)).to.have.members(visible.map((r) => r.id));
        // Real glyphs in the real font: event labels, their date lines, the interval label and tick labels.
        const texts = [...all(element, 'g.event text'), ...all(element, 'g.cluster text'), ...all(element, '.interval text'), ...all(element, '.axis text'), ...all(element, '.axis-note')]
          .filter((t) => (t.textContent ?? '').trim() !== '')
          .map((t) => ({ t, box: inkBox(t) }));
        for (let i = 0; i < texts.length; i++) {
          for (let j = i + 1; j < texts.length; j++) {
            const a = texts[i]!;
            const b = texts[j]!;
            expect(rectsOverlap(a.box, b.box), `"${a.t.textContent}" overlaps "${b.t.textContent}"`).to.equal(false);
          }
        }
        const svgBox = root(element).querySelector('svg')!.getBoundingClientRect();
        for (const { t, box } of texts) {
          expect(box.left >= svgBox.left - 1 && box.right <= svgBox.right + 1, `"${t.textContent}" runs out of the chart`).to.equal(true);
        }
        // Every event is named: by its own label, or (on a long axis, in a dense run) by its cluster's.
        const clustered = new Set(all(element, 'g.cluster').flatMap((g) => g.dataset.ids!.split(' ')));
        for (const group of groups) {
          if (clustered.has(group.dataset.id!)) expect(group.querySelector('.label')!.textContent).to.equal('');
          else expect(group.querySelector('.label')!.textContent!.length, group.dataset.id).to.be.greaterThan(0);
        }
      });
    }
  }

  it('runs the time axis down the page on a phone and across on a desktop', async () => {
    const phone = await chart(STEPS['march 2024']!, 320);
    const frame = root(phone).querySelector('.frame')!.getBoundingClientRect();
    expect(frame.height).to.be.greaterThan(frame.width);
    const marksY = all(phone, 'g.event .mark').map((m) => m.getBoundingClientRect().top);
    expect([...marksY].sort((a, b) => a - b)).to.deep.equal(marksY);
    const desk = await chart(STEPS['march 2024']!, 1000);
    const marksX = all(desk, 'g.event .mark').map((m) => m.getBoundingClientRect().left);
    expect([...marksX].sort((a, b) => a - b)).to.deep.equal(marksX);
  });

  describe('the long view (1999 to 2024), as drawn', () => {
    /** Each drawn label (an event's or a cluster's) with its date line, its side and where its leader starts. */
    const drawnLabels = (element: FlTimeline, horizontal: boolean): PlacedLabel[] =>
      all(element, 'g.event, g.cluster')
        .filter((g) => (g.querySelector('.label')!.textContent ?? '') !== '')
        .map((g) => {
          const boxes = [...g.querySelectorAll<SVGGraphicsElement>('.label, .date')].filter((t) => (t.textContent ?? '') !== '').map(inkBox);
          const foot = (g.querySelector('.leader') as SVGPolylineElement).points[0]!;
          return {
            id: g.dataset.id ?? g.dataset.key ?? '',
            at: horizontal ? foot.x : foot.y,
            anchor: g.querySelector('.label')!.getAttribute('text-anchor') as 'start' | 'end',
            box: {
              x0: Math.min(...boxes.map((b) => b.left)),
              x1: Math.max(...boxes.map((b) => b.right)),
              y0: Math.min(...boxes.map((b) => b.top)),
              y1: Math.max(...boxes.map((b) => b.bottom)),
            },
          };
        });
    const states = { 'long view': STEPS['long view']!, 'the Chechen wars step': { from: '1999-01-01', to: '2024-12-31', highlight: 'second-chechen-war crocus-attack' } };
    // 720 px: the story's chart beside the text in a 1440 px window.
    for (const [width, deepest] of [[320, 3], [390, 3], [720, 5], [1440, 5]] as const) {
      for (const [name, state] of Object.entries(states)) {
        it(`${name} at ${width} px: the dense months one cluster, labels in date order, at most ${deepest} deep`, async () => {
          const element = await chart(state, width);
          const horizontal = width >= 600;
          const cluster = root(element).querySelector('g.cluster .label');
          expect(cluster?.textContent).to.match(/^\d+ events, Sep(tember)? 2023 to Mar(ch)? 2024$/);
          const labels = drawnLabels(element, horizontal);
          expect(labels.length).to.be.greaterThan(8);
          expect(stackDepth(labels, horizontal ? 'horizontal' : 'vertical')).to.be.at.most(deepest);
          expect(outOfDateOrder(labels, horizontal ? 'horizontal' : 'vertical')).to.deep.equal([]);
          // The cluster names its members for a pointer, and every member still has its mark.
          const ids = (root(element).querySelector('g.cluster') as SVGGElement).dataset.ids!.split(' ');
          expect(root(element).querySelector('g.cluster title')!.textContent).to.contain('Riot at Makhachkala airport');
          for (const id of ids) expect(root(element).querySelector(`g.event[data-id="${id}"] .mark`), id).to.not.equal(null);
        });
      }
    }
  });

  it('emphasizes the highlighted events and mutes the others', async () => {
    const element = await chart(STEPS['long view']!);
    const emphasis = Object.fromEntries(all(element, 'g.event').map((g) => [g.dataset.id, g.dataset.emphasis]));
    expect(emphasis['second-chechen-war']).to.equal('emphasis');
    expect(emphasis['caliphate']).to.equal('emphasis');
    expect(emphasis['crocus-attack']).to.equal('muted');
    const bar = root(element).querySelector('g.event[data-id="second-chechen-war"]') as SVGGElement;
    expect(bar.dataset.shape).to.equal('bar');
    const accent = getComputedStyle(root(element).querySelector('g.event.emphasis .mark')!).fill;
    const muted = getComputedStyle(root(element).querySelector('g.event.muted .mark')!).fill;
    expect(accent).to.not.equal(muted);
  });

  it('brackets an interval and labels it with the span from the data', async () => {
    const element = await chart(STEPS['karabakh to dagestan']!);
    const interval = root(element).querySelector('.interval') as SVGGElement;
    expect(interval.dataset.span).to.equal('39 days');
    expect(interval.querySelector('text')!.textContent).to.equal('39 days');
    expect(interval.querySelector('path.bracket')!.getAttribute('d')).to.match(/^M/);
    await step(element, STEPS['after the vote']!);
    await settled(element);
    expect(interval.querySelector('text')!.textContent).to.equal('5 days');
    await step(element, STEPS['the last day']!);
    await settled(element);
    expect(interval.querySelector('text')!.textContent).to.equal('about 15 hours');
    await step(element, STEPS['march 2024']!);
    await settled(element);
    expect(interval.querySelectorAll('text, path').length).to.equal(0);
  });

  it('states passing faster than a transition (a fling) are drawn once, the last, at once; a single change still moves', async () => {
    const element = await chart(STEPS['long view']!, 900);
    await settled(element);
    const drawnKeys: string[] = [];
    const observer = new MutationObserver(() => drawnKeys.push(element.getAttribute('data-drawn') ?? ''));
    observer.observe(element, { attributes: true, attributeFilter: ['data-drawn'] });
    const keyOf = (state: Record<string, string>) => JSON.stringify(resolveState(timelineSchema, state));
    const passing = [STEPS['karabakh to dagestan']!, STEPS['march 2024']!, STEPS['the last day']!];
    const set = (state: Record<string, string>) => {
      for (const name of ['from', 'to', 'highlight', 'interval']) {
        if (state[name] !== undefined) element.setAttribute(name, state[name]!);
        else element.removeAttribute(name);
      }
    };
    // The first change draws (and moves) at once; the next two follow it within a few frames, as in a fling.
    set(passing[0]!);
    await element.updateComplete;
    await frames(3);
    set(passing[1]!);
    await frames(3);
    set(passing[2]!);
    await element.updateComplete;
    observer.disconnect();
    expect(element.getAttribute('data-drawn'), 'the last state drawn').to.equal(keyOf(passing[2]!));
    expect(drawnKeys, 'the middle state, passed, never drawn').to.not.include(keyOf(passing[1]!));
    const moving = [...root(element).querySelectorAll('svg *')].filter((node) => scheduledTransitions(node).some((t) => t.duration > 0));
    expect(moving, 'the last state drawn at once, with no move').to.have.length(0);
    await settled(element);
    // Read at a reading pace (the chart settled), a change moves again.
    set(STEPS['long view']!);
    await element.updateComplete;
    const mark = root(element).querySelector('g.event .mark')!;
    expect([...root(element).querySelectorAll('svg *')].some((node) => scheduledTransitions(node).some((t) => t.duration === TRANSITION_MS)), 'a move scheduled').to.equal(true);
    expect(mark.isConnected).to.equal(true);
  });

  it('zooms with a transition: ticks and marks move between the states', async () => {
    const element = await chart(STEPS['long view']!, 900);
    const war = () => root(element).querySelector('g.event[data-id="second-chechen-war"]');
    expect(war()).to.not.equal(null);
    const before = all(element, '.axis .tick text').map((t) => t.textContent);
    expect(before).to.include('2000');
    const mark = root(element).querySelector('g.event[data-id="karabakh-ceasefire"] .mark') as SVGRectElement;
    const startX = Number(mark.getAttribute('x'));
    for (const [name, value] of Object.entries(STEPS['karabakh to dagestan']!)) element.setAttribute(name, value);
    await element.updateComplete;
    // Drawn, the ceasefire's mark has not moved yet; over the chart's transition it passes through places between
    // where it was and where it ends, and it ends elsewhere.
    expect(Number(mark.getAttribute('x'))).to.equal(startX);
    const leaving = war()!;
    const seen: number[] = [];
    const leavingAt = new Set<number>();
    const until = performance.now() + TRANSITION_MS + 300;
    while (performance.now() < until) {
      seen.push(Number(mark.getAttribute('x')));
      if (leaving.hasAttribute('transform')) leavingAt.add(slideX(leaving));
      await frames(1);
    }
    // The war, leaving the window, slid off to the left (where the new window puts 1999) as it faded.
    expect([...leavingAt].filter((dx) => dx < 0).length, 'frames of the war sliding out').to.be.greaterThan(1);
    await settled(element);
    expect(root(element).querySelector('g.event[data-id="karabakh-ceasefire"] .mark'), 'the same mark').to.equal(mark);
    const endX = Number(mark.getAttribute('x'));
    expect(Math.abs(endX - startX)).to.be.greaterThan(1);
    const between = seen.filter((x) => x !== startX && x !== endX);
    expect(between.length, 'frames of the move between its ends').to.be.greaterThan(0);
    for (const x of between) expect((x - startX) * (endX - x), `${x} between ${startX} and ${endX}`).to.be.greaterThan(0);
    expect(war()).to.equal(null, 'the war ended before the window and is gone');
    const after = all(element, '.axis .tick text').map((t) => t.textContent);
    expect(after).to.include('Oct');
    await step(element, STEPS['march 2024']!);
    await settled(element);
    expect(all(element, '.axis .tick text').map((t) => t.textContent)).to.include('15');
    await step(element, STEPS['the last day']!);
    await settled(element);
    expect(all(element, '.axis .tick text').map((t) => t.textContent)).to.include('12:00');
    expect(root(element).querySelector('.axis-note')!.textContent).to.match(/Moscow time/);
  });

  it('slides an event coming into the window in from where the old window put it, as it fades in', async () => {
    const element = await chart(STEPS['karabakh to dagestan']!, 900);
    expect(root(element).querySelector('g.event[data-id="second-chechen-war"]'), 'outside the first window').to.equal(null);
    for (const [name, value] of Object.entries(STEPS['long view']!)) element.setAttribute(name, value);
    await element.updateComplete;
    const war = root(element).querySelector<SVGGElement>('g.event[data-id="second-chechen-war"]')!;
    const seen: { dx: number; opacity: number }[] = [];
    const until = performance.now() + TRANSITION_MS + 300;
    while (performance.now() < until) {
      seen.push({ dx: slideX(war), opacity: Number(getComputedStyle(war).opacity) });
      await frames(1);
    }
    await settled(element);
    expect(war.hasAttribute('transform'), 'in its place at the end').to.equal(false);
    expect(Number(getComputedStyle(war).opacity)).to.equal(1);
    // In the autumn of 2023's window, 1999 lay far to the left: the war comes in from there, nearer every frame.
    expect(seen[0]!.dx, 'where it starts').to.be.lessThan(-50);
    expect(seen[0]!.opacity, 'faded out as it starts').to.be.lessThan(0.5);
    const sliding = seen.filter((s) => s.dx !== 0).map((s) => s.dx);
    expect(sliding.length, 'frames of the slide').to.be.greaterThan(1);
    for (let i = 1; i < sliding.length; i++) expect(sliding[i]!, `frame ${i}`).to.be.at.least(sliding[i - 1]!);
  });

  it('jumps without animation under reduced motion', async () => {
    const original = window.matchMedia;
    window.matchMedia = ((query: string) => ({ ...original.call(window, query), matches: query.includes('reduce') })) as typeof window.matchMedia;
    try {
      const element = await chart(STEPS['long view']!, 900);
      await step(element, STEPS['march 2024']!);
      // Nothing is scheduled to move, and the chart counts as settled as soon as it has drawn.
      const svgElement = root(element).querySelector('svg')!;
      expect([svgElement, ...svgElement.querySelectorAll('*')].filter((node) => scheduledTransitions(node).length), 'nodes with a transition').to.have.length(0);
      const mark = root(element).querySelector('g.event[data-id="crocus-attack"] .mark') as SVGRectElement;
      const now = mark.getAttribute('x');
      await settled(element, 100);
      expect(mark.getAttribute('x')).to.equal(now);
    } finally {
      window.matchMedia = original;
    }
  });

  it('ends in the same picture whatever the order of the steps', async () => {
    const picture = (element: FlTimeline) =>
      all(element, 'g.event')
        .map((g) => `${g.dataset.id}:${textPlace(g.querySelector('.label')!)}:${g.querySelector('.mark')!.getAttribute('x')}`)
        .sort()
        .join('|');
    const direct = await chart(STEPS['after the vote']!, 768);
    await settled(direct);
    const wandering = await chart(STEPS['the last day']!, 768);
    for (const name of ['long view', 'march 2024', 'karabakh to dagestan', 'after the vote']) await step(wandering, STEPS[name]!);
    await settled(wandering);
    expect(picture(wandering)).to.equal(picture(direct));
  });

  it('says what the state shows, from the data, and announces changes', async () => {
    const element = await chart(STEPS['march 2024']!);
    const description = root(element).querySelector('.description')!.textContent!.trim();
    expect(description).to.equal(describeTimeline(rows, resolveState(timelineSchema, STEPS['march 2024']!)));
    expect(description).to.match(/^March 2024: six events over 15 days/);
    await step(element, STEPS['the last day']!);
    const status = root(element).querySelector('[role="status"]')!;
    await until(() => /about 15 hours/.test(status.textContent ?? ''), 'the announcement');
    expect(root(element).querySelector('.source')!.textContent).to.match(/^Sources: .*Moscow time/);
  });

  it('lists the events in the window in its table, once the reader opens it, and follows the steps while it is open', async () => {
    const element = await chart(STEPS['march 2024']!);
    expect(root(element).querySelector('details')!.open, 'the table starts closed').to.equal(false);
    await openTable(element);
    const ids = [...root(element).querySelectorAll('tbody tr')].map((tr) => (tr as HTMLElement).dataset.id);
    expect(ids).to.deep.equal(['synagogue-plot', 'kstovo-strike', 'election', 'election-result', 'grid-strike', 'crocus-attack']);
    expect(root(element).querySelector('caption')!.textContent).to.match(/March 2024.*Moscow time/);
    expect(root(element).querySelector('tbody tr[data-id="kstovo-strike"] td')!.textContent).to.equal('12 Mar 2024, 05:30');
    await step(element, { from: '2012-01-01', to: '2012-12-31' });
    expect(root(element).querySelector('tbody')!.textContent).to.match(/No events in this window/);
  });

  it('abbreviates a label that does not fit rather than dropping it', async () => {
    const container = mount('<fl-timeline from="2024-03-01" to="2024-03-31"></fl-timeline>', 320);
    const element = container.querySelector('fl-timeline') as FlTimeline;
    element.data = [
      {
        id: 'long-one',
        start: '2024-03-10',
        label: 'A label far too long to fit beside the axis of a phone-sized timeline, whatever happens',
        short: 'Short label',
        kind: 'terror',
        source: 'Test',
        confidence: 'C1',
      },
    ];
    await drawn(element);
    const label = root(element).querySelector('g.event .label')!;
    expect(label.textContent).to.equal('Short label');
    expect(label.getAttribute('data-abbreviated')).to.equal('short');
    expect(root(element).querySelector('g.event > title')!.textContent).to.match(/^A label far too long/);
  });

  describe('bad input', () => {
    const cases: [string, string, RegExp][] = [
      ['an unknown highlight id', 'highlight="crocus-attack nope"', /unknown event "nope" in highlight \(known: second-chechen-war/],
      ['an unknown interval id', 'interval="election nope"', /unknown event "nope" in interval/],
      ['a window that ends before it starts', 'from="2024-03-31" to="2024-03-01"', /from 2024-03-31 is after to 2024-03-01/],
      ['a date that does not exist', 'from="2024-02-30"', /from "2024-02-30" is not a date \(write yyyy-mm-dd/],
      ['an interval with one id', 'interval="election"', /interval takes two event ids, got one/],
      ['an interval naming one event twice', 'interval="election election"', /interval names election twice/],
    ];
    for (const [what, markup, message] of cases) {
      it(`shows a readable message for ${what}, and warns once`, async () => {
        let element!: FlTimeline;
        const warnings = await captureWarnings(async () => {
          const container = mount(`<fl-timeline ${markup}></fl-timeline>`);
          element = container.querySelector('fl-timeline') as FlTimeline;
          await element.updateComplete;
          await frames(3);
          element.requestUpdate();
          await element.updateComplete;
        });
        const shown = root(element).querySelector('.message[role="alert"]');
        expect(shown, 'a message in the chart').to.not.equal(null);
        expect(shown!.textContent).to.match(/^This chart cannot show that: /);
        expect(shown!.textContent).to.match(message);
        expect(root(element).querySelector('svg')).to.equal(null);
        expect(warnings.filter((w) => w.includes('fl-timeline')).length).to.equal(1);
      });
    }

    it('recovers when the attribute is corrected', async () => {
      const container = mount('<fl-timeline highlight="nope"></fl-timeline>');
      const element = container.querySelector('fl-timeline') as FlTimeline;
      await captureWarnings(async () => {
        await element.updateComplete;
        await frames(2);
      });
      expect(root(element).querySelector('.message')).to.not.equal(null);
      element.setAttribute('highlight', 'crocus-attack');
      await drawn(element);
      expect(root(element).querySelector('.message')).to.equal(null);
      expect(all(element, 'g.event.emphasis').map((g) => g.dataset.id)).to.deep.equal(['crocus-attack']);
    });

    it('names the row of a bad date in its data', async () => {
      const container = mount('<fl-timeline></fl-timeline>');
      const element = container.querySelector('fl-timeline') as FlTimeline;
      const warnings = await captureWarnings(async () => {
        element.data = [{ id: 'x', start: '22 March 2024', label: 'X', short: 'X', kind: 'terror', source: 'Test', confidence: 'C1' }];
        await element.updateComplete;
        await frames(2);
      });
      expect(root(element).querySelector('.message')!.textContent).to.match(/row 1.*start "22 March 2024" is not a date/);
      expect(warnings.length).to.equal(1);
    });
  });
});
