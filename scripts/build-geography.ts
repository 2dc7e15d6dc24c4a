/**
 * Builds the distance map's geography from Natural Earth, as packaged by `world-atlas`:
 *
 * - assets/geo/region.topo.json: country shapes for Europe's east, the Caucasus and the Middle East to
 *   Afghanistan (1:50m), cut to a box, simplified and re-quantized, as TopoJSON. The map fetches it lazily.
 * - src/charts/distance-map/ukraine-outline.ts: Ukraine's internationally recognised outline (1:10m, lightly
 *   simplified), bundled with the chart, so distances to the border work even when the map file cannot be loaded.
 *
 * One border policy for the whole map: countries are the member states of the United Nations, each within its
 * internationally recognised borders. Natural Earth's default view departs from that in this region, and both
 * outputs correct it (RECOGNISED_BORDERS below): Crimea is drawn within Ukraine (the story measures distances from
 * Ukraine's internationally recognised border), and areas Natural Earth draws as countries of their own (Northern
 * Cyprus, Kosovo, Somaliland, the Åland Islands) are merged into the member state they belong to. Where
 * the data cannot follow the policy, Natural Earth's own lines stay (the Golan Heights within Israel; Kashmir's lines
 * of control, with the Siachen Glacier apart), and the map's source line says so (BORDER_POLICY).
 *
 * Run: npx tsx scripts/build-geography.ts        (writes both files and prints their sizes)
 * The output is a pure function of the package's files, so regenerating gives the committed files byte for byte
 * (test/unit/distance-map-geography.test.ts checks it).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { geoContains } from 'd3';
import { feature, mergeArcs } from 'topojson-client';
import type { GeometryObject, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import { MAP_EXTENT } from '../src/charts/distance-map/schema.ts';

type Point = [number, number];
type Ring = number[];
type PolygonArcs = Ring[];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export const REGION_FILE = 'assets/geo/region.topo.json';
export const OUTLINE_FILE = 'src/charts/distance-map/ukraine-outline.ts';

/** The box the region file covers: the map's extent (see MAP_EXTENT in the chart's schema). */
export const REGION_BOX = MAP_EXTENT;

/** Where country labels may sit: the part of each country the story's frames show. */
const LABEL_BOX = { west: 22, east: 72, south: 26, north: 61 } as const;

/** Douglas-Peucker tolerance for the region's shapes, in km: below a pixel at the widest frame. */
const REGION_TOLERANCE_KM = 2.5;
/**
 * Shapes wholly outside the core (where the story's places and named regions are) are only ever seen at the
 * edges of wide frames, a few km to the pixel: they are simplified further.
 */
const CORE_BOX = { west: 20, east: 75, south: 28, north: 62 } as const;
const PERIPHERY_TOLERANCE_KM = 6;
/** Islands smaller than this are dropped (a country's largest piece is always kept). */
const MIN_ISLAND_KM2 = 500;
/** Grid step of the region file's coordinates, in degrees (about 110 m of latitude). */
const REGION_STEP = 0.001;
/** Long straight edges along the box are densified, so a great-circle renderer does not bow them inward. */
const DENSIFY_DEGREES = 1;

/** Douglas-Peucker tolerance for Ukraine's outline, in km; distances to it move by well under a kilometre. */
const OUTLINE_TOLERANCE_KM = 1.5;

const UKRAINE = '804';
const RUSSIA = '643';
/** A point in Crimea (Simferopol), to find the polygon Natural Earth files under Russia. */
const SIMFEROPOL: Point = [34.1, 44.95];

const KM_PER_DEGREE = (Math.PI / 180) * 6371;

interface Named {
  id?: string | number;
  properties?: { name?: string };
}

function readAtlas(name: string): Topology {
  return JSON.parse(readFileSync(require.resolve(`world-atlas/${name}`), 'utf8')) as Topology;
}

/** The absolute coordinates of every arc of a quantized topology. */
function decodeArcs(topology: Topology): Point[][] {
  const transform = topology.transform;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      if (!transform) return [dx!, dy!] as Point;
      x += dx!;
      y += dy!;
      return [x * transform.scale[0] + transform.translate[0], y * transform.scale[1] + transform.translate[1]] as Point;
    });
  });
}

function countries(topology: Topology): (Polygon | MultiPolygon)[] {
  const collection = topology.objects.countries as { geometries: GeometryObject[] };
  return collection.geometries.filter((g): g is Polygon | MultiPolygon => g.type === 'Polygon' || g.type === 'MultiPolygon');
}

