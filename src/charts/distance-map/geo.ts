/**
 * Distances on the sphere, for the distance map: place to place, and place to the nearest point of Ukraine's
 * border. Pure functions of coordinates and geometry, with no DOM, so Node tests them directly.
 *
 * Everything is measured on a sphere of radius 6,371 km (d3-geo's `geoDistance` gives the angle). The Earth's
 * flattening moves these distances by well under 1 %, which is below the rounding the map shows.
 */
import { geoContains, geoDistance } from 'd3';
import { UKRAINE_OUTLINE_STEPS } from './ukraine-outline.ts';
import { formatTenths } from '../shared/wording.ts';

/** Longitude, latitude in degrees. */
export type LonLat = readonly [number, number];

export const EARTH_RADIUS_KM = 6371;

/** Great-circle distance in km. */
export function distanceKm(a: LonLat, b: LonLat): number {
  return geoDistance(a as [number, number], b as [number, number]) * EARTH_RADIUS_KM;
}

type Vector = [number, number, number];

function toVector([lon, lat]: LonLat): Vector {
  const l = (lon * Math.PI) / 180;
  const p = (lat * Math.PI) / 180;
  return [Math.cos(p) * Math.cos(l), Math.cos(p) * Math.sin(l), Math.sin(p)];
}

function toLonLat([x, y, z]: Vector): [number, number] {
  return [(Math.atan2(y, x) * 180) / Math.PI, (Math.asin(Math.max(-1, Math.min(1, z))) * 180) / Math.PI];
}

