import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readCsv } from '../../src/charts/shared/dataset.ts';
import { resolveState, type ChartState } from '../../src/charts/shared/schema.ts';
import { eventsDataset, timelineSchema, type EventRow } from '../../src/charts/timeline/schema.ts';
import { TIMELINE_STATES } from '../fixtures/timeline-states.ts';
import { outOfDateOrder, stackDepth, type PlacedLabel } from '../fixtures/label-stacks.ts';
import {
  DAY,
  HOUR,
  dateLine,
  intervalBetween,
  layout as layoutOf,
  layoutInSteps,
  parseWhen,
  placeInLanes,
  truncate,
  visibleRows,
  clusterWords,
  MAX_LONG_ROWS,
  windowOf,
  wordSpan,
  type Box,
  type TimelineMarks,
} from '../../src/charts/timeline/layout.ts';
import { estimateTextWidth } from '../../src/charts/shared/text-width.ts';
import { dodge, overlaps } from '../../src/charts/shared/labels.ts';

const text = readFileSync(new URL('../../story/data/events.csv', import.meta.url), 'utf8');
const { rows, problems } = readCsv(eventsDataset, text);
assert.deepEqual(problems, []);
const byId = (id: string) => rows.find((row) => row.id === id)!;
const state = (given: Record<string, string>): ChartState => resolveState(timelineSchema, given);
const layout = (data: readonly EventRow[], s: ChartState, size: { width: number; height: number }) => layoutOf({ rows: data, state: s, size });

/** The recommended states, and the default. */
const STEPS: Record<string, Record<string, string>> = { ...TIMELINE_STATES, default: {} };

/** The plot's size at a width, as the element's styles give it (3/4 below 600 px, 2/1, then 5/2 from 1000 px). */
function sizeAt(width: number) {
  if (width < 600) return { width, height: Math.max(360, Math.round((width * 4) / 3)) };
  return { width, height: Math.max(260, Math.round(width >= 1000 ? width / 2.5 : width / 2)) };
}

/** True when the segment from p to q passes through the inside of box b. */
function crosses(p: readonly [number, number], q: readonly [number, number], b: Box): boolean {
  const steps = 64;
  for (let i = 0; i <= steps; i++) {
    const x = p[0] + ((q[0] - p[0]) * i) / steps;
    const y = p[1] + ((q[1] - p[1]) * i) / steps;
    if (x > b.x0 + 0.5 && x < b.x1 - 0.5 && y > b.y0 + 0.5 && y < b.y1 - 0.5) return true;
  }
  return false;
}

function labelBoxes(marks: TimelineMarks): { id: string; box: Box }[] {
  const boxes = marks.events.filter((e) => !e.cluster).map((e) => ({ id: e.id, box: e.label.box }));
  for (const c of marks.clusters) boxes.push({ id: c.key, box: c.label.box });
  if (marks.interval) boxes.push({ id: '#interval', box: marks.interval.label.box });
  return boxes;
}

/** Every check a drawn state must pass: labels apart, clear of the axis, inside the plot, leaders clear. */
function assertClean(marks: TimelineMarks, what: string): void {
  assert.equal(marks.overflow, false, `${what}: overflow`);
  const boxes = labelBoxes(marks);
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    assert.ok(a.box.x0 >= 0 && a.box.x1 <= marks.width, `${what}: ${a.id} label runs out of the plot sideways`);
    assert.ok(a.box.y0 >= 0 && a.box.y1 <= marks.height, `${what}: ${a.id} label runs out of the plot`);
    assert.ok(!overlaps(a.box, marks.axis.box), `${what}: ${a.id} label overlaps the axis`);
    for (let j = i + 1; j < boxes.length; j++) {
      const b = boxes[j]!;
      assert.ok(!overlaps(a.box, b.box), `${what}: labels ${a.id} and ${b.id} overlap`);
    }
  }
  for (const event of marks.events) {
    if (event.cluster) {
      // A clustered event is named by its cluster's label.
      const cluster = marks.clusters.find((c) => c.key === event.cluster);
      assert.ok(cluster?.ids.includes(event.id) && cluster.label.text.length > 0, `${what}: ${event.id} is in no labelled cluster`);
      continue;
    }
    assert.ok(event.label.text.length > 0, `${what}: ${event.id} lost its label`);
  }
  const leaders = [...marks.events.filter((e) => !e.cluster).map((e) => ({ id: e.id, leader: e.leader })), ...marks.clusters.map((c) => ({ id: c.key, leader: c.leader }))];
  for (const { id, leader } of leaders) {
    for (const other of boxes) {
      if (other.id === id) continue;
      for (let k = 1; k < leader.length; k++) {
        assert.ok(!crosses(leader[k - 1]!, leader[k]!, other.box), `${what}: ${id}'s leader runs through ${other.id}'s label`);
      }
    }
  }
}

