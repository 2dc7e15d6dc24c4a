import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { geoContains } from 'd3';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { BORDER_POLICY } from '../../src/charts/distance-map/text.ts';
import { buildGeography, OUTLINE_FILE, REGION_BOX, REGION_FILE } from '../../scripts/build-geography.ts';

const root = new URL('../../', import.meta.url);
const built = buildGeography();

describe('scripts/build-geography.ts', () => {
  test('regenerating gives the committed files byte for byte', () => {
    assert.deepEqual(
      built.map((file) => file.path),
      [REGION_FILE, OUTLINE_FILE],
    );
    for (const { path, text } of built) {
      assert.equal(text, readFileSync(new URL(path, root), 'utf8'), `${path} is stale: run npx tsx scripts/build-geography.ts`);
    }
  });

  test('the region file is small: 30 kB gzipped at most; the bundled outline a few kB', () => {
    const region = built[0]!.text;
    const outline = built[1]!.text;
    assert.ok(gzipSync(region).length <= 30 * 1024, `region: ${gzipSync(region).length} bytes gzipped`);
    assert.ok(Buffer.byteLength(outline) <= 8 * 1024, `outline: ${Buffer.byteLength(outline)} bytes`);
  });

  test('the region is valid TopoJSON with Ukraine (Crimea included), Russia and their neighbours', () => {
    const topology = JSON.parse(built[0]!.text) as Topology;
    assert.equal(topology.type, 'Topology');
    assert.deepEqual(topology.bbox, [REGION_BOX.west, REGION_BOX.south, REGION_BOX.east, REGION_BOX.north]);
    const countries = topology.objects.countries as GeometryCollection<{ name: string; label?: [number, number] }>;
    const byId = new Map(countries.geometries.map((g) => [String(g.id), g]));
    for (const id of ['804', '643', '112', '268', '031', '051', '760', '368', '364', '004', '792']) {
      assert.ok(byId.has(id), `country ${id} present`);
    }
    const ukraine = feature(topology, byId.get('804')!) as GeoJSON.Feature;
    const russia = feature(topology, byId.get('643')!) as GeoJSON.Feature;
    const simferopol: [number, number] = [34.1, 44.95];
    assert.equal(geoContains(ukraine, simferopol), true, 'Crimea is drawn as Ukraine');
    assert.equal(geoContains(russia, simferopol), false);
    assert.equal(geoContains(russia, [37.62, 55.75]), true, 'Moscow is in Russia');
    assert.equal(geoContains(ukraine, [30.52, 50.45]), true, 'Kyiv is in Ukraine');
    // Every arc index points at an arc.
    const count = topology.arcs.length;
    const walk = (value: unknown): void => {
      if (typeof value === 'number') assert.ok((value < 0 ? ~value : value) < count);
      else if (Array.isArray(value)) value.forEach(walk);
    };
    for (const g of countries.geometries) walk((g as { arcs?: unknown }).arcs);
  });

  test('one border policy: only member states of the United Nations, within their recognised borders', () => {
    const topology = JSON.parse(built[0]!.text) as Topology;
    const countries = topology.objects.countries as GeometryCollection<{ name: string }>;
    // Natural Earth draws these as countries of their own; none is a member state.
    const names = countries.geometries.map((g) => (g.properties as { name: string }).name);
    for (const name of ['N. Cyprus', 'Kosovo', 'Somaliland', '\u00c5land']) assert.ok(!names.includes(name), `${name} is not drawn apart`);
    // A shape that is not a member state's (no ISO 3166-1 numeric id) is one the map's source line names.
    for (const g of countries.geometries) {
      if (!/^\d{3}$/.test(String(g.id))) assert.ok(BORDER_POLICY.includes((g.properties as { name: string }).name), `${(g.properties as { name: string }).name} is drawn apart, and the source line says so`);
    }
    const byName = new Map(countries.geometries.map((g) => [(g.properties as { name: string }).name, feature(topology, g) as GeoJSON.Feature]));
    assert.equal(geoContains(byName.get('Cyprus')!, [33.94, 35.12]), true, 'Famagusta is drawn in Cyprus');
    assert.equal(geoContains(byName.get('Serbia')!, [21.17, 42.66]), true, 'Pristina is drawn in Serbia');
    for (const [name, g] of byName) if (name !== 'Ukraine') assert.equal(geoContains(g, [34.1, 44.95]), false, `Simferopol is not in ${name}`);
  });
});

describe('crossingsAt / insideAt: the even-odd test a row at a time', () => {
  // The plain test, one point against every edge: what the row-at-a-time version must agree with exactly.
  const evenOdd = ([x, y]: [number, number], rings: [number, number][][]): boolean => {
    let inside = false;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    return inside;
  };

  test("agrees point for point with the plain test over Russia's and Ukraine's projected outlines", async () => {
    const { baseGeography, crossingsAt, insideAt } = await import('../../src/charts/distance-map/layout-geography.ts');
    const topology = JSON.parse(readFileSync(new URL(REGION_FILE, root), 'utf8')) as Topology;
    const labels = baseGeography(topology).labels.filter((label) => label.rings);
    assert.equal(labels.length, 2, 'Russia and Ukraine carry their rings');
    let insideCount = 0;
    for (const { rings } of labels) {
      const xs = rings!.flat().map((p) => p[0]);
      const ys = rings!.flat().map((p) => p[1]);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      // Rows evenly spaced, and rows through vertices (an edge's end on the row, where a band's edges are cut).
      const vertexYs = ys.filter((_, i) => i % Math.ceil(ys.length / 60) === 0);
      for (const y of [...Array.from({ length: 61 }, (_, i) => y0 + ((y1 - y0) * i) / 60), ...vertexYs]) {
        const crossings = crossingsAt(y, rings!);
        for (let j = 0; j <= 60; j++) {
          const x = x0 + ((x1 - x0) * j) / 60;
          const expected = evenOdd([x, y], rings!);
          assert.equal(insideAt(x, crossings), expected, `(${x}, ${y})`);
          if (expected) insideCount++;
        }
      }
    }
    assert.ok(insideCount > 500, `a grid over both countries has points inside them (${insideCount})`);
  });
});

describe('the geography projected in steps (projectionSteps)', () => {
  test('gives the paths a projection at once gives, and pauses within the long outlines', async () => {
    const { mesh } = await import('topojson-client');
    const { basePath } = await import('../../src/charts/distance-map/layout-frame.ts');
    const { projectionSteps, baseGeography } = await import('../../src/charts/distance-map/layout-geography.ts');
    const topology = JSON.parse(readFileSync(new URL(REGION_FILE, root), 'utf8')) as Topology;
    const object = topology.objects.countries as GeometryCollection;
    const iterator = projectionSteps(topology);
    let steps = 0;
    while (!iterator.next().done) steps++;
    const base = baseGeography(topology);
    // More steps than one per country and outline: the borders' mesh and Russia are cut into several.
    assert.ok(steps > object.geometries.length + 8, `${steps} steps for ${object.geometries.length} countries`);
    for (const country of base.countries) {
      const geometry = object.geometries.find((g) => String(g.id) === country.id)!;
      assert.equal(country.d, basePath(feature(topology, geometry)), `country ${country.id} (${country.name})`);
    }
    assert.equal(base.borders, basePath(mesh(topology, object, (a, b) => a !== b)));
    assert.equal(base.coast, basePath(mesh(topology, object, (a, b) => a === b)));
  });
});
