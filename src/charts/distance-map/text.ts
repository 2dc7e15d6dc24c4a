/**
 * The distance map in words: one sentence per state, the rows of its data table and its source line, all
 * generated from the places and the computed distances. Pure, so the same text can be tested in Node.
 */
import { splitIds, type ChartState } from '../shared/schema.ts';
import { formatKm, insideUkraine, nearestBorderPoint, roundKm } from './geo.ts';
import { kindPhrase } from './kinds.ts';
import { framedPlaces, placesInRegion, REGION_FRAMES, type MapRegion } from './layout.ts';
import { capitalize, formatThousandths, listOf } from '../shared/wording.ts';
import { measurement, placeLabel } from './measure.ts';
import type { PlaceRow } from './schema.ts';
import type { ChartText } from '../shared/types.ts';
import type { ChartTable } from '../shared/table.ts';

/** One sentence for the state: the measured distance if there is one, otherwise what the map frames. */
export function describeMap(rows: readonly PlaceRow[], state: ChartState): string {
  const measured = measurement(rows, state.measure ?? '');
  if (measured) {
    const from = capitalize(measured.from.name);
    if (measured.to) return `${from} lies ${measured.text} from ${measured.to.name}.`;
    const article = measured.article
      ? `; the article says ${measured.article.text}${measured.article.of ? `, for ${measured.article.of}` : ''}`
      : '';
    const area = measured.borderArea ? `, in ${measured.borderArea}` : '';
    if (measured.fromInsideUkraine) return `${from} lies inside Ukraine, ${measured.text} from the nearest point of its border${article}.`;
    return `${from} lies ${measured.text} from the nearest point of Ukraine\u2019s internationally recognised border${area}${article}.`;
  }
  const ids = splitIds(state.focus ?? '');
  const regions = ids.filter((id): id is MapRegion => id in REGION_FRAMES).map((id) => REGION_FRAMES[id]);
  const named = ids.map((id) => rows.find((row) => row.id === id)).filter((row): row is PlaceRow => row !== undefined);
  // With only a region named, the sentence names the places it is about; named places speak for themselves.
  const others = named.length ? [] : regions.flatMap((region) => placesInRegion(rows, region));
  // Each place with its kind, as the legend shows it: "Raqqa (held by ISIS 2014\u20132017)".
  const places = [...new Set([...named, ...others])].map((row) => (row.kind === 'other' ? row.name : `${row.name} (${kindPhrase(row)})`));
  const phrases = regions.map((region) => region.phrase);
  if (phrases.length && places.length) return `The map shows ${listOf(phrases)}, with ${listOf(places)}.`;
  if (phrases.length) return `The map shows ${listOf(phrases)}.`;
  if (places.length) return `The map shows ${listOf(places)}.`;
  return 'The map shows western Russia and Ukraine.';
}

export interface TableRow {
  readonly id: string;
  readonly place: string;
  readonly coordinates: string;
  /** Computed distance to the nearest point of Ukraine's border, one decimal ("768.7 km"), or "inside Ukraine". */
  readonly toBorder: string;
  /** The place's kind, as the legend names it. */
  readonly kind: string;
  readonly article: string;
  readonly note: string;
  readonly source: string;
}

function latLon(row: PlaceRow): string {
  const lat = `${formatThousandths(Math.abs(row.lat))}\u00b0 ${row.lat >= 0 ? 'N' : 'S'}`;
  const lon = `${formatThousandths(Math.abs(row.lon))}\u00b0 ${row.lon >= 0 ? 'E' : 'W'}`;
  return `${lat}, ${lon}`;
}

/** Distances are rounded by one rule everywhere: the map, the sentence and the table (see roundKm). */
function rounded(km: number): string {
  return formatKm(roundKm(km));
}

/** The places a state shows: those in its frame, and both ends of its measure. */
function shownPlaces(rows: readonly PlaceRow[], state: ChartState): PlaceRow[] {
  const measured = measurement(rows, state.measure ?? '');
  const shown = framedPlaces(rows, state);
  for (const row of [measured?.from, measured?.to]) if (row && !shown.includes(row)) shown.push(row);
  return shown;
}