describe('parseWhen(value) and windowOf(state)', () => {
  it('reads Moscow wall-clock times into UTC timestamps, so ticks fall on Moscow midnights', () => {
    const attack = parseWhen('2024-03-22T19:58');
    assert.equal(attack.ms, Date.UTC(2024, 2, 22, 19, 58));
    assert.equal(attack.timed, true);
    assert.equal(parseWhen('2024-03-07').timed, false);
  });

  it('includes the whole of the `to` day', () => {
    const [w0, w1] = windowOf(state({ from: '2024-03-22', to: '2024-03-22' }));
    assert.equal(w1 - w0, DAY);
  });
});

describe('intervalBetween(a, b)', () => {
  it('counts 39 days from the Karabakh ceasefire to the Dagestan riot', () => {
    const span = intervalBetween(byId('karabakh-ceasefire'), byId('dagestan-riot'));
    assert.equal(span.days, 39);
    assert.equal(span.unit, 'days');
    assert.equal(span.text, '39 days');
  });

  it('counts 5 days from the end of voting to the attack, not from its first day', () => {
    const span = intervalBetween(byId('election'), byId('crocus-attack'));
    assert.equal(span.days, 5);
    assert.equal(span.text, '5 days');
    assert.equal(span.start, parseWhen('2024-03-18').ms, 'the bracket starts where the voting bar ends');
  });

  it('gives the grid strike to the attack in hours, since both times are known', () => {
    const span = intervalBetween(byId('grid-strike'), byId('crocus-attack'));
    assert.equal(span.timed, true);
    assert.equal(span.unit, 'hours');
    assert.ok(Math.abs(span.hours! - (14 + 58 / 60)) < 1e-9);
    assert.equal(span.text, 'about 15 hours');
  });

  it('is the same in either order', () => {
    const a = intervalBetween(byId('dagestan-riot'), byId('karabakh-ceasefire'));
    assert.equal(a.from, 'karabakh-ceasefire');
    assert.equal(a.to, 'dagestan-riot');
    assert.equal(a.text, '39 days');
  });

  it('follows the data: move the riot a week and the span moves with it', () => {
    const moved = { ...byId('dagestan-riot'), start: '2023-11-05' };
    assert.equal(intervalBetween(byId('karabakh-ceasefire'), moved).text, '46 days');
  });

  it('words long spans in months and years', () => {
    assert.equal(intervalBetween(byId('caliphate'), byId('syria-intervention')).text, 'about 15 months');
    assert.equal(intervalBetween(byId('syria-intervention'), byId('crocus-attack')).text, 'about 8\u00bd years');
    assert.equal(wordSpan(parseWhen('2020-01-01'), parseWhen('2022-01-01')).text, '2 years');
    assert.equal(wordSpan(parseWhen('2024-03-22T19:58'), parseWhen('2024-03-22T20:11')).text, '13 minutes');
    assert.equal(wordSpan(parseWhen('2024-03-22T05:00'), parseWhen('2024-03-22T20:00')).text, '15 hours');
    assert.equal(wordSpan(parseWhen('2024-03-22'), parseWhen('2024-03-23')).text, '1 day');
  });
});

