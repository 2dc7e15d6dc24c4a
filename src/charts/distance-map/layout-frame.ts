/** Framing: the projection, the named regions, and the view (zoom and offset) that frames a state's places and regions. */
import { geoConicEqualArea, geoPath, type GeoProjection } from 'd3';
import { splitIds, type ChartState } from '../shared/schema.ts';
import type { Size } from '../shared/types.ts';
import { measurement } from './measure.ts';
import { MAP_EXTENT, MAP_REGIONS, type PlaceRow } from './schema.ts';
import { type View } from './layout-marks.ts';

export type MapRegion = (typeof MAP_REGIONS)[number];

interface Box {
  readonly west: number;
  readonly east: number;
  readonly south: number;
  readonly north: number;
}

/** What each named region frames, in degrees. */
export interface RegionFrame extends Box {
  /** How the sentence names the region. */
  readonly phrase: string;
  /** Kinds of place the region is about: their labels come first, and the sentence names them. */
  readonly kinds?: readonly string[];
}

/** What each named region frames, in degrees. */
export const REGION_FRAMES: Readonly<Record<MapRegion, RegionFrame>> = {
  ukraine: { west: 22.1, east: 40.2, south: 44.4, north: 52.4, phrase: 'Ukraine' },
  'russia-west': { west: 30, east: 46, south: 47.5, north: 58, phrase: 'western Russia and eastern Ukraine' },
  caucasus: { west: 37.5, east: 50, south: 38.6, north: 45.2, phrase: 'the Caucasus' },
  'middle-east': { west: 32, east: 48.5, south: 29.5, north: 38.5, phrase: 'Syria and Iraq', kinds: ['isis', 'russian'] },
  // The id is the story's; the words say only what the places' rows say (each place with its kind and years).
  'isis-reach': { west: 35, east: 71, south: 33, north: 56.5, phrase: 'the region from Syria to Afghanistan', kinds: ['attack', 'isis', 'russian'] },
};

/** A single place is shown with its surroundings; several places are framed tightly, but never closer than this. */
export const SINGLE_PLACE_SPAN_KM = 800;
export const MIN_SPAN_KM = 120;

export const BASE_SCALE = 1000;

/** The projection every state shares: Albers, standard parallels 35° and 55° N, centred on 45° E. */
export function baseProjection(): GeoProjection {
  return geoConicEqualArea().parallels([35, 55]).rotate([-45, 0]).center([0, 45]).scale(BASE_SCALE).translate([0, 0]).precision(0.1);
}

export const projection = baseProjection();
export const basePath = geoPath(projection).digits(2);

export function project(point: readonly [number, number]): [number, number] {
  return projection([point[0], point[1]]) ?? [0, 0];
}

/** The points a state must show: focused places and regions, and both ends of a measured line. */
export function frameTargets(rows: readonly PlaceRow[], state: ChartState): { points: [number, number][]; regions: RegionFrame[] } {
  const points: [number, number][] = [];
  const regions: RegionFrame[] = [];
  for (const id of splitIds(state.focus ?? '')) {
    const region = REGION_FRAMES[id as MapRegion];
    if (region) {
      regions.push(region);
      // Edges, sampled: parallels are curves in a conic projection, so corners alone would cut them.
      for (let i = 0; i <= 12; i++) {
        const lon = region.west + ((region.east - region.west) * i) / 12;
        points.push([lon, region.south], [lon, region.north]);
      }
      for (let i = 1; i < 6; i++) {
        const lat = region.south + ((region.north - region.south) * i) / 6;
        points.push([region.west, lat], [region.east, lat]);
      }
      continue;
    }
    const row = rows.find((r) => r.id === id);
    if (row) points.push([row.lon, row.lat]);
  }
  const measured = measurement(rows, state.measure ?? '');
  if (measured) points.push([measured.from.lon, measured.from.lat], measured.toPoint);
  return { points, regions };
}

/** Space kept clear along the frame's edges (a notice at the top), in px. */
export interface Insets {
  readonly top: number;
}

