/**
 * The distance map's layout: from places, state, size and geography to marks, with no DOM.
 *
 * Geometry is projected once into "base" coordinates (a conic equal-area projection at a fixed scale), and each
 * state is a view onto them: screen = base * k + [x, y]. Borders are drawn in base coordinates under one SVG
 * transform, so a change of focus pans and zooms by animating that transform (and the marks that ride on it),
 * without re-projecting any shape. Place dots, labels and the measured line are placed in screen pixels, so
 * their size does not change with the zoom.
 */
import { geoConicEqualArea, geoGraticule, geoInterpolate, geoPath, type GeoProjection } from 'd3';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { splitIds, type ChartState } from '../shared/schema.ts';
import type { LayoutInput, Size, TextMeasure } from '../shared/types.ts';
import { estimateTextWidth } from '../shared/text-measure.ts';
import { wrapWords } from '../shared/text-width.ts';
import { distanceKm, formatKm, ukraineShape } from './geo.ts';
import { measurement, placeLabel, type Measurement } from './measure.ts';
import { BORDER, MAP_EXTENT, MAP_REGIONS, type PlaceKind, type PlaceRow } from './schema.ts';
import { KIND_LEGEND, KIND_ORDER, kindsOf, labelWithYears } from './kinds.ts';

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

const projection = baseProjection();
const basePath = geoPath(projection).digits(2);

function project(point: readonly [number, number]): [number, number] {
  return projection([point[0], point[1]]) ?? [0, 0];
}

// ---------------------------------------------------------------------------------------------------------------
// Marks

