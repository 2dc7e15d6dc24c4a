import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readCsv } from '../../src/charts/shared/dataset.ts';
import { placesDataset, type PlaceRow } from '../../src/charts/distance-map/schema.ts';
import {
  decodeOutline,
  distanceKm,
  EARTH_RADIUS_KM,
  formatKm,
  insideUkraine,
  nearestBorderPoint,
  nearestOnRings,
  nearestOnSegment,
  roundKm,
  ukraineOutline,
} from '../../src/charts/distance-map/geo.ts';
import { measurement, placeLabel } from '../../src/charts/distance-map/measure.ts';
import { describeMap, measureCaption, sourceLine, tableRows } from '../../src/charts/distance-map/text.ts';

const csv = readFileSync(new URL('../../story/data/places.csv', import.meta.url), 'utf8');
const { rows, problems } = readCsv(placesDataset, csv);
const place = (id: string): PlaceRow => rows.find((row) => row.id === id)!;
const at = (id: string): [number, number] => [place(id).lon, place(id).lat];

/** Haversine, written out independently of d3-geo, as the reference the fact sheet used. */
function haversine([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

describe('places.csv', () => {
  test('reads without problems, every row sourced, coordinates as on the fact sheet', () => {
    assert.deepEqual(problems, []);
    for (const row of rows) assert.ok(row.source.length > 5, `${row.id} has a source`);
    assert.deepEqual(at('crocus'), [37.39028, 55.82583]);
    assert.deepEqual(at('kremlin'), [37.61778, 55.75167]);
    assert.deepEqual(at('kstovo'), [44.14389, 56.10583]);
    assert.deepEqual(at('dniprohes'), [35.08694, 47.86917]);
    assert.deepEqual(at('stepanakert'), [46.75194, 39.81528]);
    assert.deepEqual(at('makhachkala'), [47.65229, 42.81682]);
    assert.equal(rows.find((row) => row.id === 'koryakovo'), undefined, 'Koryakovo has no verified coordinates');
    for (const id of ['raqqa', 'jalalabad']) assert.equal(place(id).kind, 'isis');
  });

  test('the dataset schema rejects coordinates out of range', () => {
    const bad = csv.replace('55.82583,37.39028', '95.5,37.39028');
    const result = readCsv(placesDataset, bad);
    assert.match(result.problems[0]!.message, /lat "95.5" is out of range \(-90 to 90\)/);
    const badLon = readCsv(placesDataset, csv.replace('56.10583,44.14389', '56.10583,244.1'));
    assert.match(badLon.problems[0]!.message, /lon "244.1" is out of range/);
  });
});

describe('distanceKm(a, b)', () => {
  test('Crocus City Hall to the Kremlin is 16-17 km (16.4 on the fact sheet)', () => {
    const km = distanceKm(at('crocus'), at('kremlin'));
    assert.ok(km > 16 && km < 17, `${km}`);
    assert.ok(Math.abs(km - haversine(at('crocus'), at('kremlin'))) < 1e-6);
  });

  test('Kstovo to the Kremlin is about 408 km', () => {
    const km = distanceKm(at('kstovo'), at('kremlin'));
    assert.ok(km > 406 && km < 410, `${km}`);
  });

  test('a quarter of the equator is a quarter of the circumference', () => {
    assert.ok(Math.abs(distanceKm([0, 0], [90, 0]) - (Math.PI / 2) * EARTH_RADIUS_KM) < 1e-6);
  });
});

describe('nearestOnSegment(p, a, b)', () => {
  test('the foot of the perpendicular, when it falls inside the segment', () => {
    // A meridian segment and a point 1 degree east of its middle, on the equator.
    const { point, km } = nearestOnSegment([1, 0], [0, -5], [0, 5]);
    assert.ok(Math.abs(point[0]) < 1e-9 && Math.abs(point[1]) < 1e-9);
    assert.ok(Math.abs(km - (Math.PI / 180) * EARTH_RADIUS_KM) < 1e-6);
  });

  test('the nearer end, when the foot falls outside', () => {
    const { point, km } = nearestOnSegment([0, 10], [0, -5], [0, 5]);
    assert.deepEqual(point, [0, 5]);
    assert.ok(Math.abs(km - 5 * (Math.PI / 180) * EARTH_RADIUS_KM) < 1e-6);
  });

  test('a degenerate segment is its point', () => {
    const { point } = nearestOnSegment([3, 3], [1, 1], [1, 1]);
    assert.deepEqual(point, [1, 1]);
  });

  test('follows the great circle, not the straight line on a map', () => {
    // Between 0 and 40E on the parallel 60N the great circle bows north, to 61.5N at its middle
    // (tan 61.5 = tan 60 / cos 20): a point on the parallel is about 165 km off the segment.
    const { km, point } = nearestOnSegment([20, 60], [0, 60], [40, 60]);
    assert.ok(Math.abs(point[1] - 61.52) < 0.05 && Math.abs(point[0] - 20) < 1e-6, `${point}`);
    assert.ok(km > 160 && km < 175, `${km}`);
  });

  test('matches brute force over a densified segment', () => {
    const a: [number, number] = [30, 50];
    const b: [number, number] = [40, 52];
    const p: [number, number] = [36, 56];
    let best = Infinity;
    for (let i = 0; i <= 10_000; i++) {
      const t = i / 10_000;
      best = Math.min(best, distanceKm(p, [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]));
    }
    // The densified line is a rhumb-ish line in degrees, not the great circle: they agree within a few km.
    assert.ok(Math.abs(nearestOnSegment(p, a, b).km - best) < 15);
  });
});

describe('nearestOnRings(p, rings)', () => {
  test('the minimum over every segment of every ring', () => {
    const square: [number, number][] = [
      [0, 0],
      [0, 10],
      [10, 10],
      [10, 0],
      [0, 0],
    ];
    const far: [number, number][] = [
      [50, 50],
      [51, 50],
      [50, 50],
    ];
    const { point } = nearestOnRings([12, 5], [far, square]);
    assert.ok(Math.abs(point[0] - 10) < 0.01 && Math.abs(point[1] - 5) < 0.2, `${point}`);
  });

  test('throws on no geometry', () => {
    assert.throws(() => nearestOnRings([0, 0], []), RangeError);
  });

  test('gives the same answer, to the last bit, as searching every segment of Ukraine\u2019s border in turn', () => {
    // The search skips segments that cannot hold the answer; this is the search that skips none.
    const everySegment = (p: [number, number]) => {
      let best: { point: [number, number]; km: number } | null = null;
      for (const ring of ukraineOutline()) {
        for (let i = 0; i < ring.length - 1; i++) {
          const candidate = nearestOnSegment(p, ring[i]!, ring[i + 1]!);
          if (!best || candidate.km < best.km) best = candidate;
        }
      }
      return best!;
    };
    const points: [number, number][] = rows.map((row) => [row.lon, row.lat]);
    // And a grid from the Atlantic to the Urals, inside Ukraine and across its border.
    for (let lon = -10; lon <= 60; lon += 2.5) for (let lat = 35; lat <= 62; lat += 1.5) points.push([lon, lat]);
    for (const p of points) assert.deepEqual(nearestOnRings(p, ukraineOutline()), everySegment(p), `${p}`);
  });
});

describe('Ukraine\u2019s outline', () => {
  test('decodes steps into closed rings', () => {
    assert.deepEqual(decodeOutline([[1000, 2000, 500, -500, -1500, 500]]), [[[1, 2], [1.5, 1.5], [0, 2]]]);
    for (const ring of ukraineOutline()) {
      assert.deepEqual(ring[0], ring[ring.length - 1]);
      assert.ok(ring.length >= 4);
    }
  });

  test('includes Crimea, excludes Russia and Belarus', () => {
    assert.equal(insideUkraine([30.52, 50.45]), true, 'Kyiv');
    assert.equal(insideUkraine([34.1, 44.95]), true, 'Simferopol');
    assert.equal(insideUkraine([35.08694, 47.86917]), true, 'DniproHES');
    assert.equal(insideUkraine([37.62, 55.75]), false, 'Moscow');
    assert.equal(insideUkraine([27.56, 53.9]), false, 'Minsk');
    assert.equal(insideUkraine([36.58, 50.6]), false, 'Belgorod');
  });

  test('Kstovo to the nearest border point: 765-775 km, at the north edge of Luhansk Oblast', () => {
    const { km, point } = nearestBorderPoint(at('kstovo'));
    assert.ok(km >= 765 && km <= 775, `${km}`);
    // The fact sheet: 49.874, 39.156 from oblast outlines.
    assert.ok(Math.abs(point[1] - 49.874) < 0.05 && Math.abs(point[0] - 39.156) < 0.05, `${point}`);
  });

  test('Crocus City Hall to the nearest border point: about 451 km, at the northern tip of Sumy Oblast', () => {
    const { km, point } = nearestBorderPoint(at('crocus'));
    assert.ok(km >= 448 && km <= 454, `${km}`);
    assert.ok(Math.abs(point[1] - 52.355) < 0.05 && Math.abs(point[0] - 33.804) < 0.05, `${point}`);
  });
});

describe('roundKm(km) and formatKm(km)', () => {
  test('5 km steps from 100 km, whole km from 20 km, tenths below', () => {
    assert.equal(roundKm(768.7), 770);
    assert.equal(roundKm(451.2), 450);
    assert.equal(roundKm(408.3), 410);
    assert.equal(roundKm(102.4), 100);
    assert.equal(roundKm(99.6), 100);
    assert.equal(roundKm(57.4), 57);
    assert.equal(roundKm(16.44), 16.4);
    assert.equal(roundKm(0.04), 0);
  });

  test('formats with a thousands separator', () => {
    assert.equal(formatKm(1430), '1,430 km');
    assert.equal(formatKm(16.4), '16.4 km');
  });
});

describe('measurement(rows, measure)', () => {
  test('a place to the border carries the article\u2019s figure', () => {
    const m = measurement(rows, 'kstovo border')!;
    assert.equal(m.text, '770 km');
    assert.equal(m.to, null);
    assert.deepEqual(m.article, { km: 775, text: 'about 775 km', of: 'the Nizhny Novgorod region' });
    assert.equal(m.borderArea, 'Luhansk Oblast, occupied by Russia');
    assert.equal(m.fromInsideUkraine, false);
  });

  test('place to place has no article figure', () => {
    const m = measurement(rows, 'crocus kremlin')!;
    assert.equal(m.text, '16.4 km');
    assert.equal(m.article, null);
    assert.deepEqual(m.toPoint, at('kremlin'));
  });

  test('a place inside Ukraine measures out to its border', () => {
    const m = measurement(rows, 'dniprohes border')!;
    assert.equal(m.fromInsideUkraine, true);
    assert.ok(m.km > 50 && m.km < 250, `${m.km}`);
  });

  test('nothing for an empty, partial or unknown measure', () => {
    assert.equal(measurement(rows, ''), null);
    assert.equal(measurement(rows, 'kstovo'), null);
    assert.equal(measurement(rows, 'kstov border'), null);
  });
});

describe('describeMap(rows, state)', () => {
  test('the sentence for a border measure gives both figures', () => {
    assert.equal(
      describeMap(rows, { focus: 'kstovo', measure: 'kstovo border' }),
      'The NORSI refinery at Kstovo lies 770 km from the nearest point of Ukraine\u2019s internationally recognised border, in Luhansk Oblast, occupied by Russia; the article says about 775 km, for the Nizhny Novgorod region.',
    );
  });

  test('place to place', () => {
    assert.equal(describeMap(rows, { focus: 'crocus kremlin', measure: 'crocus kremlin' }), 'Crocus City Hall lies 16.4 km from the Moscow Kremlin.');
    assert.equal(describeMap(rows, { focus: 'ukraine crocus', measure: 'crocus border' }), 'Crocus City Hall lies 450 km from the nearest point of Ukraine\u2019s internationally recognised border, in Sumy Oblast.');
  });

  test('a region names the places it is about', () => {
    assert.equal(
      describeMap(rows, { focus: 'caucasus', measure: '' }),
      'The map shows the Caucasus, with Stepanakert (Khankendi) and Makhachkala airport (unrest).',
    );
    const isis = describeMap(rows, { focus: 'isis-reach', measure: '' });
    assert.match(isis, /^The map shows the region from Syria to Afghanistan, with /);
    // A place is called ISIS's only with the years its row gives; Russia's own base is called Russia's.
    assert.match(isis, /Raqqa \(ISIS stronghold 2014\u20132017\)/);
    assert.match(isis, /Nangarhar province \(ISIS stronghold 2015\u20132019\)/);
    assert.match(isis, /the Hmeimim air base \(Russian state or military site\)/);
    assert.doesNotMatch(isis, /reach of ISIS/);
    assert.doesNotMatch(isis, /Kstovo/);
  });

  test('named places', () => {
    assert.equal(describeMap(rows, { focus: 'dniprohes crocus', measure: '' }), 'The map shows the DniproHES dam (hit by a drone or missile strike) and Crocus City Hall (terror attack).');
  });
});

describe('the table and the source line', () => {
  test('rows for the places in the frame, with distances rounded by the one rule, their kind and the article\'s subject', () => {
    const table = tableRows(rows, { focus: 'kstovo', measure: 'kstovo border' });
    const kstovo = table.find((row) => row.id === 'kstovo')!;
    assert.equal(kstovo.place, 'NORSI refinery at Kstovo');
    assert.equal(kstovo.toBorder, '770 km, to Luhansk Oblast, occupied by Russia');
    assert.equal(kstovo.kind, 'hit by a drone or missile strike');
    assert.equal(kstovo.article, 'about 775 km for the Nizhny Novgorod region');
    assert.match(kstovo.source, /Kstovo Refinery.*\(C1\)$/);
    const west = tableRows(rows, { focus: 'russia-west', measure: '' });
    assert.match(west.find((row) => row.id === 'kremlin')?.toBorder ?? '', /^45\d km$/);
    const dnipro = tableRows(rows, { focus: 'ukraine', measure: '' }).find((row) => row.id === 'dniprohes')!;
    assert.match(dnipro.toBorder, /^inside Ukraine/);
  });

  test('the caption spells the measure out, rounded as everywhere', () => {
    assert.match(measureCaption(rows, { focus: 'crocus', measure: 'crocus kremlin' })!, /^Measured: Crocus City Hall to the Moscow Kremlin: 16\.4 km\.$/);
    assert.equal(measureCaption(rows, { focus: 'crocus', measure: '' }), null);
  });

  test('the source line cites the places shown and the borders', () => {
    const line = sourceLine(rows, { focus: 'kstovo', measure: 'kstovo border' });
    assert.match(line, /Kstovo Refinery/);
    assert.match(line, /Natural Earth/);
    // The one policy, and the one place the data cannot follow it, are both stated.
    assert.match(line, /Borders: internationally recognised/);
    assert.match(line, /Golan Heights/);
    assert.doesNotMatch(line, /de facto/);
    assert.match(sourceLine(rows, { focus: 'isis-reach', measure: '' }), /coordinates of \d+ places: Wikipedia/);
  });

  test('labels drop a leading "the"', () => {
    assert.equal(placeLabel(place('kremlin')), 'Moscow Kremlin');
    assert.equal(placeLabel(place('crocus')), 'Crocus City Hall');
  });
});
