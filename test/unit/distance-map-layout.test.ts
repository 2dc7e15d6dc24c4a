import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { readCsv } from '../../src/charts/shared/dataset.ts';
import { MAP_EXTENT as REGION_BOX, MAP_REGIONS, placesDataset } from '../../src/charts/distance-map/schema.ts';
import {
  baseProjection,
  fitView,
  INSET_MAX_SPAN_KM,
  isNarrowFrame,
  layout,
  viewSpanKm,
  type MapMarks,
} from '../../src/charts/distance-map/layout.ts';
import { estimateTextWidth } from '../../src/charts/shared/text-width.ts';
import { baseGeography, SEAS } from '../../src/charts/distance-map/layout-geography.ts';
import { measureNames } from '../../src/charts/distance-map/layout-names.ts';
import { type Box, boxAt, overlaps } from '../../src/charts/shared/labels.ts';
import type { ChartState } from '../../src/charts/shared/schema.ts';

const { rows } = readCsv(placesDataset, readFileSync(new URL('../../story/data/places.csv', import.meta.url), 'utf8'));
const topology = JSON.parse(readFileSync(new URL('../../assets/geo/region.topo.json', import.meta.url), 'utf8')) as Topology;
const ready = { status: 'ready', topology } as const;
const layoutMap = (data: typeof rows, state: ChartState, size: { width: number; height: number }, geography: Parameters<typeof layout>[0]['geography']) =>
  layout({ rows: data, state, size, geography });

/** The states the story uses, and the sizes a reader sees: phone (4:3 and 4:5) and desktop. */
const STATES = [
  { focus: 'crocus kremlin', measure: 'crocus kremlin' },
  { focus: 'ukraine crocus', measure: 'crocus border' },
  { focus: 'kstovo', measure: 'kstovo border' },
  { focus: 'russia-west', measure: 'kstovo border' },
  { focus: 'dniprohes crocus', measure: '' },
  { focus: 'caucasus', measure: '' },
  { focus: 'kremlin stepanakert makhachkala', measure: '' },
  { focus: 'makhachkala stepanakert', measure: '' },
  { focus: 'middle-east', measure: '' },
  { focus: 'isis-reach', measure: '' },
  { focus: 'ukraine', measure: '' },
];
const SIZES = [
  { width: 390, height: 293 },
  { width: 390, height: 488 },
  { width: 1000, height: 750 },
];

/** The boxes of every text the layout placed, measured the way the layout measured them. */
function textBoxes(marks: MapMarks): Box[] {
  const boxes: Box[] = [];
  const box = (x: number, y: number, text: string, size: number, anchor: string, what: string, style = {}) => {
    const w = estimateTextWidth(text, size, style);
    const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
    boxes.push(boxAt(left, y - size * 0.75, w, size * 0.95, what));
  };
  for (const place of marks.places) {
    if (!place.shown || !place.label) continue;
    const l = place.label;
    box(place.x + l.dx, place.y + l.dy, l.text, l.size, l.anchor, place.id, { weight: place.role === 'context' ? 400 : 600 });
  }
  for (const t of marks.texts) box(t.x, t.y, t.text, t.size, 'middle', t.key, t.kind === 'country' ? { weight: 500, letterSpacing: 0.14 } : { letterSpacing: 0.04 });
  if (marks.measure?.borderLabel) {
    const view = marks.view;
    const [bx, by] = marks.measure.to;
    const l = marks.measure.borderLabel;
    box(bx * view.k + view.x + l.dx, by * view.k + view.y + l.dy, l.text, l.size, l.anchor, 'border point', { weight: 500 });
  }
  return boxes;
}