describe('dateLine(row, windowMs)', () => {
  it('is as precise as the window', () => {
    assert.equal(dateLine(byId('crocus-attack'), DAY), '19:58\u201320:11');
    assert.equal(dateLine(byId('kstovo-strike'), 31 * DAY), '12 Mar, 05:30');
    assert.equal(dateLine(byId('election'), 31 * DAY), '15\u201317 Mar');
    assert.equal(dateLine(byId('dagestan-riot'), 200 * DAY), '29 Oct');
    assert.equal(dateLine(byId('caliphate'), 9000 * DAY), '29 Jun 2014');
    assert.equal(dateLine(byId('second-chechen-war'), 9000 * DAY), '1999\u20132009');
  });
});

describe('layout(rows, state, size)', () => {
  for (const [name, given] of Object.entries(STEPS)) {
    for (const width of [320, 390, 768, 1200, 1440]) {
      it(`${name} at ${width} px: labels apart, clear of the axis and of each other's leaders`, () => {
        assertClean(layout(rows, state(given), sizeAt(width)), `${name} at ${width}`);
      });
    }
  }

  it('keeps every event in the window, none dropped, each in date order along the axis', () => {
    for (const [name, given] of Object.entries(STEPS)) {
      for (const width of [320, 768, 1440]) {
        const s = state(given);
        const marks = layout(rows, s, sizeAt(width));
        assert.deepEqual(
          marks.events.map((e) => e.id),
          visibleRows(rows, s).map((r) => r.id),
          `${name} at ${width}`,
        );
        const along = marks.events.map((e) => (marks.orientation === 'horizontal' ? e.cx : e.cy));
        for (let i = 1; i < along.length; i++) assert.ok(along[i]! >= along[i - 1]!, `${name} at ${width}: ${marks.events[i]!.id} out of order`);
      }
    }
  });

  it('places positions from the dates: equal days, equal distances', () => {
    const marks = layout(rows, state(STEPS['march 2024']!), { width: 1000, height: 400 });
    const at = (id: string) => marks.events.find((e) => e.id === id)!.cx;
    const perDay = (marks.range[1] - marks.range[0]) / 31;
    assert.ok(Math.abs(at('synagogue-plot') - (marks.range[0] + 6 * perDay)) < 1e-6);
    assert.ok(Math.abs(at('kstovo-strike') - (marks.range[0] + (11 + 5.5 / 24) * perDay)) < 1e-6);
  });

  it('runs the axis down the page below 600 px, across from 600 px', () => {
    assert.equal(layout(rows, state({}), { width: 599, height: 600 }).orientation, 'vertical');
    assert.equal(layout(rows, state({}), { width: 600, height: 300 }).orientation, 'horizontal');
  });

  it('picks ticks that suit the span: years, months, days, hours', () => {
    const unit = (given: Record<string, string>, width: number) => layout(rows, state(given), sizeAt(width)).axis.unit;
    for (const width of [320, 768, 1440]) {
      assert.equal(unit(STEPS['long view']!, width), 'year');
      assert.equal(unit(STEPS['karabakh to dagestan']!, width), 'month');
      assert.equal(unit(STEPS['march 2024']!, width), 'day');
      assert.equal(unit(STEPS['the last day']!, width), 'hour');
    }
  });

  it('starts an hour axis at Moscow midnight and says the times are Moscow time', () => {
    const marks = layout(rows, state(STEPS['the last day']!), sizeAt(768));
    assert.equal(marks.axis.ticks[0]!.t, Date.UTC(2024, 2, 22));
    assert.equal(marks.axis.ticks[0]!.label, '22 Mar');
    assert.match(marks.axis.note!.text, /Moscow time/);
  });

  it('keeps tick labels apart on a horizontal axis', () => {
    for (const [name, given] of Object.entries(STEPS)) {
      for (const width of [600, 768, 1440]) {
        const marks = layout(rows, state(given), sizeAt(width));
        const ticks = marks.axis.ticks;
        for (let i = 1; i < ticks.length; i++) {
          const room = ticks[i]!.pos - ticks[i - 1]!.pos;
          const need = (estimateTextWidth(ticks[i]!.label, 11) + estimateTextWidth(ticks[i - 1]!.label, 11)) / 2;
          assert.ok(room > need, `${name} at ${width}: ticks ${ticks[i - 1]!.label} and ${ticks[i]!.label} touch`);
        }
      }
    }
  });

  it('draws lasting events as bars and the others as marks; clips bars at the window', () => {
    const long = layout(rows, state(STEPS['long view']!), sizeAt(1440));
    assert.equal(long.events.find((e) => e.id === 'second-chechen-war')!.shape, 'bar');
    assert.equal(long.events.find((e) => e.id === 'caliphate')!.shape, 'point');
    const march = layout(rows, state(STEPS['march 2024']!), sizeAt(768));
    const election = march.events.find((e) => e.id === 'election')!;
    assert.equal(election.shape, 'bar');
    assert.ok(Math.abs(election.p1 - election.p0 - (3 / 31) * (march.range[1] - march.range[0])) < 1e-6, 'three days of voting');
    const inWar = layout(rows, state({ from: '2000-01-01', to: '2000-12-31' }), sizeAt(768));
    const war = inWar.events.find((e) => e.id === 'second-chechen-war')!;
    assert.equal(war.clippedStart, true);
    assert.equal(war.clippedEnd, true);
    assert.equal(war.p0, inWar.range[0]);
    assert.equal(war.p1, inWar.range[1]);
  });

  it('leaves out events outside the window', () => {
    const marks = layout(rows, state({ from: '2024-03-10', to: '2024-03-20' }), sizeAt(768));
    assert.deepEqual(marks.events.map((e) => e.id), ['kstovo-strike', 'election']);
    assert.deepEqual(layout(rows, state({ from: '2005-01-01', to: '2005-12-31' }), sizeAt(768)).events.map((e) => e.id), ['second-chechen-war']);
    assert.equal(layout(rows, state({ from: '2012-01-01', to: '2012-12-31' }), sizeAt(768)).events.length, 0);
  });

  it('emphasizes highlighted events and mutes the rest; with no highlight, none is muted', () => {
    const marks = layout(rows, state(STEPS['march 2024']!), sizeAt(768));
    const emphasis = Object.fromEntries(marks.events.map((e) => [e.id, e.emphasis]));
    assert.equal(emphasis['crocus-attack'], 'emphasis');
    assert.equal(emphasis['grid-strike'], 'muted');
    const plain = layout(rows, state({}), sizeAt(768));
    assert.ok(plain.events.every((e) => e.emphasis === 'normal'));
  });

  it('draws the interval bracket between the two events, clipped to the window', () => {
    const marks = layout(rows, state(STEPS['karabakh to dagestan']!), sizeAt(768));
    const at = (id: string) => marks.events.find((e) => e.id === id)!.cx;
    assert.equal(marks.interval!.span.text, '39 days');
    assert.equal(marks.interval!.label.text, '39 days');
    assert.ok(Math.abs(marks.interval!.p0 - at('karabakh-ceasefire')) < 1e-6);
    assert.ok(Math.abs(marks.interval!.p1 - at('dagestan-riot')) < 1e-6);
    const cut = layout(rows, state({ from: '2023-10-01', to: '2023-12-31', interval: 'karabakh-ceasefire dagestan-riot' }), sizeAt(768));
    assert.equal(cut.interval!.clippedStart, true);
    assert.equal(cut.interval!.p0, cut.range[0]);
    assert.equal(layout(rows, state({ from: '2024-01-01', to: '2024-12-31', interval: 'karabakh-ceasefire dagestan-riot' }), sizeAt(768)).interval, null);
  });

  it('abbreviates a label that cannot fit (short column, then ellipsis) instead of dropping it', () => {
    const long: EventRow = {
      ...byId('crocus-attack'),
      id: 'long-one',
      label: 'A label far too long to fit beside the axis of a phone-sized timeline, whatever happens',
      short: 'Short label',
    };
    const marks = layout([long], state({ from: '2024-03-01', to: '2024-03-31' }), sizeAt(320));
    assert.equal(marks.events[0]!.label.abbreviated, 'short');
    assert.equal(marks.events[0]!.label.text, 'Short label');
    const longer = { ...long, short: 'Still a short label much too long for three hundred and twenty pixels' };
    const cut = layout([longer], state({ from: '2024-03-01', to: '2024-03-31' }), sizeAt(320));
    assert.equal(cut.events[0]!.label.abbreviated, 'ellipsis');
    assert.match(cut.events[0]!.label.text, /^Still a short.*\u2026$/);
    assertClean(cut, 'ellipsis at 320');
  });

  it('keeps a crowd of same-day events apart in a short wide box, abbreviating rather than overlapping', () => {
    const crowd: EventRow[] = Array.from({ length: 16 }, (_, i) => ({
      ...byId('synagogue-plot'),
      id: `e${i}`,
      start: `2024-03-${String(10 + (i % 3)).padStart(2, '0')}`,
      label: `Event number ${i + 1} with a fairly long label that runs on`,
      short: `Event ${i + 1}`,
    }));
    const marks = layout(crowd, state({ from: '2024-03-01', to: '2024-03-31' }), { width: 768, height: 300 });
    assertClean(marks, 'crowd');
    assert.ok(marks.events.some((e) => e.label.abbreviated !== 'none'));
  });

  it('keeps random sets of events apart at any width from 320 px', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const words = ['Raid', 'strike on a refinery', 'Election', 'ceasefire', 'riot at the airport', 'Attack', 'plot foiled', 'War'];
    for (let trial = 0; trial < 60; trial++) {
      const count = 1 + Math.floor(random() * 12);
      const set: EventRow[] = Array.from({ length: count }, (_, i) => {
        const day = 1 + Math.floor(random() * 28);
        const bar = random() < 0.2;
        return {
          ...byId('synagogue-plot'),
          id: `r${i}`,
          start: `2024-03-${String(day).padStart(2, '0')}T${String(Math.floor(random() * 24)).padStart(2, '0')}:00`,
          end: bar ? `2024-03-${String(Math.min(31, day + 1 + Math.floor(random() * 3))).padStart(2, '0')}` : null,
          label: `${words[Math.floor(random() * words.length)]} ${i + 1}${random() < 0.5 ? ' and something more' : ''}`,
          short: `E${i + 1}`,
        };
      });
      const width = 320 + Math.floor(random() * 1200);
      const s = state({ from: '2024-03-01', to: '2024-03-31', highlight: random() < 0.5 ? 'r0' : '', interval: count > 1 ? 'r0 r1' : '' });
      assertClean(layout(set, s, sizeAt(width)), `trial ${trial} at ${width}`);
    }
  });
});

