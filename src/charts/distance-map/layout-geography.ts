/** The map's geography, projected once per topology into base coordinates (see layout.ts). */
import { geoGraticule } from 'd3';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { ukraineShape } from './geo.ts';
import { basePath, project } from './layout-frame.ts';
import { type CountryMark } from './layout-marks.ts';

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

export function baseGeography(topology: Topology): BaseGeography {
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
export function insideRings([x, y]: readonly [number, number], rings: readonly (readonly [number, number][])[]): boolean {
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