function cross(a: Vector, b: Vector): Vector {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function dot(a: Vector, b: Vector): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

export interface NearestPoint {
  /** The nearest point, longitude and latitude in degrees. */
  readonly point: [number, number];
  readonly km: number;
}

/**
 * The point of the great-circle segment a-b nearest to p. The segment's plane has normal n = a x b; p's foot on
 * that great circle is p minus its component along n. If the foot falls between a and b it is the answer,
 * otherwise the nearer end is.
 */
export function nearestOnSegment(p: LonLat, a: LonLat, b: LonLat): NearestPoint {
  return nearestOnArc(toVector(p), a, toVector(a), b, toVector(b), () => distanceKm(p, a), () => distanceKm(p, b));
}

/**
 * nearestOnSegment with the unit vectors of the point, a and b given, and the distances to a and b asked for only when the
 * foot falls outside the segment: a search along a ring reuses each vertex's vector and distance for both of its
 * segments. The same arithmetic, so the same answer to the last bit.
 */
function nearestOnArc(P: Vector, a: LonLat, A: Vector, b: LonLat, B: Vector, toA: () => number, toB: () => number): NearestPoint {
  const n = cross(A, B);
  const length = Math.hypot(n[0], n[1], n[2]);
  if (length > 1e-12) {
    const unit: Vector = [n[0] / length, n[1] / length, n[2] / length];
    const along = dot(P, unit);
    const foot: Vector = [P[0] - along * unit[0], P[1] - along * unit[1], P[2] - along * unit[2]];
    const footLength = Math.hypot(foot[0], foot[1], foot[2]);
    if (footLength > 1e-12 && dot(cross(A, foot), unit) >= 0 && dot(cross(foot, B), unit) >= 0) {
      const point = toLonLat(foot);
      return { point, km: Math.asin(Math.min(1, Math.abs(along))) * EARTH_RADIUS_KM };
    }
  }
  const kmA = toA();
  const kmB = toB();
  return kmA <= kmB ? { point: [a[0], a[1]], km: kmA } : { point: [b[0], b[1]], km: kmB };
}

/** Each ring's vertices as unit vectors and each segment's length in km, kept per ring (the border's never change). */
const ringGeometry = new WeakMap<readonly LonLat[], { vectors: Vector[]; segmentKm: Float64Array }>();

function geometryOf(ring: readonly LonLat[]): { vectors: Vector[]; segmentKm: Float64Array } {
  let geometry = ringGeometry.get(ring);
  if (!geometry) {
    const vectors = ring.map(toVector);
    const segmentKm = new Float64Array(Math.max(0, ring.length - 1));
    for (let i = 0; i < segmentKm.length; i++) segmentKm[i] = angleBetween(vectors[i]!, vectors[i + 1]!) * EARTH_RADIUS_KM;
    geometry = { vectors, segmentKm };
    ringGeometry.set(ring, geometry);
  }
  return geometry;
}

/** The angle between two unit vectors, in radians (coarse near 0: used only for bounds, with BOUND_SLACK_KM). */
function angleBetween(a: Vector, b: Vector): number {
  return Math.acos(Math.max(-1, Math.min(1, dot(a, b))));
}

/** How much a bound may be off by arithmetic (acos near 1), in km: far more than it is, far less than any gap. */
const BOUND_SLACK_KM = 0.01;

/**
 * The point of any ring (closed lists of points) nearest to p: the minimum over every segment. Most segments are
 * ruled out without the exact search: every point of a segment lies at least (the farther end's distance less
 * the segment's length) from p, and one whose bound is beyond the nearest vertex cannot hold the answer. The
 * segments left are searched in order as before, so the answer is the same to the last bit.
 */
export function nearestOnRings(p: LonLat, rings: readonly (readonly LonLat[])[]): NearestPoint {
  const P = toVector(p);
  const geometries = rings.map(geometryOf);
  const vertexKm = geometries.map(({ vectors }) => vectors.map((vector) => angleBetween(P, vector) * EARTH_RADIUS_KM));
  const nearestVertexKm = Math.min(...vertexKm.map((kms) => Math.min(...kms)));
  let best: NearestPoint | null = null;
  rings.forEach((ring, r) => {
    const { vectors, segmentKm } = geometries[r]!;
    const roughKm = vertexKm[r]!;
    const km: (number | undefined)[] = [];
    const kmTo = (i: number) => (km[i] ??= distanceKm(p, ring[i]!));
    for (let i = 0; i < ring.length - 1; i++) {
      if (Math.max(roughKm[i]!, roughKm[i + 1]!) - segmentKm[i]! > nearestVertexKm + BOUND_SLACK_KM) continue;
      const candidate = nearestOnArc(P, ring[i]!, vectors[i]!, ring[i + 1]!, vectors[i + 1]!, () => kmTo(i), () => kmTo(i + 1));
      if (!best || candidate.km < best.km) best = candidate;
    }
  });
  if (!best) throw new RangeError('nearestOnRings needs at least one ring with two points');
  return best;
}

/** Decodes outline steps (see ukraine-outline.ts) into rings of [lon, lat] in degrees. */
export function decodeOutline(steps: readonly (readonly number[])[]): [number, number][][] {
  return steps.map((ring) => {
    const points: [number, number][] = [];
    let lon = 0;
    let lat = 0;
    for (let i = 0; i + 1 < ring.length; i += 2) {
      lon += ring[i]!;
      lat += ring[i + 1]!;
      points.push([lon / 1000, lat / 1000]);
    }
    return points;
  });
}

let outline: [number, number][][] | undefined;

/** Ukraine's internationally recognised outline (Crimea included), bundled with the chart. */
export function ukraineOutline(): [number, number][][] {
  outline ??= decodeOutline(UKRAINE_OUTLINE_STEPS);
  return outline;
}

let outlineShape: GeoJSON.MultiPolygon | undefined;

/** The outline as GeoJSON (each ring its own polygon: the outline has no holes), for drawing and containment. */
export function ukraineShape(): GeoJSON.MultiPolygon {
  outlineShape ??= { type: 'MultiPolygon', coordinates: ukraineOutline().map((ring) => [ring]) };
  return outlineShape;
}

/*
 * The outline never changes while a page is open, and a chart asks about the same few places on every render (its
 * sentence, its table, its source line, its marks): each answer is computed once per place, not once per render.
 */
const insideCache = new Map<string, boolean>();
const nearestCache = new Map<string, NearestPoint>();
const key = (p: LonLat) => `${p[0]},${p[1]}`;

export function insideUkraine(p: LonLat): boolean {
  let inside = insideCache.get(key(p));
  if (inside === undefined) {
    inside = geoContains(ukraineShape(), p as [number, number]);
    insideCache.set(key(p), inside);
  }
  return inside;
}

/** The nearest point of Ukraine's border (land border or coast) and its distance in km. */
export function nearestBorderPoint(p: LonLat): NearestPoint {
  let nearest = nearestCache.get(key(p));
  if (!nearest) {
    nearest = nearestOnRings(p, ukraineOutline());
    nearestCache.set(key(p), nearest);
  }
  return nearest;
}

/**
 * Rounds a distance for display: to the nearest 5 km from 100 km up (the border outline and the places' own
 * extent make finer figures spurious), to the nearest km from 20 km, and to 0.1 km below that, where a city's
 * distances are what is compared.
 */
export function roundKm(km: number): number {
  if (km >= 100) return Math.round(km / 5) * 5;
  if (km >= 20) return Math.round(km);
  return Math.round(km * 10) / 10;
}

/** "770 km", "16.4 km", "1,430 km". */
export function formatKm(km: number): string {
  return `${formatTenths(km)} km`;
}