function polygonsOf(geometry: Polygon | MultiPolygon): PolygonArcs[] {
  return geometry.type === 'Polygon' ? [geometry.arcs] : geometry.arcs;
}

/**
 * Where Natural Earth's default view draws a country that is not a member state's within its recognised borders:
 * the piece (by name, or a point inside it) and the member state it belongs to. `merge` joins the pieces, so no
 * border is drawn between them.
 */
interface Correction {
  /** Who the piece belongs to, by Natural Earth's id (ISO 3166-1 numeric). */
  readonly into: string;
  /** The piece: a feature of its own, by name, or one polygon of another country's, by a point inside it. */
  readonly piece: { readonly feature: string } | { readonly polygonOf: string; readonly containing: Point; readonly name: string };
}

export const RECOGNISED_BORDERS: readonly Correction[] = [
  { into: UKRAINE, piece: { polygonOf: RUSSIA, containing: SIMFEROPOL, name: 'Crimea' } },
  { into: '196', piece: { feature: 'N. Cyprus' } },
  { into: '688', piece: { feature: 'Kosovo' } },
  { into: '706', piece: { feature: 'Somaliland' } },
  { into: '246', piece: { feature: '\u00c5land' } },
];

/**
 * Applies RECOGNISED_BORDERS: each piece is merged into its member state, keeping that state's id and properties.
 * A piece that cannot be found fails the build, since a silent miss would draw a border the policy rules out.
 */
function recogniseBorders(topology: Topology): (Polygon | MultiPolygon)[] {
  let all = countries(topology) as ((Polygon | MultiPolygon) & Named)[];
  for (const { into, piece } of RECOGNISED_BORDERS) {
    const state = all.find((g) => String(g.id) === into);
    if (!state) throw new Error(`member state ${into} not found: has world-atlas changed?`);
    let pieceArcs: PolygonArcs[];
    let donor: ((Polygon | MultiPolygon) & Named) | undefined;
    let rest: PolygonArcs[] = [];
    if ('feature' in piece) {
      donor = all.find((g) => g.properties?.name === piece.feature);
      if (!donor) throw new Error(`${piece.feature} not found among Natural Earth\u2019s countries: has world-atlas changed?`);
      pieceArcs = polygonsOf(donor);
    } else {
      donor = all.find((g) => String(g.id) === piece.polygonOf);
      const polygons = donor ? polygonsOf(donor) : [];
      const index = polygons.findIndex((arcs) => geoContains(feature(topology, { type: 'Polygon', arcs }) as GeoJSON.Feature, piece.containing));
      if (!donor || index < 0) throw new Error(`${piece.name} not found among ${piece.polygonOf}\u2019s polygons: has world-atlas changed?`);
      pieceArcs = [polygons[index]!];
      rest = polygons.filter((_, i) => i !== index);
    }
    const merged = mergeArcs(topology, [state, ...pieceArcs.map((arcs) => ({ type: 'Polygon' as const, arcs }))]);
    const newState = { ...merged, id: state.id, properties: state.properties } as MultiPolygon & Named;
    const newDonor = rest.length ? ({ type: 'MultiPolygon', arcs: rest, id: donor.id, properties: donor.properties } as MultiPolygon & Named) : null;
    all = all.flatMap((g) => (g === state ? [newState] : g === donor ? (newDonor ? [newDonor] : []) : [g]));
  }
  return all;
}

// ---------------------------------------------------------------------------------------------------------------
// Geometry helpers, planar in a local equirectangular frame (km), which is accurate enough at these tolerances.

function toKm([lon, lat]: Point, cosLat: number): Point {
  return [lon * KM_PER_DEGREE * cosLat, lat * KM_PER_DEGREE];
}

function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Douglas-Peucker on an open polyline; the first and last points always stay (they are topology junctions). */
function simplify(points: Point[], toleranceKm: number): Point[] {
  if (points.length <= 2) return points;
  const meanLat = points.reduce((sum, p) => sum + p[1], 0) / points.length;
  const cosLat = Math.cos((meanLat * Math.PI) / 180);
  const km = points.map((p) => toKm(p, cosLat));
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let worst = -1;
    let worstIndex = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance(km[i]!, km[first]!, km[last]!);
      if (d > worst) {
        worst = d;
        worstIndex = i;
      }
    }
    if (worst > toleranceKm) {
      keep[worstIndex] = 1;
      stack.push([first, worstIndex], [worstIndex, last]);
    }
  }
  const kept = points.filter((_, i) => keep[i]);
  // A closed arc (a whole island) needs four points to stay a ring.
  if (kept.length < 4 && points[0]![0] === points[points.length - 1]![0] && points[0]![1] === points[points.length - 1]![1]) {
    const byDistance = points
      .map((_, i) => ({ i, d: Math.hypot(km[i]![0] - km[0]![0], km[i]![1] - km[0]![1]) }))
      .filter(({ i }) => !keep[i])
      .sort((a, b) => b.d - a.d || a.i - b.i);
    for (const { i } of byDistance.slice(0, 4 - kept.length)) keep[i] = 1;
    return points.filter((_, i) => keep[i]);
  }
  return kept;
}

