/** The map's geography, projected once per topology into base coordinates (see layout.ts). */
import { geoGraticule } from 'd3';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { ukraineShape } from './geo.ts';
import { basePath, project } from './layout-frame.ts';
import { type CountryMark } from './layout-marks.ts';
import { runToEnd } from '../shared/background.ts';

export interface BaseGeography {
  readonly key: string;
  readonly countries: CountryMark[];
  readonly borders: string;
  readonly coast: string;
  readonly russiaBorder: string;
  readonly ukraineOutline: string;
  readonly labels: { id: string; text: string; base: [number, number]; width: number; emphasis: boolean; rings?: [number, number][][] }[];
}

const UKRAINE_ID = '804';
const RUSSIA_ID = '643';
const baseCache = new WeakMap<Topology, BaseGeography>();
let topologyCount = 0;

export function role(id: string): CountryMark['role'] {
  return id === UKRAINE_ID ? 'ukraine' : id === RUSSIA_ID ? 'russia' : 'other';
}

/** The geography in base coordinates: computed once per topology (at once, or finishing what `prepareGeography` began). */
export function baseGeography(topology: Topology): BaseGeography {
  const cached = baseCache.get(topology);
  if (cached) return cached;
  runToEnd(projectionSteps(topology));
  return baseCache.get(topology)!;
}

/**
 * The projection of a topology as steps, to run ahead of need a country at a time (the map element runs them in
 * background slices: about 25 ms of work on a phone, which done at once on the map's first draw stalled that
 * frame). One projection per topology, however many callers ask: a caller that needs it now finishes it.
 */
const inProgress = new WeakMap<Topology, Iterator<unknown, void>>();
export function projectionSteps(topology: Topology): Iterator<unknown, void> {
  let steps = inProgress.get(topology);
  if (!steps) {
    steps = projectTopology(topology);
    inProgress.set(topology, steps);
  }
  return steps;
}

/** The projection, with a place to pause (`yield`) after each country and each shared outline. */
function* projectTopology(topology: Topology): Generator<void, void> {
  type Properties = { name?: string; label?: [number, number] };
  const object = topology.objects.countries as GeometryCollection<Properties>;
  const geometries = object.geometries as (GeometryObject<Properties> & { properties?: Properties })[];
  const countries: CountryMark[] = [];
  const labels: BaseGeography['labels'] = [];
  for (const geometry of geometries) {
    const id = String(geometry.id ?? '');
    const name = geometry.properties?.name ?? '';
    const shape = feature(topology, geometry) as GeoJSON.Feature;
    const d = yield* pathInSteps(shape.geometry);
    if (!d) continue;
    countries.push({ id, name, role: role(id), d });
    const label = geometry.properties?.label;
    // Names Natural Earth abbreviates ("N. Cyprus", "Bosnia and Herz.") are left unlabelled.
    if (label && !name.includes('.')) {
      yield;
      const [[x0], [x1]] = basePath.bounds(shape);
      const emphasis = id === UKRAINE_ID || id === RUSSIA_ID;
      // Ukraine and Russia keep their names in any view that shows enough of them: their outlines, projected,
      // let the layout find room inside the part in view.
      const rings = emphasis ? projectedRings(shape.geometry) : undefined;
      labels.push({ id, text: name.toUpperCase(), base: project(label), width: x1 - x0, emphasis, ...(rings ? { rings } : {}) });
      if (rings) {
        yield;
        edgeIndex(rings);
      }
    }
    yield;
  }
  const isId = (g: GeometryObject, id: string) => String(g.id) === id;
  function* meshPath(filter: (a: GeometryObject, b: GeometryObject) => boolean): Generator<void, string> {
    const lines = mesh(topology, object, filter);
    yield;
    return yield* pathInSteps(lines);
  }
  const borders = yield* meshPath((a, b) => a !== b);
  const coast = yield* meshPath((a, b) => a === b);
  const russiaBorder = yield* meshPath((a, b) => a !== b && (isId(a, RUSSIA_ID) || isId(b, RUSSIA_ID)));
  const ukraineOutline = yield* meshPath((a, b) => isId(a, UKRAINE_ID) || isId(b, UKRAINE_ID));
  baseCache.set(topology, { key: `topology-${++topologyCount}`, countries, borders, coast, russiaBorder, ukraineOutline, labels });
}

/** About how many points of outline a step of `pathInSteps` projects: 2 to 5 ms on a desktop, under 20 on a phone. */
const POINTS_PER_STEP = 500;

/**
 * A geometry's path in base coordinates, projected a few lines or polygons at a time, with a place to pause
 * (`yield`) after each: the borders' mesh, projected at once (about 2,900 points, resampled as they are projected),
 * took 15 to 30 ms on a desktop and a long task on a phone. The path of several lines or polygons is their paths one
 * after another: each is projected, clipped and written on its own.
 */