describe('layoutMap(rows, state, size, geography)', () => {
  for (const state of STATES) {
    for (const size of SIZES) {
      test(`focus="${state.focus}" measure="${state.measure}" at ${size.width}x${size.height}: targets in frame, labels apart and inside`, () => {
        const marks = layoutMap(rows, state, size, ready);
        const important = marks.places.filter((p) => p.role !== 'context');
        for (const place of important) {
          assert.ok(place.shown, `${place.id} shown`);
          assert.ok(place.x > 0 && place.x < size.width && place.y > 0 && place.y < size.height, `${place.id} at ${place.x},${place.y}`);
          assert.ok(place.label, `${place.id} labelled`);
        }
        if (marks.measure) {
          const [x, y] = [marks.measure.to[0] * marks.view.k + marks.view.x, marks.measure.to[1] * marks.view.k + marks.view.y];
          assert.ok(x > 0 && x < size.width && y > 0 && y < size.height, 'the measured line ends in the frame');
        }
        const boxes = textBoxes(marks);
        for (const b of boxes) {
          assert.ok(b.x0 >= 0 && b.x1 <= size.width + 0.5 && b.y0 >= 0 && b.y1 <= size.height + 0.5, `${b.key} inside the frame`);
        }
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) assert.ok(!overlaps(boxes[i]!, boxes[j]!), `${boxes[i]!.key} and ${boxes[j]!.key} apart`);
        }
      });
    }
  }

  test('the same inputs give the same marks', () => {
    const a = layoutMap(rows, STATES[1]!, SIZES[0]!, ready);
    const b = layoutMap(rows, STATES[1]!, SIZES[0]!, ready);
    assert.deepEqual(a, b);
  });

  test('a change of focus pans and zooms: only the view and what rides on it change', () => {
    const moscow = layoutMap(rows, { focus: 'crocus kremlin', measure: '' }, SIZES[2]!, ready);
    const caucasus = layoutMap(rows, { focus: 'caucasus', measure: '' }, SIZES[2]!, ready);
    assert.notDeepEqual(moscow.view, caucasus.view);
    assert.ok(moscow.view.k > caucasus.view.k * 5, 'Moscow is framed much closer');
    assert.equal(moscow.countries, caucasus.countries, 'the shapes are projected once, shared by every state');
  });

  test('a measure frames both its ends, even outside the focus', () => {
    const marks = layoutMap(rows, { focus: 'kremlin', measure: 'kstovo border' }, SIZES[0]!, ready);
    const kstovo = marks.places.find((p) => p.id === 'kstovo')!;
    assert.equal(kstovo.role, 'measure');
    assert.ok(kstovo.shown);
  });

  test('two places are framed tightly, one place with its surroundings', () => {
    const pair = viewSpanKm(fitView(rows, { focus: 'crocus kremlin', measure: '' }, SIZES[2]!), SIZES[2]!)!;
    const single = viewSpanKm(fitView(rows, { focus: 'kstovo', measure: '' }, SIZES[2]!), SIZES[2]!)!;
    assert.ok(pair > 100 && pair < 250, `pair: ${pair} km across`);
    assert.ok(single > 800 && single < 1400, `single: ${single} km across`);
  });

  test('a locator inset for close views only', () => {
    const close = layoutMap(rows, STATES[0]!, SIZES[2]!, ready);
    assert.ok(close.inset, 'Moscow gets a locator');
    assert.ok(viewSpanKm(close.view, SIZES[2]!)! < INSET_MAX_SPAN_KM);
    const inset = close.inset!;
    assert.ok(inset.frame.x >= 0 && inset.frame.x + inset.frame.width <= inset.width, 'the outlined frame sits inside the locator');
    assert.equal(layoutMap(rows, STATES[2]!, SIZES[2]!, ready).inset, null);
    assert.equal(layoutMap(rows, STATES[0]!, SIZES[2]!, { status: 'loading' }).inset, null, 'no locator without shapes');
  });

  test('the measured line\u2019s label shows both figures where the article gives one', () => {
    assert.deepEqual(layoutMap(rows, STATES[2]!, SIZES[2]!, ready).measure?.label.lines, ['770 km', '(the article: about 775 km, for the region)']);
    assert.deepEqual(layoutMap(rows, STATES[0]!, SIZES[2]!, ready).measure?.label.lines, ['16.4 km']);
  });

  test('a scale bar with a round length, about a quarter of the width at most', () => {
    for (const size of SIZES) {
      const { scale } = layoutMap(rows, STATES[2]!, size, ready);
      assert.ok(scale);
      assert.match(scale.text, /^(1|2|5|10|20|25|50|100|200|250|500|1,000) km$/);
      assert.ok(scale.px > 20 && scale.px <= size.width * 0.28 + 0.01);
    }
  });

  test('before the shapes arrive: places, line and graticule; after a failure: a notice and Ukraine\u2019s outline', () => {
    const waiting = layoutMap(rows, STATES[2]!, SIZES[0]!, { status: 'loading' });
    assert.equal(waiting.countries.length, 0);
    assert.equal(waiting.notice, null);
    assert.ok(waiting.graticule.length > 0);
    assert.ok(waiting.measure);
    const failed = layoutMap(rows, STATES[2]!, SIZES[0]!, { status: 'failed' });
    assert.deepEqual(failed.countries.map((c) => c.role), ['ukraine']);
    assert.match(failed.notice!.lines.join(' '), /could not be loaded/);
    assert.ok(failed.notice!.width <= SIZES[0]!.width);
    // The view keeps clear of the notice: every important place sits below it.
    for (const place of failed.places.filter((p) => p.role !== 'context')) assert.ok(place.y > failed.notice!.y + failed.notice!.height, place.id);
    assert.equal(layoutMap(rows, STATES[2]!, SIZES[0]!, ready).notice, null);
  });
});

