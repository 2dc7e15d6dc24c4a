import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readCsv, readRows } from '../../src/charts/shared/dataset.ts';
import { resolveState, validateState, type ChartState } from '../../src/charts/shared/schema.ts';
import { eventsDataset, timelineSchema } from '../../src/charts/timeline/schema.ts';
import { describeTimeline, formatWhen, publisher, sourceLine, tableRows, windowName } from '../../src/charts/timeline/text.ts';
import { intervalBetween } from '../../src/charts/timeline/layout.ts';

const text = readFileSync(new URL('../../story/data/events.csv', import.meta.url), 'utf8');
const { rows, problems } = readCsv(eventsDataset, text);
const byId = (id: string) => rows.find((row) => row.id === id)!;
const state = (given: Record<string, string>): ChartState => resolveState(timelineSchema, given);
const ids = rows.map((row) => row.id);

describe('story/data/events.csv', () => {
  it('reads without problems, every row sourced', () => {
    assert.deepEqual(problems, []);
    for (const row of rows) assert.ok(row.source.trim().length > 0, row.id);
  });

  it('has the ids the story uses', () => {
    for (const id of [
      'second-chechen-war', 'caliphate', 'syria-intervention', 'karabakh-offensive', 'karabakh-ceasefire', 'hamas-attack',
      'dagestan-riot', 'synagogue-plot', 'kstovo-strike', 'election', 'election-result', 'grid-strike', 'crocus-attack',
    ]) {
      assert.ok(ids.includes(id), id);
    }
  });

  it('gives the dates of the fact sheet, times in Moscow time', () => {
    const dates = Object.fromEntries(rows.map((row) => [row.id, [row.start, row.end]]));
    assert.deepEqual(dates['second-chechen-war'], ['1999-08-26', '2009-04-16']);
    assert.deepEqual(dates['caliphate'], ['2014-06-29', null]);
    assert.deepEqual(dates['syria-intervention'], ['2015-09-30', null]);
    assert.deepEqual(dates['karabakh-offensive'], ['2023-09-19', null]);
    assert.deepEqual(dates['karabakh-ceasefire'], ['2023-09-20T12:00', null]);
    assert.deepEqual(dates['hamas-attack'], ['2023-10-07', null]);
    assert.deepEqual(dates['dagestan-riot'], ['2023-10-29', null]);
    assert.deepEqual(dates['synagogue-plot'], ['2024-03-07', null]);
    assert.deepEqual(dates['kstovo-strike'], ['2024-03-12T05:30', null]);
    assert.deepEqual(dates['election'], ['2024-03-15', '2024-03-17']);
    assert.deepEqual(dates['election-result'], ['2024-03-21', null]);
    assert.deepEqual(dates['grid-strike'], ['2024-03-22T05:00', null]);
    assert.equal(dates['crocus-attack']![0], '2024-03-22T19:58');
  });

  it('notes the disputed start of the Second Chechen War and the ceasefire\u2019s local time', () => {
    const war = byId('second-chechen-war');
    assert.equal(war.confidence, 'disputed');
    assert.match(war.note!, /7 Aug 1999/);
    assert.match(war.note!, /30 Sep/);
    assert.match(byId('karabakh-ceasefire').note!, /13:00.*UTC\+4.*12:00 Moscow/);
  });

  it('names only places of places.csv', () => {
    const places = ['crocus', 'kremlin', 'kstovo', 'dniprohes', 'stepanakert', 'makhachkala'];
    for (const row of rows) if (row.place !== null) assert.ok(places.includes(row.place), `${row.id}: ${row.place}`);
    assert.equal(byId('crocus-attack').place, 'crocus');
    assert.equal(byId('kstovo-strike').place, 'kstovo');
    assert.equal(byId('grid-strike').place, 'dniprohes');
    assert.equal(byId('dagestan-riot').place, 'makhachkala');
  });

  it('reads the same rows as a data array, phrase optional', () => {
    const { rows: again, problems: more } = readRows(eventsDataset, rows.map(({ phrase: _phrase, ...rest }) => rest));
    assert.deepEqual(more, []);
    assert.equal(again.length, rows.length);
    assert.equal(again[0]!.phrase, null);
  });
});

describe('timelineSchema validation', () => {
  const check = (given: Record<string, string>) => validateState(timelineSchema, given, ids).map((p) => p.message);

  it('accepts the recommended states', () => {
    assert.deepEqual(check({ from: '2024-03-22', to: '2024-03-22', highlight: 'grid-strike crocus-attack', interval: 'grid-strike crocus-attack' }), []);
  });

  it('names an unknown event id', () => {
    assert.match(check({ highlight: 'crocus-atack' })[0]!, /unknown event "crocus-atack" in highlight/);
    assert.match(check({ interval: 'crocus-attack nowhere' })[0]!, /unknown event "nowhere" in interval/);
  });

  it('rejects a window that ends before it starts, and a bad date', () => {
    assert.match(check({ from: '2024-03-31', to: '2024-03-01' })[0]!, /from 2024-03-31 is after to 2024-03-01/);
    assert.match(check({ from: '2024-02-30' })[0]!, /from "2024-02-30" is not a date/);
  });

  it('wants two different events for an interval', () => {
    assert.match(check({ interval: 'crocus-attack' })[0]!, /interval takes two event ids, got one/);
    assert.match(check({ interval: 'crocus-attack crocus-attack' })[0]!, /interval names crocus-attack twice/);
  });
});

