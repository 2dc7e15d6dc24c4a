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
export const PLACE_KINDS = ['attack', 'strike', 'capital', 'city', 'infrastructure', 'unrest', 'isis', 'military'] as const;

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
  kind: string;
  /** A distance the article states, in km, shown beside the computed one ("770 km (the article: about 775 km)"). */
  article_km: number | null;
  /** How the article words it: "about", "as much as". */
  article_words: string | null;
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
    kind: { type: 'enum', values: PLACE_KINDS, doc: `What kind of place: ${PLACE_KINDS.join(', ')}.` },
    article_km: { type: 'number', min: 0, optional: true, doc: 'Distance to Ukraine\u2019s border as the article states it, in km.' },
    article_words: { type: 'text', optional: true, doc: 'The article\u2019s wording for that distance ("about", "as much as").' },
    note: { type: 'text', optional: true, doc: 'Caveats.' },
    source: { type: 'text', doc: 'Where the coordinates come from.' },
    confidence: { type: 'enum', values: ['C1', 'C2', 'disputed'], doc: 'C2: two or more sources agree; C1: one; disputed.' },
  },
};