type Box = { readonly west: number; readonly east: number; readonly south: number; readonly north: number };

function inside(p: Point, box: Box): boolean {
  return p[0] >= box.west && p[0] <= box.east && p[1] >= box.south && p[1] <= box.north;
}

function clamp(p: Point, box: Box): Point {
  return [Math.min(box.east, Math.max(box.west, p[0])), Math.min(box.north, Math.max(box.south, p[1]))];
}

/** Where a segment enters and leaves the box, as parameters 0..1 (Liang-Barsky), or null if it misses it. */
function crossing(a: Point, b: Point, box: Box): [number, number] | null {
  let t0 = 0;
  let t1 = 1;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const edges: [number, number][] = [
    [-dx, a[0] - box.west],
    [dx, box.east - a[0]],
    [-dy, a[1] - box.south],
    [dy, box.north - a[1]],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
    }
  }
  return t0 <= t1 ? [t0, t1] : null;
}

function onEdge(p: Point, box: Box): string | null {
  if (p[0] === box.west) return 'w';
  if (p[0] === box.east) return 'e';
  if (p[1] === box.south) return 's';
  if (p[1] === box.north) return 'n';
  return null;
}

/**
 * Cuts an arc to the box by clamping: parts outside slide onto the box's edge. Done per arc, every country that
 * shares an arc gets the same cut, so the topology (and shared borders) survive. Rings that end up entirely on
 * the edge have no area and are dropped later.
 */
function clipArc(points: Point[], box: Box): Point[] {
  const out: Point[] = [];
  const push = (p: Point) => {
    const q = clamp(p, box);
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  };
  points.forEach((p, i) => {
    if (i > 0) {
      const a = points[i - 1]!;
      if (!inside(a, box) || !inside(p, box)) {
        const hit = crossing(a, p, box);
        if (hit) {
          for (const t of hit) if (t > 0 && t < 1) push([a[0] + t * (p[0] - a[0]), a[1] + t * (p[1] - a[1])]);
        }
      }
    }
    push(p);
  });
  // Points strictly between two others on the same edge add nothing.
  const trimmed = out.filter((p, i) => {
    if (i === 0 || i === out.length - 1) return true;
    const edge = onEdge(p, box);
    return !(edge && onEdge(out[i - 1]!, box) === edge && onEdge(out[i + 1]!, box) === edge);
  });
  if (trimmed.length === 1) trimmed.push(trimmed[0]!);
  return trimmed;
}

/** Inserts points along long runs on the box's edge (see DENSIFY_DEGREES). */
function densifyEdges(points: Point[], box: Box): Point[] {
  const out: Point[] = [];
  points.forEach((p, i) => {
    if (i > 0) {
      const a = points[i - 1]!;
      const edge = onEdge(a, box);
      if (edge && onEdge(p, box) === edge) {
        const steps = Math.floor(Math.max(Math.abs(p[0] - a[0]), Math.abs(p[1] - a[1])) / DENSIFY_DEGREES);
        for (let s = 1; s < steps; s++) out.push([a[0] + ((p[0] - a[0]) * s) / steps, a[1] + ((p[1] - a[1]) * s) / steps]);
      }
    }
    out.push(p);
  });
  return out;
}

function ringPoints(ring: Ring, arcs: Point[][]): Point[] {
  const points: Point[] = [];
  for (const index of ring) {
    const arc = index < 0 ? [...arcs[~index]!].reverse() : arcs[index]!;
    arc.forEach((p, i) => {
      if (i > 0 || points.length === 0) points.push(p);
    });
  }
  return points;
}

/** Area in km² (planar, local equirectangular); the sign is lost on purpose, orientation is not used here. */
function ringAreaKm2(points: Point[]): number {
  if (points.length < 4) return 0;
  const meanLat = points.reduce((sum, p) => sum + p[1], 0) / points.length;
  const cosLat = Math.cos((meanLat * Math.PI) / 180);
  let sum = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const a = toKm(points[i]!, cosLat);
    const b = toKm(points[i + 1]!, cosLat);
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(sum) / 2;
}