describe('the long view (1999 to 2024)', () => {
  /** The story's long-view steps as story/article.md has them, two highlights of its earlier versions, the shared state. */
  const article = readFileSync(new URL('../../story/article.md', import.meta.url), 'utf8');
  const storySteps = [...article.matchAll(/::::step\{#([\w-]+) chart=timeline from=(\d{4}-\d\d-\d\d) to=(\d{4}-\d\d-\d\d)(?: highlight="([^"]*)")?/g)]
    .filter((m) => Number(m[3]!.slice(0, 4)) - Number(m[2]!.slice(0, 4)) > 3)
    .map((m) => [`the ${m[1]} step`, { from: m[2]!, to: m[3]!, ...(m[4] ? { highlight: m[4] } : {}) }] as const);
  assert.ok(storySteps.length >= 2, 'the story has long-view timeline steps');
  const LONG: Record<string, Record<string, string>> = {
    ...Object.fromEntries(storySteps),
    'the Chechen wars step': { from: '1999-01-01', to: '2024-12-31', highlight: 'second-chechen-war crocus-attack' },
    'the caliphate step': { from: '1999-01-01', to: '2024-12-31', highlight: 'caliphate syria-intervention crocus-attack' },
    'long view': TIMELINE_STATES['long view']!,
    'no highlight': { from: '1999-01-01', to: '2024-12-31' },
  };
  const placed = (marks: TimelineMarks): PlacedLabel[] => [
    ...marks.events.filter((e) => !e.cluster).map((e) => ({ id: e.id, at: e.p0, anchor: e.label.anchor, box: e.label.box })),
    ...marks.clusters.map((c) => ({ id: c.key, at: (c.p0 + c.p1) / 2, anchor: c.label.anchor, box: c.label.box })),
  ];
  // A phone's column stacks three labels at most; a desktop's rows, five.
  const deepest: Record<number, number> = { 320: 3, 390: 3, 1440: MAX_LONG_ROWS };

  for (const [name, given] of Object.entries(LONG)) {
    for (const width of [320, 390, 1440]) {
      it(`${name} at ${width} px: labels at most ${deepest[width]} deep, in date order, clean`, () => {
        const marks = layout(rows, state(given), sizeAt(width));
        assertClean(marks, `${name} at ${width}`);
        const labels = placed(marks);
        assert.ok(stackDepth(labels, marks.orientation) <= deepest[width]!, `${name} at ${width}: labels stack ${stackDepth(labels, marks.orientation)} deep`);
        assert.deepEqual(outOfDateOrder(labels, marks.orientation), [], `${name} at ${width}`);
      });
    }
    // The story's chart beside the text at 1440 px is about half the window wide.
    for (const width of [600, 700, 900, 1200]) {
      it(`${name} at ${width} px: at most ${MAX_LONG_ROWS} rows of labels, in date order`, () => {
        const marks = layout(rows, state(given), sizeAt(width));
        assertClean(marks, `${name} at ${width}`);
        assert.ok(stackDepth(placed(marks), 'horizontal') <= MAX_LONG_ROWS);
        assert.deepEqual(outOfDateOrder(placed(marks), 'horizontal'), []);
      });
    }
  }

  it('labels the dense months as one cluster, named by count and months, its members in it', () => {
    const marks = layout(rows, state(TIMELINE_STATES['long view']!), sizeAt(1440));
    assert.equal(marks.clusters.length, 1);
    const [cluster] = marks.clusters;
    const members = rows.filter((r) => r.start >= '2023-09' && r.start < '2024-04').map((r) => r.id);
    assert.deepEqual(cluster!.ids, members);
    assert.equal(cluster!.label.text, `${members.length} events, September 2023 to March 2024`);
    assert.equal(cluster!.label.date?.text, '19 Sep 2023 \u2013 22 Mar 2024');
    for (const event of marks.events) assert.equal(event.cluster, members.includes(event.id) ? cluster!.key : null, event.id);
    // An emphasized event keeps its own label, outside the cluster.
    const story = layout(rows, state(LONG['the Chechen wars step']!), sizeAt(1440));
    assert.ok(!story.clusters[0]!.ids.includes('crocus-attack'));
    assert.equal(story.events.find((e) => e.id === 'crocus-attack')!.label.text, 'Crocus City Hall attack');
    assert.equal(story.clusters[0]!.label.text, `${members.length - 1} events, September 2023 to March 2024`);
  });

  it('words a cluster by its months, or its one month', () => {
    const at = (start: string, end: string, n: number) => clusterWords({ members: Array.from({ length: n }), start: parseWhen(start).ms, end: parseWhen(end).ms } as never);
    assert.deepEqual(at('2023-09-19', '2024-03-22', 10), { full: '10 events, September 2023 to March 2024', short: '10 events, Sep 2023 to Mar 2024', date: '19 Sep 2023 \u2013 22 Mar 2024' });
    assert.deepEqual(at('2024-03-07', '2024-03-22', 4), { full: '4 events, March 2024', short: '4 events, Mar 2024', date: '7\u201322 Mar 2024' });
  });

  it('leaves the zoomed states event by event', () => {
    for (const name of ['karabakh to dagestan', 'march 2024', 'after the vote', 'the last day']) {
      for (const width of [320, 390, 768, 1440]) {
        const marks = layout(rows, state(STEPS[name]!), sizeAt(width));
        assert.equal(marks.clusters.length, 0, `${name} at ${width}`);
        assert.ok(marks.events.every((e) => e.cluster === null && e.label.text.length > 0), `${name} at ${width}`);
      }
    }
  });
});

describe('placeInLanes(items, options)', () => {
  const width = (t: string, bold: boolean) => estimateTextWidth(t, 12, { weight: bold ? 700 : 400 });
  const item = (id: string, line: number, time: number) => ({ id, line, priority: 1, time, full: `Label ${id} here`, short: id, bold: false, minWidth: 0 });

  it('puts a label that covers a later leader above that leader\u2019s label', () => {
    const { placed } = placeInLanes([item('a', 100, 1), item('b', 130, 2)], { left: 0, right: 800, maxLane: 10, width });
    const lane = Object.fromEntries(placed.map((p) => [p.item.id, p.lane]));
    assert.ok(lane.a! > lane.b!);
  });

  it('shares a lane between labels that do not meet', () => {
    const { placed } = placeInLanes([item('a', 100, 1), item('b', 500, 2)], { left: 0, right: 800, maxLane: 10, width });
    assert.ok(placed.every((p) => p.lane === 0));
  });

  it('hangs a label left of its leader near the right edge', () => {
    const { placed } = placeInLanes([item('a', 790, 1)], { left: 0, right: 800, maxLane: 10, width });
    assert.equal(placed[0]!.anchor, 'end');
    assert.ok(placed[0]!.hi <= 790);
  });
});

describe('dodge(wanted, heights, lo, hi)', () => {
  it('leaves blocks that do not meet where they are', () => {
    assert.deepEqual(dodge([0, 50, 100], [10, 10, 10], 0, 200), [0, 50, 100]);
  });

  it('spreads blocks that meet symmetrically, keeping their order', () => {
    assert.deepEqual(dodge([50, 50], [10, 10], 0, 200), [45, 55]);
  });

  it('keeps blocks inside the bounds', () => {
    const tops = dodge([195, 195, 195], [10, 10, 10], 0, 200);
    assert.deepEqual(tops, [170, 180, 190]);
  });
});

describe('truncate(text, maxWidth, measure)', () => {
  it('cuts at a word-friendly point and adds an ellipsis', () => {
    const measure = (t: string) => t.length * 6;
    assert.equal(truncate('Crocus City Hall attack', 1000, measure), 'Crocus City Hall attack');
    const cut = truncate('Crocus City Hall attack', 60, measure);
    assert.ok(cut.endsWith('\u2026') && measure(cut) <= 60, cut);
    assert.equal(truncate('Crocus', 3, measure), 'C\u2026', 'one character at least');
  });
});

describe('time units', () => {
  it('HOUR and DAY are what they say', () => {
    assert.equal(DAY, 24 * HOUR);
  });
});

describe('a layout made ahead of need, in slices', () => {
  it('pauses between the wordings the lanes try on a long axis, and ends as the layout made at once', () => {
    const input = { rows, state: state({ from: '1999-01-01', to: '2024-12-31', highlight: 'second-chechen-war crocus-attack' }), size: { width: 1440 * 0.55, height: 360 } };
    const steps = layoutInSteps(input);
    let pauses = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) pauses++;
    // Before the lanes, then after each wording tried: at least the first two (with date lines, then without).
    assert.ok(pauses >= 3, `paused ${pauses} times`);
    assert.deepEqual(next.value, layoutOf(input));
  });

  it('a portrait timeline (a phone) is one step', () => {
    const steps = layoutInSteps({ rows, state: state({}), size: { width: 380, height: 500 } });
    assert.equal(steps.next().done, true);
  });
});