/** screen = base * k + [x, y] */
export interface View {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

export type GeographyStatus = 'waiting' | 'loading' | 'ready' | 'failed';

export interface MapGeography {
  readonly status: GeographyStatus;
  readonly topology?: Topology;
}

export interface CountryMark {
  readonly id: string;
  readonly name: string;
  readonly role: 'ukraine' | 'russia' | 'other';
  /** Path in base coordinates. */
  readonly d: string;
}

export interface LabelMark {
  readonly text: string;
  /** Offset of the text's anchor from the point it labels, in px. */
  readonly dx: number;
  readonly dy: number;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly size: number;
}

export interface PlaceMark {
  readonly id: string;
  readonly kind: string;
  readonly role: 'measure' | 'focus' | 'context';
  readonly base: [number, number];
  readonly x: number;
  readonly y: number;
  readonly r: number;
  /** False when the place is outside the frame or hidden under a more important one. */
  readonly shown: boolean;
  readonly label: LabelMark | null;
}

export interface MeasureMark {
  /** Identifies the measured pair, so a redraw of the same measure does not restart its entrance. */
  readonly key: string;
  readonly toBorder: boolean;
  /** The great circle, sampled, in base coordinates. */
  readonly line: [number, number][];
  readonly from: [number, number];
  readonly to: [number, number];
  /** The label rides on this point of the line (base coordinates). */
  readonly labelBase: [number, number];
  readonly label: { readonly lines: readonly string[]; readonly dx: number; readonly dy: number; readonly anchor: 'start' | 'middle' | 'end' };
  /** The marker at the nearest point of the border, with its label. */
  readonly borderLabel: LabelMark | null;
}

export interface TextMark {
  readonly key: string;
  readonly text: string;
  readonly base: [number, number];
  /** Where the text's anchor (its baseline's middle) lands on screen in this state. */
  readonly x: number;
  readonly y: number;
  /** The baseline's offset from `base`, in px. */
  readonly dy: number;
  readonly size: number;
  readonly kind: 'country' | 'sea';
  readonly emphasis: boolean;
}

export interface MapMarks {
  readonly width: number;
  readonly height: number;
  readonly view: View;
  readonly geographyStatus: GeographyStatus;
  /** Changes when the shapes below change (geography arrived, or failed and the fallback is drawn). */
  readonly geographyKey: string;
  readonly countries: readonly CountryMark[];
  /** Base-coordinate paths: interior borders, coasts, Russia's land border, Ukraine's outline; '' when absent. */
  readonly borders: string;
  readonly coast: string;
  readonly russiaBorder: string;
  readonly ukraineOutline: string;
  readonly graticule: string;
  readonly places: readonly PlaceMark[];
  readonly measure: MeasureMark | null;
  readonly texts: readonly TextMark[];
  readonly scale: { readonly x: number; readonly y: number; readonly px: number; readonly text: string } | null;
  readonly notice: { readonly lines: readonly string[]; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly size: number } | null;
  /** A locator map in a corner, for views too close in to recognise: the wider area, with this view outlined. */
  readonly inset: InsetMark | null;
  /** The key to the dots' kinds: one entry per kind of place shown. */
  readonly legend: LegendMark | null;
}

export interface LegendMark {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly size: number;
  /** Each entry's swatch centre, relative to the box; its text follows the swatch. */
  readonly items: readonly { readonly kind: PlaceKind; readonly text: string; readonly x: number; readonly y: number }[];
}

export interface InsetMark {
  /** The inset's box on screen. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The inset's own view of the base coordinates, relative to its box. */
  readonly view: View;
  /** The main view's frame, in the inset's pixels (at least a few px, so it stays visible). */
  readonly frame: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}


// ---------------------------------------------------------------------------------------------------------------
// Geography, projected once per topology

interface BaseGeography {
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

function role(id: string): CountryMark['role'] {
  return id === UKRAINE_ID ? 'ukraine' : id === RUSSIA_ID ? 'russia' : 'other';
}

function baseGeography(topology: Topology): BaseGeography {
  const cached = baseCache.get(topology);
  if (cached) return cached;
  type Properties = { name?: string; label?: [number, number] };
  const object = topology.objects.countries as GeometryCollection<Properties>;
  const geometries = object.geometries as (GeometryObject<Properties> & { properties?: Properties })[];
  const countries: CountryMark[] = [];
  const labels: BaseGeography['labels'] = [];
  for (const geometry of geometries) {
    const id = String(geometry.id ?? '');
    const name = geometry.properties?.name ?? '';
    const shape = feature(topology, geometry) as GeoJSON.Feature;
    const d = basePath(shape) ?? '';
    if (!d) continue;
    countries.push({ id, name, role: role(id), d });
    const label = geometry.properties?.label;
    // Names Natural Earth abbreviates ("N. Cyprus", "Bosnia and Herz.") are left unlabelled.
    if (label && !name.includes('.')) {
      const [[x0], [x1]] = basePath.bounds(shape);
      const emphasis = id === UKRAINE_ID || id === RUSSIA_ID;
      // Ukraine and Russia keep their names in any view that shows enough of them: their outlines, projected,
      // let the layout find room inside the part in view.
      const rings = emphasis ? projectedRings(shape.geometry) : undefined;
      labels.push({ id, text: name.toUpperCase(), base: project(label), width: x1 - x0, emphasis, ...(rings ? { rings } : {}) });
    }
  }
  const isId = (g: GeometryObject, id: string) => String(g.id) === id;
  const meshPath = (filter: (a: GeometryObject, b: GeometryObject) => boolean) => basePath(mesh(topology, object, filter)) ?? '';
  const result: BaseGeography = {
    key: `topology-${++topologyCount}`,
    countries,
    borders: meshPath((a, b) => a !== b),
    coast: meshPath((a, b) => a === b),
    russiaBorder: meshPath((a, b) => a !== b && (isId(a, RUSSIA_ID) || isId(b, RUSSIA_ID))),
    ukraineOutline: meshPath((a, b) => isId(a, UKRAINE_ID) || isId(b, UKRAINE_ID)),
    labels,
  };
  baseCache.set(topology, result);
  return result;
}

function projectedRings(geometry: GeoJSON.Geometry): [number, number][][] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  return polygons.flatMap((polygon) => polygon.map((ring) => ring.map((p) => project([p[0]!, p[1]!]))));
}

/** Even-odd test in base coordinates: near enough for placing a name. */
function insideRings([x, y]: readonly [number, number], rings: readonly (readonly [number, number][])[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

let fallbackGeography: BaseGeography | undefined;

/** Without the region file, Ukraine's bundled outline still gives the places a shape to sit by. */
function fallback(): BaseGeography {
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
function graticule(): string {
  graticulePath ??= basePath(geoGraticule().extent([[0, 20], [90, 70]]).step([5, 5])()) ?? '';
  return graticulePath;
}

/** Seas worth naming, at points well inside them. */
const SEAS: readonly { text: string; at: [number, number] }[] = [
  { text: 'Black Sea', at: [34.2, 43.2] },
  { text: 'Caspian Sea', at: [51.2, 42.6] },
  { text: 'Mediterranean Sea', at: [31.2, 33.6] },
];

// ---------------------------------------------------------------------------------------------------------------
// Framing

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

// ---------------------------------------------------------------------------------------------------------------
// Labels

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function within(a: Rect, size: Size, margin = 2): boolean {
  return a.x >= margin && a.y >= margin && a.x + a.w <= size.width - margin && a.y + a.h <= size.height - margin;
}

type Anchor = LabelMark['anchor'];

/** Candidate label positions around a dot of radius r: right, left, above, below, the diagonals, then hanging. */
function candidates(r: number, width: number, size: number): { dx: number; dy: number; anchor: Anchor; rect: (x: number, y: number) => Rect }[] {
  const gap = r + 4;
  const h = size * 1.15;
  const ascent = size * 0.8;
  const make = (dx: number, dy: number, anchor: Anchor) => ({
    dx,
    dy,
    anchor,
    rect: (x: number, y: number): Rect => {
      const left = anchor === 'start' ? x + dx : anchor === 'end' ? x + dx - width : x + dx - width / 2;
      return { x: left - 2, y: y + dy - ascent - 1, w: width + 4, h: h + 2 };
    },
  });
  const mid = size * 0.35;
  return [
    make(gap, mid, 'start'),
    make(-gap, mid, 'end'),
    make(0, -gap - size * 0.25, 'middle'),
    make(0, gap + ascent, 'middle'),
    make(gap * 0.75, -gap * 0.75, 'start'),
    make(gap * 0.75, gap * 0.75 + ascent, 'start'),
    make(-gap * 0.75, -gap * 0.75, 'end'),
    make(-gap * 0.75, gap * 0.75 + ascent, 'end'),
    // Text hanging off one side of the dot, above or below it: fits by a frame edge.
    make(-r, gap + ascent, 'start'),
    make(-r, -gap - size * 0.25, 'start'),
    make(r, gap + ascent, 'end'),
    make(r, -gap - size * 0.25, 'end'),
  ];
}

const KIND_RANK = KIND_ORDER;
const ROLE_RANK = { measure: 0, focus: 1, context: 2 } as const;

type Corner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

/**
 * The corner for a box of this size that covers nothing already placed and has the fewest points near it
 * (ties go to the earlier corner in `order`).
 */
function corner(order: readonly Corner[], w: number, h: number, size: Size, margin: number, avoid: readonly [number, number][], taken: readonly Rect[]): Rect {
  const rects = order.map((c): Rect => ({
    x: c.endsWith('left') ? margin : size.width - margin - w,
    y: c.startsWith('top') ? margin : size.height - margin - h,
    w,
    h,
  }));
  const near = (r: Rect, by: number) => avoid.filter(([x, y]) => x >= r.x - by && x <= r.x + r.w + by && y >= r.y - by && y <= r.y + r.h + by).length;
  const scored = rects.map((r, i) => ({ r, i, blocked: taken.some((t) => overlaps(t, r)) || near(r, 6) > 0, crowd: near(r, 40) }));
  scored.sort((a, b) => Number(a.blocked) - Number(b.blocked) || a.crowd - b.crowd || a.i - b.i);
  return scored[0]!.r;
}

// ---------------------------------------------------------------------------------------------------------------

/** Views wider than this need no locator. */
export const INSET_MAX_SPAN_KM = 700;
/** How much the locator shows, across. */
const INSET_SPAN_KM = 2600;

/** What the map's layout takes: every chart's input, and the geography (which arrives after the rows). */
export interface MapLayoutInput extends LayoutInput<PlaceRow> {
  readonly geography: MapGeography;
}

/** The whole map for one state at one size. */
export function layout({ rows, state, size, geography, measure = estimateTextWidth }: MapLayoutInput): MapMarks {
  return layoutMapPass(rows, state, size, geography, measure, null);
}

function layoutMapPass(
  rows: readonly PlaceRow[],
  state: ChartState,
  size: Size,
  geography: MapGeography,
  measureText: TextMeasure,
  strip: readonly PlaceKind[] | null,
): MapMarks {
  const { width, height } = size;
  const narrow = width < 520;
  const stripLegend = strip ? layoutLegendStrip(strip, size, measureText) : null;
  const obstacles: Rect[] = [];
  const placed: Rect[] = [];
  const free = (rect: Rect, ignore?: Rect) =>
    within(rect, size) && !obstacles.some((o) => o !== ignore && overlaps(o, rect)) && !placed.some((o) => overlaps(o, rect));

  // Notice, top centre, only when the shapes could not be loaded; the view keeps clear of it.
  let notice: MapMarks['notice'] = null;
  if (geography.status === 'failed') {
    const noticeSize = narrow ? 12 : 13;
    const maxWidth = Math.min(width - 16, 440);
    const lines = ['The map could not be loaded.', 'The places and distances are listed below.'].flatMap((text) => wrapWords(text, noticeSize, maxWidth - 20, measureText));
    const boxWidth = Math.min(maxWidth, Math.max(...lines.map((l) => measureText(l, noticeSize))) + 20);
    const boxHeight = lines.length * noticeSize * 1.3 + 12;
    notice = { lines, x: (width - boxWidth) / 2, y: 8, width: boxWidth, height: boxHeight, size: noticeSize };
    obstacles.push({ x: notice.x, y: notice.y, w: boxWidth, h: boxHeight });
  }
  if (stripLegend && notice) notice = { ...notice, y: notice.y + stripLegend.height + 4 };
  const top = (stripLegend ? stripLegend.height + 4 : 0) + (notice ? notice.height + 8 : 0);
  const view = fitView(rows, state, size, { top });
  const toScreen = ([bx, by]: readonly [number, number]): [number, number] => [bx * view.k + view.x, by * view.k + view.y];
  const geo = geography.status === 'ready' && geography.topology ? baseGeography(geography.topology) : geography.status === 'failed' ? fallback() : null;

  // Places: decide which dots show, most important first.
  const focusIds = new Set(splitIds(state.focus ?? ''));
  const preferred = new Set([...focusIds].flatMap((id) => REGION_FRAMES[id as MapRegion]?.kinds ?? []));
  const measured = measurement(rows, state.measure ?? '');
  const measureIds = new Set(measured ? [measured.from.id, ...(measured.to ? [measured.to.id] : [])] : []);
  const ordered = rows
    .map((row, index) => ({
      row,
      index,
      role: (measureIds.has(row.id) ? 'measure' : focusIds.has(row.id) ? 'focus' : 'context') as PlaceMark['role'],
    }))
    .sort(
      (a, b) =>
        ROLE_RANK[a.role] - ROLE_RANK[b.role] ||
        Number(preferred.has(b.row.kind)) - Number(preferred.has(a.row.kind)) ||
        rank(KIND_RANK, a.row.kind) - rank(KIND_RANK, b.row.kind) ||
        a.index - b.index,
    );
  const dots: { row: PlaceRow; role: PlaceMark['role']; base: [number, number]; x: number; y: number; r: number; shown: boolean }[] = [];
  for (const { row, role: placeRole } of ordered) {
    const base = project([row.lon, row.lat]);
    const [x, y] = toScreen(base);
    const r = placeRole === 'context' ? 3.5 : 5;
    const inFrame = x >= r && x <= width - r && y >= r && y <= height - r;
    // A minor place hidden under a more important one (the Kremlin under Crocus at a wide frame) is left out.
    const crowded = placeRole === 'context' && dots.some((d) => d.shown && Math.hypot(d.x - x, d.y - y) < 10);
    const shown = inFrame && !crowded;
    dots.push({ row, role: placeRole, base, x, y, r, shown });
    if (shown) obstacles.push({ x: x - r - 1, y: y - r - 1, w: 2 * r + 2, h: 2 * r + 2 });
  }

  // A narrow frame has no corner to spare for the legend: it goes in a strip across the top of the kinds shown,
  // and the view is fitted again below it. Only the dots are placed twice: labels and the rest are laid out once.
  if (narrow && strip === null) {
    const kinds = kindsOf(dots.filter((dot) => dot.shown).map((dot) => dot.row));
    if (kinds.length) return layoutMapPass(rows, state, size, geography, measureText, kinds);
  }

  // What the corners must not cover: the dots and the measured line.
  const line = measured ? greatCircle([measured.from.lon, measured.from.lat], measured.toPoint) : null;
  const avoid: [number, number][] = [...dots.filter((d) => d.shown).map((d): [number, number] => [d.x, d.y]), ...(line ?? []).map(toScreen)];

  // A locator for views too close in to recognise.
  let inset: InsetMark | null = null;
  const spanKm = viewSpanKm(view, size);
  if (geo && geography.status === 'ready' && spanKm !== null && spanKm < INSET_MAX_SPAN_KM && width >= 280) {
    const w = Math.round(Math.min(150, Math.max(96, width * 0.26)));
    const h = Math.round(w * 0.8);
    const box = corner(['top-right', 'top-left', 'bottom-right', 'bottom-left'], w, h, size, 8, avoid, obstacles);
    const centre: [number, number] = [(width / 2 - view.x) / view.k, (height / 2 - view.y) / view.k];
    const k = (w / INSET_SPAN_KM) * 6371 / BASE_SCALE;
    const insetView: View = { k, x: w / 2 - centre[0] * k, y: h / 2 - centre[1] * k };
    const fw = Math.max(5, (width / view.k) * k);
    const fh = Math.max(5, (height / view.k) * k);
    inset = { x: box.x, y: box.y, width: w, height: h, view: insetView, frame: { x: w / 2 - fw / 2, y: h / 2 - fh / 2, width: fw, height: fh } };
    obstacles.push({ x: box.x - 2, y: box.y - 2, w: w + 4, h: h + 4 });
  }

  // Scale bar, in a free bottom corner.
  const scale = scaleBar(view, size, measureText, avoid, obstacles);
  if (scale) obstacles.push({ x: scale.x - 4, y: scale.y - 16, w: scale.px + 10 + measureText(scale.text, 11), h: 22 });

  // The measured line and its label come before place labels: the distance is what the state is about.
  let measure: MeasureMark | null = null;
  if (measured && line) measure = layoutMeasure(measured, line, size, narrow, toScreen, free, placed, obstacles, measureText);
  // The key to the kinds of the places shown, in a corner clear of the measure and its labels; place names
  // placed after it keep clear of it.
  const legend = stripLegend ?? layoutLegend(dots.filter((dot) => dot.shown).map((dot) => dot.row), size, narrow, measureText, avoid, [...obstacles, ...placed]);
  if (legend) obstacles.push({ x: legend.x - 2, y: legend.y - 2, w: legend.width + 4, h: legend.height + 4 });

  // Names read better off the line than struck through by it: points along it, every few px.
  const linePoints: [number, number][] = [];
  if (line) {
    const screen = line.map(toScreen);
    screen.forEach((p, i) => {
      const next = screen[i + 1];
      if (!next) return linePoints.push(p);
      const steps = Math.max(1, Math.ceil(Math.hypot(next[0] - p[0], next[1] - p[1]) / 3));
      for (let j = 0; j < steps; j++) linePoints.push([p[0] + ((next[0] - p[0]) * j) / steps, p[1] + ((next[1] - p[1]) * j) / steps]);
    });
  }
  const clearOfLine = (rect: Rect) => !linePoints.some(([x, y]) => x > rect.x && x < rect.x + rect.w && y > rect.y && y < rect.y + rect.h);

  const labels = new Map<string, LabelMark | null>();
  for (const dot of dots) {
    if (!dot.shown) continue;
    const fontSize = dot.role === 'context' ? (narrow ? 11 : 12) : narrow ? 12.5 : 13.5;
    const text = labelWithYears(placeLabel(dot.row), dot.row);
    const w = measureText(text, fontSize, { weight: dot.role === 'context' ? 400 : 600 });
    const own: Rect = { x: dot.x - dot.r - 1, y: dot.y - dot.r - 1, w: 2 * dot.r + 2, h: 2 * dot.r + 2 };
    const options = candidates(dot.r, w, fontSize);
    let choice =
      options.find((c) => free(c.rect(dot.x, dot.y), own) && clearOfLine(c.rect(dot.x, dot.y))) ??
      options.find((c) => free(c.rect(dot.x, dot.y), own));
    // The places the state is about keep their label even in a crowd; context places give way.
    if (!choice && dot.role !== 'context') choice = options.find((c) => within(c.rect(dot.x, dot.y), size));
    if (!choice) {
      labels.set(dot.row.id, null);
      continue;
    }
    placed.push(choice.rect(dot.x, dot.y));
    labels.set(dot.row.id, { text, dx: choice.dx, dy: choice.dy, anchor: choice.anchor, size: fontSize });
  }
  const places: PlaceMark[] = rows.map((row) => {
    const dot = dots.find((d) => d.row === row)!;
    return { id: row.id, kind: row.kind, role: dot.role, base: dot.base, x: dot.x, y: dot.y, r: dot.r, shown: dot.shown, label: labels.get(row.id) ?? null };
  });

  // Country and sea names last: they give way to everything else.
  const texts: TextMark[] = [];
  if (geo && geo.labels.length) {
    const countrySize = narrow ? 10 : 11;
    const sorted = [...geo.labels].sort((a, b) => Number(b.emphasis) - Number(a.emphasis) || b.width - a.width);
    for (const label of sorted) {
      const [x, y] = toScreen(label.base);
      const w = measureText(label.text, countrySize, { weight: 500, letterSpacing: 0.14 });
      if (label.width * view.k < w * 1.15) continue;
      const rect: Rect = { x: x - w / 2 - 3, y: y - countrySize * 0.8, w: w + 6, h: countrySize * 1.3 };
      if (free(rect) && clearOfLine(rect)) {
        placed.push(rect);
        texts.push({ key: `country-${label.id}`, text: label.text, base: label.base, x, y: y + countrySize * 0.35, dy: countrySize * 0.35, size: countrySize, kind: 'country', emphasis: label.emphasis });
        continue;
      }
      if (!label.rings) continue;
      // Its usual spot is out of view or taken: look for room inside the part that is in view.
      const step = 20;
      const inside: [number, number][] = [];
      for (let sy = step / 2; sy < height; sy += step) {
        for (let sx = step / 2; sx < width; sx += step) {
          if (insideRings([(sx - view.x) / view.k, (sy - view.y) / view.k], label.rings)) inside.push([sx, sy]);
        }
      }
      if (inside.length * step * step < w * countrySize * 12) continue;
      const cx = inside.reduce((sum, p) => sum + p[0], 0) / inside.length;
      const cy = inside.reduce((sum, p) => sum + p[1], 0) / inside.length;
      inside.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy) || a[1] - b[1] || a[0] - b[0]);
      for (const [sx, sy] of inside) {
        const candidate: Rect = { x: sx - w / 2 - 3, y: sy - countrySize * 0.8, w: w + 6, h: countrySize * 1.3 };
        // The name's ends must lie inside the country too, not across a border or out at sea.
        const ends = [[candidate.x, sy], [candidate.x + candidate.w, sy]].every(([ex, ey]) => insideRings([(ex! - view.x) / view.k, (ey! - view.y) / view.k], label.rings!));
        if (!ends || !free(candidate) || !clearOfLine(candidate)) continue;
        placed.push(candidate);
        const base: [number, number] = [(sx - view.x) / view.k, (sy - view.y) / view.k];
        texts.push({ key: `country-${label.id}`, text: label.text, base, x: sx, y: sy + countrySize * 0.35, dy: countrySize * 0.35, size: countrySize, kind: 'country', emphasis: true });
        break;
      }
    }
    const seaSize = narrow ? 10.5 : 11.5;
    for (const sea of SEAS) {
      const base = project(sea.at);
      const [x, y] = toScreen(base);
      const w = measureText(sea.text, seaSize, { italic: true, letterSpacing: 0.04 });
      const rect: Rect = { x: x - w / 2 - 3, y: y - seaSize * 0.8, w: w + 6, h: seaSize * 1.3 };
      if (!free(rect) || !clearOfLine(rect)) continue;
      placed.push(rect);
      texts.push({ key: `sea-${sea.text}`, text: sea.text, base, x, y: y + seaSize * 0.35, dy: seaSize * 0.35, size: seaSize, kind: 'sea', emphasis: false });
    }
  }

  return {
    width,
    height,
    view,
    geographyStatus: geography.status,
    geographyKey: geo?.key ?? 'none',
    countries: geo?.countries ?? [],
    borders: geo?.borders ?? '',
    coast: geo?.coast ?? '',
    russiaBorder: geo?.russiaBorder ?? '',
    ukraineOutline: geo?.ukraineOutline ?? '',
    graticule: geography.status === 'ready' ? '' : graticule(),
    places,
    measure,
    texts,
    scale,
    notice,
    inset,
    legend,
  };
}

/** The legend's box and rows: a swatch and the kind's name per row, sized to the longest name. */
function layoutLegend(
  shown: readonly PlaceRow[],
  size: Size,
  narrow: boolean,
  measureText: TextMeasure,
  avoid: readonly [number, number][],
  taken: readonly Rect[],
): LegendMark | null {
  const kinds = kindsOf(shown);
  if (!kinds.length) return null;
  const fontSize = narrow ? 10.5 : 11.5;
  const row = fontSize * 1.45;
  const pad = 6;
  const swatch = 14;
  const width = Math.ceil(pad * 2 + swatch + Math.max(...kinds.map((kind) => measureText(KIND_LEGEND[kind], fontSize))));
  const height = Math.ceil(pad * 2 + row * kinds.length);
  const box = corner(['bottom-right', 'top-left', 'top-right', 'bottom-left'], width, height, size, 8, avoid, taken);
  return {
    x: box.x,
    y: box.y,
    width,
    height,
    size: fontSize,
    items: kinds.map((kind, i) => ({ kind, text: KIND_LEGEND[kind], x: pad + 5, y: pad + row * i + row / 2 })),
  };
}

/** The legend as a strip across the top of a narrow frame: entries flow left to right and wrap. */
function layoutLegendStrip(kinds: readonly PlaceKind[], size: Size, measureText: TextMeasure): LegendMark {
  const fontSize = 10.5;
  const row = fontSize * 1.5;
  const pad = 5;
  const gap = 12;
  const items: { kind: PlaceKind; text: string; x: number; y: number }[] = [];
  let x = pad;
  let line = 0;
  for (const kind of kinds) {
    const w = 14 + measureText(KIND_LEGEND[kind], fontSize);
    if (x > pad && x + w > size.width - 8 - pad) {
      x = pad;
      line++;
    }
    items.push({ kind, text: KIND_LEGEND[kind], x: x + 5, y: pad + row * line + row / 2 });
    x += w + gap;
  }
  return { x: 4, y: 4, width: size.width - 8, height: Math.ceil(pad * 2 + row * (line + 1)), size: fontSize, items };
}

function rank(order: readonly string[], value: string): number {
  const i = order.indexOf(value);
  return i < 0 ? order.length : i;
}


/** The great circle between two points, sampled, in base coordinates. */
function greatCircle(from: readonly [number, number], to: readonly [number, number], samples = 48): [number, number][] {
  const interpolate = geoInterpolate([from[0], from[1]], [to[0], to[1]]);
  return Array.from({ length: samples + 1 }, (_, i) => project(interpolate(i / samples)));
}

/** km per px at the view's centre, along the horizontal. */
function kmPerPx(view: View, size: Size): number | null {
  const centre: [number, number] = [(size.width / 2 - view.x) / view.k, (size.height / 2 - view.y) / view.k];
  const a = projection.invert?.(centre);
  const b = projection.invert?.([centre[0] + 100 / view.k, centre[1]]);
  return a && b ? distanceKm(a, b) / 100 : null;
}

/** How many km the view spans across, at its centre. */
export function viewSpanKm(view: View, size: Size): number | null {
  const perPx = kmPerPx(view, size);
  return perPx === null ? null : perPx * size.width;
}

const SCALE_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

/** A scale bar: the longest round distance that fits in about a quarter of the width, in a free bottom corner. */
function scaleBar(view: View, size: Size, measureText: TextMeasure, avoid: readonly [number, number][], taken: readonly Rect[]): MapMarks['scale'] {
  const perPx = kmPerPx(view, size);
  if (!perPx) return null;
  const maxPx = Math.min(130, size.width * 0.28);
  const km = [...SCALE_STEPS].reverse().find((step) => step / perPx <= maxPx);
  if (!km) return null;
  const px = km / perPx;
  const text = formatKm(km);
  const w = px + 8 + measureText(text, 11);
  const box = corner(['bottom-left', 'bottom-right'], w, 20, size, 10, avoid, taken);
  return { x: box.x, y: box.y + 16, px, text };
}

function layoutMeasure(
  measured: Measurement,
  line: [number, number][],
  size: Size,
  narrow: boolean,
  toScreen: (p: readonly [number, number]) => [number, number],
  free: (rect: Rect, ignore?: Rect) => boolean,
  placed: Rect[],
  obstacles: Rect[],
  measureText: TextMeasure,
): MeasureMark {
  const samples = line.length - 1;
  const article = measured.article ? `(the article: ${measured.article.text}${measured.article.of ? ', for the region' : ''})` : null;
  const lines = [measured.text, ...(article ? [article] : [])];
  const bigSize = narrow ? 14 : 15;
  const smallSize = narrow ? 11.5 : 12.5;
  const w = Math.max(measureText(lines[0]!, bigSize, { weight: 700 }), lines[1] ? measureText(lines[1], smallSize) : 0);
  const h = bigSize * 1.1 + (lines[1] ? smallSize * 1.3 : 0);
  const toBorder = measured.to === null;
  const [endX, endY] = toScreen(line[samples]!);
  if (toBorder) obstacles.push({ x: endX - 9, y: endY - 9, w: 18, h: 18 });

  // The label sits beside the line, at the middle if there is room there, else further along.
  type Choice = { base: [number, number]; dx: number; dy: number; anchor: Anchor; rect: Rect };
  let best: Choice | null = null;
  let fallbackChoice: Choice | null = null;
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78]) {
    const i = Math.round(t * samples);
    const base = line[i]!;
    const [x, y] = toScreen(base);
    const [ax, ay] = toScreen(line[Math.max(0, i - 1)]!);
    const [bx, by] = toScreen(line[Math.min(samples, i + 1)]!);
    let nx = -(by - ay);
    let ny = bx - ax;
    const length = Math.hypot(nx, ny) || 1;
    nx /= length;
    ny /= length;
    for (const side of [1, -1]) {
      const ox = nx * side * 10;
      const oy = ny * side * 10;
      const anchor: Anchor = Math.abs(nx) < 0.45 ? 'middle' : nx * side > 0 ? 'start' : 'end';
      const left = anchor === 'start' ? x + ox : anchor === 'end' ? x + ox - w : x + ox - w / 2;
      const top = anchor === 'middle' ? (oy < 0 ? y + oy - h : y + oy) : y + oy - h / 2;
      const rect: Rect = { x: left - 3, y: top - 2, w: w + 6, h: h + 4 };
      const dx = (anchor === 'start' ? left : anchor === 'end' ? left + w : left + w / 2) - x;
      const dy = top + bigSize * 0.82 - y;
      const choice: Choice = { base, dx, dy, anchor, rect };
      fallbackChoice ??= choice;
      if (free(rect)) {
        best = choice;
        break;
      }
    }
    if (best) break;
  }
  const chosen = best ?? fallbackChoice!;
  // Keep the label inside the frame even when nothing fits cleanly.
  const shiftX = Math.max(0, 2 - chosen.rect.x) - Math.max(0, chosen.rect.x + chosen.rect.w - (size.width - 2));
  const shiftY = Math.max(0, 2 - chosen.rect.y) - Math.max(0, chosen.rect.y + chosen.rect.h - (size.height - 2));
  placed.push({ ...chosen.rect, x: chosen.rect.x + shiftX, y: chosen.rect.y + shiftY });