/** A point well inside the polygon (close to the pole of inaccessibility), searched on a grid inside `box`. */
function labelPoint(rings: Point[][], box: Box): Point | null {
  const outer = rings[0]!;
  const lons = outer.map((p) => p[0]);
  const lats = outer.map((p) => p[1]);
  const west = Math.max(box.west, Math.min(...lons));
  const east = Math.min(box.east, Math.max(...lons));
  const south = Math.max(box.south, Math.min(...lats));
  const north = Math.min(box.north, Math.max(...lats));
  if (west >= east || south >= north) return null;
  const meanLat = (south + north) / 2;
  const cosLat = Math.cos((meanLat * Math.PI) / 180);
  const edgesKm = rings.map((ring) => ring.map((p) => toKm(p, cosLat)));
  const polygon = { type: 'Polygon', coordinates: rings } as GeoJSON.Polygon;
  let best: Point | null = null;
  let bestScore = -1;
  const steps = 48;
  for (let i = 0; i <= steps; i++) {
    for (let j = 0; j <= steps; j++) {
      const p: Point = [west + ((east - west) * i) / steps, south + ((north - south) * j) / steps];
      if (!geoContains(polygon, p)) continue;
      const pk = toKm(p, cosLat);
      let d = Infinity;
      for (const ring of edgesKm) for (let k = 0; k < ring.length - 1; k++) d = Math.min(d, segmentDistance(pk, ring[k]!, ring[k + 1]!));
      // Also keep clear of the label box's edges, so the label sits in the part of the country that is shown.
      const margin = Math.min(p[0] - box.west, box.east - p[0]) * KM_PER_DEGREE * cosLat;
      const marginLat = Math.min(p[1] - box.south, box.north - p[1]) * KM_PER_DEGREE;
      const score = Math.min(d, margin, marginLat);
      if (score > bestScore) {
        bestScore = score;
        best = p;
      }
    }
  }
  return best ? [round(best[0], 2), round(best[1], 2)] : null;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

// ---------------------------------------------------------------------------------------------------------------

/** The region file's text: TopoJSON with one object, `countries` (id: ISO 3166 numeric; name; label: [lon, lat]). */
export function buildRegion(world: Topology = readAtlas('countries-50m.json')): string {
  const box = REGION_BOX;
  const geometries = recogniseBorders(world);
  const sourceArcs = decodeArcs(world);
  const arcCache = new Map<number, Point[]>();
  const cutArc = (index: number): Point[] => {
    let arc = arcCache.get(index);
    if (!arc) {
      const source = sourceArcs[index]!;
      const tolerance = source.some((p) => inside(p, CORE_BOX)) ? REGION_TOLERANCE_KM : PERIPHERY_TOLERANCE_KM;
      arc = densifyEdges(simplify(clipArc(source, box), tolerance), box);
      arcCache.set(index, arc);
    }
    return arc;
  };
  const arcsFor = (ring: Ring): Point[][] => {
    const arcs: Point[][] = [];
    for (const index of ring) arcs[index < 0 ? ~index : index] = cutArc(index < 0 ? ~index : index);
    return arcs;
  };

  interface Kept {
    id: string;
    name: string;
    polygons: PolygonArcs[];
    label: Point | null;
  }
  const kept: Kept[] = [];
  for (const geometry of geometries) {
    const named = geometry as Named;
    const polygons: { arcs: PolygonArcs; area: number; rings: Point[][] }[] = [];
    for (const polygon of polygonsOf(geometry)) {
      const rings = polygon.map((ring) => ({ ring, points: ringPoints(ring, arcsFor(ring)) }));
      const live = rings.filter(({ points }) => ringAreaKm2(points) > 1 && points.some((p) => !onEdge(p, box)));
      if (live.length === 0 || live[0]!.ring !== polygon[0]) continue;
      polygons.push({ arcs: live.map(({ ring }) => ring), area: ringAreaKm2(live[0]!.points), rings: live.map(({ points }) => points) });
    }
    if (polygons.length === 0) continue;
    const largest = polygons.reduce((a, b) => (b.area > a.area ? b : a));
    const big = polygons.filter((p) => p === largest || p.area >= MIN_ISLAND_KM2);
    kept.push({
      id: String(named.id ?? ''),
      name: named.properties?.name ?? '',
      polygons: big.map((p) => p.arcs),
      label: labelPoint(largest.rings, LABEL_BOX),
    });
  }

  // Renumber the arcs that survive, in order of first use, and quantize them onto the grid.
  const newIndex = new Map<number, number>();
  const arcsOut: number[][][] = [];
  const translate: Point = [box.west, box.south];
  const quantize = (p: Point): Point => [Math.round((p[0] - translate[0]) / REGION_STEP), Math.round((p[1] - translate[1]) / REGION_STEP)];
  const renumber = (index: number): number => {
    const source = index < 0 ? ~index : index;
    let target = newIndex.get(source);
    if (target === undefined) {
      target = arcsOut.length;
      newIndex.set(source, target);
      const grid: Point[] = [];
      for (const p of cutArc(source)) {
        const q = quantize(p);
        const last = grid[grid.length - 1];
        if (!last || last[0] !== q[0] || last[1] !== q[1]) grid.push(q);
      }
      if (grid.length === 1) grid.push(grid[0]!);
      arcsOut.push(grid.map((q, i) => (i === 0 ? q : [q[0] - grid[i - 1]![0], q[1] - grid[i - 1]![1]])));
    }
    return index < 0 ? ~target : target;
  };
  const objects = kept.map(({ id, name, polygons, label }) => {
    const arcs = polygons.map((polygon) => polygon.map((ring) => ring.map(renumber)));
    const properties = label ? { name, label } : { name };
    return arcs.length === 1
      ? { type: 'Polygon', arcs: arcs[0], id, properties }
      : { type: 'MultiPolygon', arcs, id, properties };
  });
  const topology = {
    type: 'Topology',
    bbox: [box.west, box.south, box.east, box.north],
    transform: { scale: [REGION_STEP, REGION_STEP], translate },
    objects: { countries: { type: 'GeometryCollection', geometries: objects } },
    arcs: arcsOut,
  };
  return `${JSON.stringify(topology)}\n`;
}

/** The outline module's text: Ukraine's rings in thousandths of a degree, each point as a step from the last. */
export function buildUkraineOutline(world: Topology = readAtlas('countries-10m.json')): string {
  const geometries = recogniseBorders(world);
  const ukraine = geometries.find((g) => String(g.id) === UKRAINE)!;
  const shape = feature(world, ukraine) as GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>;
  const polygons = shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates;
  const rings: string[] = [];
  let points = 0;
  for (const polygon of polygons) {
    for (const ring of polygon as Point[][]) {
      // Split each ring at its far side so both halves keep a fixed end, then simplify them.
      const start = ring[0]!;
      let far = 0;
      let farDistance = -1;
      ring.forEach((p, i) => {
        const d = Math.hypot(p[0] - start[0], p[1] - start[1]);
        if (d > farDistance) {
          farDistance = d;
          far = i;
        }
      });
      const simple = [...simplify(ring.slice(0, far + 1), OUTLINE_TOLERANCE_KM), ...simplify(ring.slice(far), OUTLINE_TOLERANCE_KM).slice(1)];
      const grid = simple.map(([lon, lat]) => [Math.round(lon * 1000), Math.round(lat * 1000)] as Point);
      const steps: number[] = [];
      grid.forEach((q, i) => {
        const previous = grid[i - 1];
        if (previous && previous[0] === q[0] && previous[1] === q[1]) return;
        steps.push(previous ? q[0] - previous[0] : q[0], previous ? q[1] - previous[1] : q[1]);
      });
      points += steps.length / 2;
      rings.push(`  [${steps.join(',')}],`);
    }
  }
  return [
    '// Generated by scripts/build-geography.ts from world-atlas countries-10m.json (Natural Earth 1:10m). Do not edit:',
    '// change the script and run `npx tsx scripts/build-geography.ts`.',
    '',
    '/**',
    ' * Ukraine\u2019s internationally recognised outline (Crimea included), simplified to within',
    ` * ${OUTLINE_TOLERANCE_KM} km, ${points} points. Each ring lists longitude, latitude pairs in thousandths of a degree: the`,
    ' * first pair absolute, each later pair as the step from the one before. Decode with `decodeOutline` (geo.ts).',
    ' */',
    'export const UKRAINE_OUTLINE_STEPS: readonly (readonly number[])[] = [',
    ...rings,
    '];',
    '',
  ].join('\n');
}

export function buildGeography(): { path: string; text: string }[] {
  return [
    { path: REGION_FILE, text: buildRegion() },
    { path: OUTLINE_FILE, text: buildUkraineOutline() },
  ];
}

function main(): void {
  for (const { path, text } of buildGeography()) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    const raw = Buffer.byteLength(text);
    const gz = gzipSync(text, { level: 9 }).length;
    console.log(`${relative(root, target)}: ${(raw / 1024).toFixed(1)} kB, ${(gz / 1024).toFixed(1)} kB gzipped`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