describe('describeTimeline(rows, state)', () => {
  it('says what March 2024 shows: count, span, first and last, from the data', () => {
    const sentence = describeTimeline(rows, state({ from: '2024-03-01', to: '2024-03-31' }));
    assert.equal(
      sentence,
      "March 2024: six events over 15 days, from the FSB's synagogue raid on the 7th to the Crocus City Hall attack on the 22nd.",
    );
  });

  it('changes when the data does', () => {
    const moved = rows.map((row) => (row.id === 'crocus-attack' ? { ...row, start: '2024-03-25T19:58', end: null } : row));
    assert.match(describeTimeline(moved, state({ from: '2024-03-01', to: '2024-03-31' })), /over 18 days.*on the 25th/);
    const fewer = rows.filter((row) => row.id !== 'grid-strike');
    assert.match(describeTimeline(fewer, state({ from: '2024-03-01', to: '2024-03-31' })), /^March 2024: five events/);
  });

  it('names the interval and its computed span when one is set', () => {
    assert.match(
      describeTimeline(rows, state({ from: '2023-09-01', to: '2024-03-31', interval: 'karabakh-ceasefire dagestan-riot' })),
      /from the Karabakh ceasefire to the riot at Makhachkala airport in Dagestan: 39 days\.$/,
    );
    assert.match(
      describeTimeline(rows, state({ from: '2024-03-01', to: '2024-03-31', interval: 'election crocus-attack' })),
      /from the end of voting in the presidential election to the Crocus City Hall attack: 5 days\.$/,
    );
    assert.equal(
      describeTimeline(rows, state({ from: '2024-03-22', to: '2024-03-22', interval: 'grid-strike crocus-attack' })),
      "22 March 2024: two events about 15 hours apart, from Russia's strike on Ukraine's power grid at 05:00 to the Crocus City Hall attack at 19:58 Moscow time.",
    );
  });

  it('lists the highlighted events in the window', () => {
    assert.match(
      describeTimeline(rows, state({ highlight: 'second-chechen-war caliphate syria-intervention' })),
      /highlighted: the Second Chechen War, ISIS's proclamation of a caliphate and Russia's first air strikes in Syria\.$/,
    );
  });

  it('covers an empty window, one event, and a war under way', () => {
    assert.equal(describeTimeline(rows, state({ from: '2012-01-01', to: '2012-12-31' })), '2012: no events in this window.');
    assert.equal(describeTimeline(rows, state({ from: '2014-01-01', to: '2014-12-31' })), "2014: one event, ISIS's proclamation of a caliphate on 29 June.");
    assert.match(describeTimeline(rows, state({ from: '2005-01-01', to: '2005-12-31' })), /under way since 26 August 1999/);
  });

  it('agrees with intervalBetween', () => {
    const span = intervalBetween(byId('karabakh-ceasefire'), byId('dagestan-riot'));
    assert.ok(describeTimeline(rows, state({ interval: 'karabakh-ceasefire dagestan-riot' })).includes(span.text));
  });
});

describe('windowName(state)', () => {
  it('names whole years, months, single days and other spans', () => {
    assert.equal(windowName(state({ from: '1999-01-01', to: '2024-12-31' })), '1999 to 2024');
    assert.equal(windowName(state({ from: '2024-01-01', to: '2024-12-31' })), '2024');
    assert.equal(windowName(state({ from: '2024-03-01', to: '2024-03-31' })), 'March 2024');
    assert.equal(windowName(state({ from: '2023-09-01', to: '2024-03-31' })), 'September 2023 to March 2024');
    assert.equal(windowName(state({ from: '2024-03-22', to: '2024-03-22' })), '22 March 2024');
    assert.equal(windowName(state({ from: '2024-03-07', to: '2024-03-22' })), '7 March to 22 March 2024');
  });
});

describe('formatWhen(row), tableRows(rows, state), sourceLine(rows, state)', () => {
  it('formats dates, spans and times for the table', () => {
    assert.equal(formatWhen(byId('second-chechen-war')), '26 Aug 1999 to 16 Apr 2009');
    assert.equal(formatWhen(byId('crocus-attack')), '22 Mar 2024, 19:58 to 20:11');
    assert.equal(formatWhen(byId('kstovo-strike')), '12 Mar 2024, 05:30');
  });

  it('lists the events in the window, in time order', () => {
    assert.deepEqual(
      tableRows(rows, state({ from: '2024-03-22', to: '2024-03-22' })).map((r) => r.row.id),
      ['grid-strike', 'crocus-attack'],
    );
  });

  it('names each publisher once and says times are Moscow time', () => {
    const line = sourceLine(rows, state({ from: '2024-03-22', to: '2024-03-22' }));
    assert.match(line, /^Sources: /);
    assert.equal(line.match(/Wikipedia/g)!.length, 1);
    assert.match(line, /Investigative Committee of Russia/);
    assert.match(line, /Moscow time \(UTC\+3\)/);
    assert.equal(publisher('Reuters (7 Mar 2024)'), 'Reuters');
    assert.equal(publisher('Wikipedia, "Kstovo Refinery"'), 'Wikipedia');
    assert.equal(publisher('end: National Anti-Terrorism Committee of Russia (16 Apr 2009)'), 'National Anti-Terrorism Committee of Russia');
  });
});