describe('fitView for the named regions', () => {
  const projection = baseProjection();
  for (const region of MAP_REGIONS) {
    test(`${region} stays inside the region file at any aspect from 2:3 to 2:1`, () => {
      for (const aspect of [2 / 3, 0.8, 1, 4 / 3, 16 / 10, 2]) {
        const size = { width: 600, height: Math.round(600 / aspect) };
        const view = fitView(rows, { focus: region, measure: '' }, size);
        for (let i = 0; i <= 10; i++) {
          for (const [sx, sy] of [
            [(size.width * i) / 10, 0],
            [(size.width * i) / 10, size.height],
            [0, (size.height * i) / 10],
            [size.width, (size.height * i) / 10],
          ] as [number, number][]) {
            const [lon, lat] = projection.invert!([(sx - view.x) / view.k, (sy - view.y) / view.k])!;
            assert.ok(lon > REGION_BOX.west && lon < REGION_BOX.east && lat > REGION_BOX.south && lat < REGION_BOX.north, `${region} at ${aspect}: ${lon.toFixed(1)}, ${lat.toFixed(1)}`);
          }
        }
      }
    });
  }
});

test('the names measured ahead of the map\u2019s first layout are all the country and sea names it measures, wide and narrow', () => {
  const key = (text: string, size: number, style: object = {}) => `${text}|${size}|${JSON.stringify(style)}`;
  for (const size of [{ width: 900, height: 600 }, { width: 390, height: 480 }]) {
    const measuredAhead = new Set<string>();
    const ahead = measureNames(baseGeography(topology), (text, px, style) => (measuredAhead.add(key(text, px, style)), estimateTextWidth(text, px, style)), isNarrowFrame(size.width));
    while (!ahead.next().done);
    const names = new Set(baseGeography(topology).labels.map((label) => label.text));
    const missed: string[] = [];
    for (const state of [{ focus: 'ukraine' }, { focus: 'caucasus' }, { focus: 'middle-east' }, { focus: 'russia-west' }] as ChartState[]) {
      layout({
        rows,
        state,
        size,
        geography: ready,
        textWidth: (text, px, style) => {
          if (names.has(text) && !measuredAhead.has(key(text, px, style))) missed.push(key(text, px, style));
          return estimateTextWidth(text, px, style);
        },
      });
    }
    assert.equal(measuredAhead.size, names.size + SEAS.length, 'each country and sea name, once');
    assert.deepEqual(missed, [], `${size.width} px: names the layout measured that were not measured ahead`);
  }
});