function* pathInSteps(geometry: GeoJSON.Geometry | null): Generator<void, string> {
  if (!geometry) return '';
  if (geometry.type !== 'MultiLineString' && geometry.type !== 'MultiPolygon') return basePath(geometry) ?? '';
  const { type } = geometry;
  // A line is a list of points; a polygon a list of rings.
  const pointsIn = (part: GeoJSON.Position[] | GeoJSON.Position[][]): number =>
    type === 'MultiLineString' ? part.length : (part as GeoJSON.Position[][]).reduce((sum, ring) => sum + ring.length, 0);
  const pathOf = (coordinates: unknown[]): string => basePath({ type, coordinates } as GeoJSON.Geometry) ?? '';
  let d = '';
  let chunk: unknown[] = [];
  let points = 0;
  for (const part of geometry.coordinates) {
    chunk.push(part);
    points += pointsIn(part);
    if (points >= POINTS_PER_STEP) {
      d += pathOf(chunk);
      chunk = [];
      points = 0;
      yield;
    }
  }
  return d + (chunk.length ? pathOf(chunk) : '');
}

function projectedRings(geometry: GeoJSON.Geometry): [number, number][][] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  return polygons.flatMap((polygon) => polygon.map((ring) => ring.map((p) => project([p[0]!, p[1]!]))));
}

/** Even-odd test in base coordinates: near enough for placing a name. */
export function insideRings([x, y]: readonly [number, number], rings: Rings): boolean {
  return insideAt(x, crossingsAt(y, rings));
}

/**
 * Where the horizontal line at base y crosses the rings' edges, in base x, sorted: the same crossings the even-odd
 * test counts, computed once for a whole row of points (a scan over a grid asks about many x at each y). Only the
 * edges in y's band of the rings' index are looked at (edgeIndex), not every edge of Russia's coasts.
 */
export function crossingsAt(y: number, rings: Rings): number[] {
  const { bands, bandAt } = edgeIndex(rings);
  const crossings: number[] = [];
  // Above the rings' top there is no band (no edge crosses there); below their bottom, the last band's edges
  // all lie above y and none crosses either.
  const edges = bands[bandAt(y)] ?? [];
  for (let e = 0; e < edges.length; e += 4) {
    // Plain reads, not a destructured array: this loop runs for every row of every name's search, and the array
    // made it a quarter slower (twice as slow on its first runs).
    const xi = edges[e]!;
    const yi = edges[e + 1]!;
    const xj = edges[e + 2]!;
    const yj = edges[e + 3]!;
    if (yi > y !== yj > y) crossings.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
  }
  return crossings.sort((a, b) => a - b);
}

type Rings = readonly (readonly [number, number][])[];

/** How many horizontal bands a set of rings' edges are sorted into. */
const EDGE_BANDS = 128;

/**
 * The rings' edges sorted into horizontal bands, each edge into every band its y range touches: a row's crossings
 * then test the edges of one band, a small part of the whole (a name's search for room scans forty-odd rows, each
 * of which tested every edge of Russia's outline, 13 ms of a map layout on a phone). Edges are kept flat, x0 y0 x1
 * y1, four numbers each. Built once per set of rings.
 */
interface EdgeIndex {
  readonly bands: readonly number[][];
  /** The band of base y: the one arithmetic for a row and for an edge's ends, so a row finds every edge it crosses. */
  bandAt(y: number): number;
}

const edgeIndexes = new WeakMap<Rings, EdgeIndex>();

export function edgeIndex(rings: Rings): EdgeIndex {
  let index = edgeIndexes.get(rings);
  if (index) return index;
  let top = Infinity;
  let bottom = -Infinity;
  for (const ring of rings) {
    for (const [, y] of ring) {
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
  }
  const height = (bottom - top) / EDGE_BANDS || 1;
  const bandAt = (y: number): number => Math.min(EDGE_BANDS - 1, Math.floor((y - top) / height));
  const bands: number[][] = Array.from({ length: EDGE_BANDS }, () => []);
  for (const ring of rings) {
    ring.forEach(([xi, yi], i) => {
      const [xj, yj] = ring[(i || ring.length) - 1]!;
      for (let band = bandAt(Math.min(yi, yj)); band <= bandAt(Math.max(yi, yj)); band++) bands[band]!.push(xi, yi, xj, yj);
    });
  }
  index = { bands, bandAt };
  edgeIndexes.set(rings, index);
  return index;
}

/** Whether base x is inside, on a row whose crossings are given: an odd number of them lie to its right. */
export function insideAt(x: number, crossings: readonly number[]): boolean {
  let lo = 0;
  let hi = crossings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (crossings[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return (crossings.length - lo) % 2 === 1;
}

let fallbackGeography: BaseGeography | undefined;

/** Without the region file, Ukraine's bundled outline still gives the places a shape to sit by. */
export function fallback(): BaseGeography {
  fallbackGeography ??= {
    key: 'fallback',
    countries: [{ id: UKRAINE_ID, name: 'Ukraine', role: 'ukraine', d: basePath(ukraineShape()) ?? '' }],
    borders: '',
    coast: '',
    russiaBorder: '',
    ukraineOutline: basePath(ukraineShape()) ?? '',
    labels: [],
  };
  return fallbackGeography;
}

let graticulePath: string | undefined;
export function graticule(): string {
  graticulePath ??= basePath(geoGraticule().extent([[0, 20], [90, 70]]).step([5, 5])()) ?? '';
  return graticulePath;
}

/** Seas worth naming, at points well inside them. */
export const SEAS: readonly { text: string; at: [number, number] }[] = [
  { text: 'Black Sea', at: [34.2, 43.2] },
  { text: 'Caspian Sea', at: [51.2, 42.6] },
  { text: 'Mediterranean Sea', at: [31.2, 33.6] },
];