  let borderLabel: LabelMark | null = null;
  if (toBorder) {
    // Where the border point lies, when the data say (the Kstovo line ends in occupied Luhansk Oblast).
    const text = measured.fromInsideUkraine ? 'Ukraine\u2019s border' : measured.borderArea ? `Border: ${measured.borderArea}` : 'Nearest point of Ukraine';
    const fontSize = narrow ? 11 : 12;
    const tw = measureText(text, fontSize, { weight: 500 });
    const own: Rect = { x: endX - 9, y: endY - 9, w: 18, h: 18 };
    const options = candidates(7, tw, fontSize);
    const choice = options.find((c) => free(c.rect(endX, endY), own)) ?? options.find((c) => within(c.rect(endX, endY), size));
    if (choice) {
      placed.push(choice.rect(endX, endY));
      borderLabel = { text, dx: choice.dx, dy: choice.dy, anchor: choice.anchor, size: fontSize };
    }
  }
  return {
    key: `${measured.from.id} ${measured.to?.id ?? BORDER}`,
    toBorder,
    line,
    from: line[0]!,
    to: line[samples]!,
    labelBase: chosen.base,
    label: { lines, dx: chosen.dx + shiftX, dy: chosen.dy + shiftY, anchor: chosen.anchor },
    borderLabel,
  };
}