/** Fits the view to the state's targets at this size. */
export function fitView(rows: readonly PlaceRow[], state: ChartState, size: Size, insets: Insets = { top: 0 }): View {
  const { points, regions } = frameTargets(rows, state);
  const projected = (points.length ? points : [[37.6, 55.75] as [number, number]]).map(project);
  let x0 = Math.min(...projected.map((p) => p[0]));
  let x1 = Math.max(...projected.map((p) => p[0]));
  let y0 = Math.min(...projected.map((p) => p[1]));
  let y1 = Math.max(...projected.map((p) => p[1]));
  const single = regions.length === 0 && new Set(points.map((p) => p.join())).size <= 1;
  const minSpan = ((single ? SINGLE_PLACE_SPAN_KM : MIN_SPAN_KM) / 6371) * BASE_SCALE;
  if (x1 - x0 < minSpan && y1 - y0 < minSpan) {
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    [x0, x1, y0, y1] = [cx - minSpan / 2, cx + minSpan / 2, cy - minSpan / 2, cy + minSpan / 2];
  }
  // Room around the targets for labels; a region already has its own margin.
  const padX = Math.max(regions.length ? 12 : 36, size.width * (regions.length ? 0.03 : 0.1));
  const padY = Math.max(regions.length ? 12 : 30, size.height * (regions.length ? 0.03 : 0.1));
  const top = padY + insets.top;
  const usableHeight = Math.max(size.height - top - padY, 1);
  const k = Math.min((size.width - 2 * padX) / Math.max(x1 - x0, 1e-6), usableHeight / Math.max(y1 - y0, 1e-6));
  const x = size.width / 2 - ((x0 + x1) / 2) * k;
  const y = top + usableHeight / 2 - ((y0 + y1) / 2) * k;
  // Where the frame is wider (or taller) than its targets need, slide it so it shows as little as possible
  // beyond the geography's extent: first up or down, then sideways, within the room the targets leave.
  const view = { k, x, y };
  const vertical = slideRange(-y / k, (size.height - y) / k, y0 - top / k, y1 + padY / k);
  view.y -= bestShift(vertical, (d) => overflow({ ...view, y: y - d * k }, size)) * k;
  const horizontal = slideRange(-x / k, (size.width - x) / k, x0 - padX / k, x1 + padX / k);
  view.x -= bestShift(horizontal, (d) => overflow({ ...view, x: x - d * k }, size)) * k;
  return view;
}

/** How far a visible span [v0, v1] may move (in base units) and still show the targets [t0, t1]. */
function slideRange(v0: number, v1: number, t0: number, t1: number): [number, number] {
  return [Math.min(0, t1 - v1), Math.max(0, t0 - v0)];
}

/** The shift in [least, most] with the least overflow; among equals, the smallest move. */
function bestShift([least, most]: [number, number], cost: (shift: number) => number): number {
  if (most - least < 1e-9) return 0;
  let best = 0;
  let bestCost = cost(0);
  if (bestCost === 0) return 0;
  for (let i = 0; i <= 20; i++) {
    const shift = least + ((most - least) * i) / 20;
    const c = cost(shift);
    if (c < bestCost - 1e-9 || (Math.abs(c - bestCost) <= 1e-9 && Math.abs(shift) < Math.abs(best))) {
      best = shift;
      bestCost = c;
    }
  }
  return best;
}

/** How far (in degrees, summed over points along the frame's edges) a view reaches beyond the geography. */
function overflow(view: View, size: Size): number {
  const { west, east, south, north } = MAP_EXTENT;
  let total = 0;
  for (let i = 0; i <= 8; i++) {
    const sx = (size.width * i) / 8;
    const sy = (size.height * i) / 8;
    for (const [px, py] of [
      [sx, 0],
      [sx, size.height],
      [0, sy],
      [size.width, sy],
    ] as [number, number][]) {
      const point = projection.invert?.([(px - view.x) / view.k, (py - view.y) / view.k]);
      if (!point) continue;
      const [lon, lat] = point;
      total += Math.max(0, west - lon) + Math.max(0, lon - east) + Math.max(0, south - lat) + Math.max(0, lat - north);
    }
  }
  return total;
}

/** The places a state shows, without knowing the size: the targets' box, widened by a sixth. */
export function framedPlaces(rows: readonly PlaceRow[], state: ChartState): PlaceRow[] {
  const { points } = frameTargets(rows, state);
  if (!points.length) return [];
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const padLon = Math.max(1, (Math.max(...lons) - Math.min(...lons)) / 6);
  const padLat = Math.max(0.6, (Math.max(...lats) - Math.min(...lats)) / 6);
  return rows.filter(
    (row) =>
      row.lon >= Math.min(...lons) - padLon &&
      row.lon <= Math.max(...lons) + padLon &&
      row.lat >= Math.min(...lats) - padLat &&
      row.lat <= Math.max(...lats) + padLat,
  );
}

/** Places inside a region's own box (not its margins), the kinds it is about first. */
export function placesInRegion(rows: readonly PlaceRow[], region: RegionFrame): PlaceRow[] {
  const inside = rows.filter((row) => row.lon >= region.west && row.lon <= region.east && row.lat >= region.south && row.lat <= region.north);
  if (!region.kinds) return inside;
  return inside.filter((row) => region.kinds!.includes(row.kind));
}

/** A frame this narrow has no corner to spare: the legend goes in a strip across the top, names are smaller. */
export const isNarrowFrame = (width: number): boolean => width < 520;