/** The places in the state's frame, with their distance to Ukraine's border, as table rows. */
export function tableRows(rows: readonly PlaceRow[], state: ChartState): TableRow[] {
  return shownPlaces(rows, state).map((row) => {
    const point: [number, number] = [row.lon, row.lat];
    const inside = insideUkraine(point);
    const km = nearestBorderPoint(point).km;
    return {
      id: row.id,
      place: placeLabel(row),
      coordinates: latLon(row),
      toBorder: inside
        ? `inside Ukraine (${rounded(km)} from the border)`
        : `${rounded(km)}${row.border_area ? `, to ${row.border_area}` : ''}`,
      kind: kindPhrase(row),
      article:
        row.article_km === null
          ? ''
          : [row.article_words, formatKm(row.article_km), row.article_of ? `for ${row.article_of}` : ''].filter(Boolean).join(' '),
      note: row.note ?? '',
      source: `${row.source}${row.border_source ? `; ${row.border_source}` : ''} (${row.confidence})`,
    };
  });
}

/** The measured distance in full, for the table's caption: "Crocus City Hall to the Moscow Kremlin: 16.4 km (16.44 km unrounded)". */
export function measureCaption(rows: readonly PlaceRow[], state: ChartState): string | null {
  const measured = measurement(rows, state.measure ?? '');
  if (!measured) return null;
  const to = measured.to ? measured.to.name : 'the nearest point of Ukraine\u2019s border';
  const [lon, lat] = measured.toPoint;
  const where = measured.to ? '' : `, at ${formatThousandths(lat)}\u00b0 N, ${formatThousandths(lon)}\u00b0 E`;
  const area = measured.borderArea ? `, in ${measured.borderArea}` : '';
  const article = measured.article ? ` (the article: ${measured.article.text}${measured.article.of ? `, for ${measured.article.of}` : ''})` : '';
  return `Measured: ${placeLabel(measured.from)} to ${to}${where}${area}: ${measured.text}${article}.`;
}

/**
 * The map's one border policy, as the source line, the no-JS page and the About section state it. The region file
 * applies it (scripts/build-geography.ts, RECOGNISED_BORDERS); where the data cannot, this says so.
 */
export const BORDER_POLICY =
  'Borders: internationally recognised, from Natural Earth, with Crimea in Ukraine and Northern Cyprus, Kosovo and Somaliland not drawn apart; Natural Earth\u2019s own lines where there is no other (the Golan Heights in Israel; in Kashmir, the Siachen Glacier apart). No front line is drawn.';

/**
 * The source line: where the coordinates and the borders come from, and how the distances are computed. A few
 * places cite each source; a wide view names the publishers and leaves the details to the data table.
 */
export function sourceLine(rows: readonly PlaceRow[], state: ChartState): string {
  // The places only, not their distances to the border: the line names sources, and a distance is a search.
  const shown = shownPlaces(rows, state);
  const sources = [...new Set(shown.map((row) => row.source))];
  const publishers = [...new Set(sources.map((source) => source.split(/[,;(]/)[0]!.trim()))];
  const coordinates =
    sources.length === 0
      ? ''
      : sources.length <= 3
        ? `coordinates: ${sources.join('; ')}. `
        : `coordinates of ${shown.length} places: ${listOf(publishers)} (each place\u2019s source is in the data table). `;
  return `Source: ${coordinates}${BORDER_POLICY} Distances computed along great circles on a sphere of radius 6,371 km, rounded to 5 km above 100 km, to 1 km from 20 km, to 0.1 km below.`;
}

/** The data table: each place shown, its distance to Ukraine's border and its source (the measurement as caption). */
export function mapTable(rows: readonly PlaceRow[], state: ChartState): ChartTable {
  const shown = tableRows(rows, state);
  return {
    caption: measureCaption(rows, state) ?? 'Places in this view',
    columns: ['Place', 'Kind', 'To Ukraine\u2019s border', 'Source'],
    rows: shown.map((row) => [
      { text: row.place, detail: row.coordinates },
      row.kind,
      { text: row.toBorder, detail: row.article ? `the article: ${row.article}` : '' },
      { text: row.source, detail: row.note },
    ]),
    headerColumn: 0,
    ids: shown.map((row) => row.id),
    columnClasses: ['', '', 'number'],
  };
}

/** The chart in words, for any state: what the registry hands the build, print and the presenter view. */
export const mapText: ChartText<PlaceRow> = {
  sentence: describeMap,
  table: mapTable,
  source: sourceLine,
};
