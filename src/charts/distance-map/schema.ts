/**
 * The distance map's state and data, as plain declarations (see ../casualties/schema.ts for how they are used).
 */
import type { ChartSchema } from '../shared/schema.ts';
import type { DatasetSchema } from '../shared/dataset.ts';
import { splitIds } from '../shared/schema.ts';

/** Named frames a `focus` may use besides place ids. */
export const MAP_REGIONS = ['ukraine', 'russia-west', 'caucasus', 'middle-east', 'isis-reach'] as const;
/**
 * The box the map's geography covers, in degrees (scripts/build-geography.ts cuts the region file to it). Views
 * are kept inside it: a frame wider than its targets slides towards the box rather than show the cut edge. It is
 * large enough that every named region fits inside at any aspect ratio from 2:3 to 2:1 (a unit test checks).
 */
export const MAP_EXTENT = { west: 0, east: 98, south: 11, north: 70 } as const;
/** The second id of a `measure` that means "the nearest point of Ukraine's border". */
export const BORDER = 'border';
/**
 * What a place is, as the map's legend shows it: the site of a terror attack, a place hit by a drone or missile
 * strike, a site of unrest, a place ISIS held (with the years, `held_from` and `held_to`), a Russian state or
 * military site, or another place.
 */
export const PLACE_KINDS = ['attack', 'strike', 'unrest', 'isis', 'russian', 'other'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const distanceMapSchema: ChartSchema = {
  name: 'distance-map',
  tag: 'fl-distance-map',
  attributes: {
    focus: {
      type: 'ids',
      min: 1,
      max: 12,
      extra: MAP_REGIONS,
      noun: 'place',
      default: 'russia-west',
      doc: `Place ids or a named region (${MAP_REGIONS.join(', ')}) to frame.`,
    },
    measure: {
      type: 'ids',
      min: 0,
      max: 2,
      extra: [BORDER],
      noun: 'place',
      default: '',
      doc: 'Two ids: a place and `border` (nearest point of Ukraine\u2019s border), or two places. Draws the great-circle line and its computed length.',
    },
  },
  check(state) {
    const measure = splitIds(state.measure ?? '');
    if (measure.length === 1) return { attribute: 'measure', message: `measure takes two ids (a place and "border", or two places), got one ("${state.measure}")` };
    if (measure[0] === BORDER) return { attribute: 'measure', message: 'measure names the place first, then "border"' };
    if (measure.length === 2 && measure[0] === measure[1]) return { attribute: 'measure', message: `measure names ${measure[0]} twice` };
    return null;
  },
};

export interface PlaceRow {
  id: string;
  name: string;
  lat: number;
  lon: number;
  kind: PlaceKind;
  /** For a place ISIS held: the years, from the row's source. */
  held_from: number | null;
  held_to: number | null;
  /** A distance the article states, in km, shown beside the computed one ("770 km (the article: about 775 km)"). */
  article_km: number | null;
  /** How the article words it: "about", "as much as". */
  article_words: string | null;
  /** What the article's figure is measured from, where that is not the place itself ("the Nizhny Novgorod region"). */
  article_of: string | null;
  /** Where the nearest point of Ukraine's border lies, and its status ("Luhansk Oblast, occupied by Russia"). */
  border_area: string | null;
  /** The source for border_area. */
  border_source: string | null;
  note: string | null;
  source: string;
  confidence: string;
}

export const placesDataset: DatasetSchema<PlaceRow> = {
  file: 'places.csv',
  doc: 'Places the article names, with verified coordinates.',
  columns: {
    id: { type: 'id', doc: 'Unique id, used by the `focus` and `measure` attributes.' },
    name: { type: 'text', doc: 'Name as it reads inside a sentence ("the Moscow Kremlin", "Crocus City Hall"); the map\'s label drops a leading "the".' },
    lat: { type: 'number', min: -90, max: 90, doc: 'Latitude, decimal degrees (WGS84).' },
    lon: { type: 'number', min: -180, max: 180, doc: 'Longitude, decimal degrees (WGS84).' },
    kind: { type: 'enum', values: PLACE_KINDS, doc: `What kind of place, as the legend shows it: ${PLACE_KINDS.join(', ')}. A place is \`isis\` only if its source says ISIS held it, with the years.` },
    held_from: { type: 'number', integer: true, min: 1900, max: 2100, optional: true, doc: 'For an `isis` place: the year ISIS took it (required for that kind).' },
    held_to: { type: 'number', integer: true, min: 1900, max: 2100, optional: true, doc: 'For an `isis` place: the year ISIS lost it, if it did.' },
    article_km: { type: 'number', min: 0, optional: true, doc: 'Distance to Ukraine\u2019s border as the article states it, in km.' },
    article_words: { type: 'text', optional: true, doc: 'The article\u2019s wording for that distance ("about", "as much as").' },
    article_of: { type: 'text', optional: true, doc: 'What the article\u2019s distance is measured from, where that is not the place itself ("the Nizhny Novgorod region").' },
    border_area: { type: 'text', optional: true, doc: 'Where the nearest point of Ukraine\u2019s border lies, with its status ("Luhansk Oblast, occupied by Russia"); shown with the measured distance.' },
    border_source: { type: 'text', optional: true, doc: 'The source for border_area (required with it).' },
    note: { type: 'text', optional: true, doc: 'Caveats.' },
    source: { type: 'text', doc: 'Where the coordinates come from.' },
    confidence: { type: 'enum', values: ['C1', 'C2', 'disputed'], doc: 'C2: two or more independent sources agree (two language editions of one encyclopedia are one source); C1: one; disputed.' },
  },
  checkRow(row) {
    if (row.border_area !== null && row.border_source === null) return 'border_area needs a border_source';
    if (row.kind === 'isis' && row.held_from === null) return 'an isis place needs held_from (the year ISIS took it, from the source)';
    if (row.kind !== 'isis' && (row.held_from !== null || row.held_to !== null)) return `held_from and held_to are for isis places, not ${row.kind}`;
    if (row.held_from !== null && row.held_to !== null && row.held_to < row.held_from) return `held_to ${row.held_to} is before held_from ${row.held_from}`;
    return null;
  },
};

