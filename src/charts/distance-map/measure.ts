/**
 * Resolves a `measure` attribute ("kstovo border", "crocus kremlin") against the places: what is measured, the
 * computed distance, and the article's own figure where it gives one. Pure; the layout and the sentence share it.
 */
import { splitIds } from '../shared/schema.ts';
import { distanceKm, formatKm, insideUkraine, nearestBorderPoint, roundKm } from './geo.ts';
import { BORDER, type PlaceRow } from './schema.ts';
import { capitalize } from '../shared/wording.ts';

export interface Measurement {
  readonly from: PlaceRow;
  /** The second place, or null when the distance is to Ukraine's border. */
  readonly to: PlaceRow | null;
  /** Where the line ends: the second place, or the nearest point of the border. */
  readonly toPoint: [number, number];
  /** The computed distance, unrounded. */
  readonly km: number;
  /** The distance as the map shows it ("770 km"), rounded by `roundKm`. */
  readonly text: string;
  /** True when `from` lies inside Ukraine (then `km` is the distance out to its border). */
  readonly fromInsideUkraine: boolean;
  /** The article's figure for this distance ("about 775 km"), or null when it gives none. */
  readonly article: { readonly km: number; readonly text: string; readonly of: string | null } | null;
  /** Where the border point lies, from the data ("Luhansk Oblast, occupied by Russia"), for border measures. */
  readonly borderArea: string | null;
}

/** The measurement a state asks for, or null when `measure` is empty or names an unknown place. */
export function measurement(rows: readonly PlaceRow[], measure: string): Measurement | null {
  const ids = splitIds(measure);
  if (ids.length !== 2) return null;
  const from = rows.find((row) => row.id === ids[0]);
  if (!from) return null;
  const fromPoint: [number, number] = [from.lon, from.lat];
  if (ids[1] === BORDER) {
    const nearest = nearestBorderPoint(fromPoint);
    return {
      from,
      to: null,
      toPoint: nearest.point,
      km: nearest.km,
      text: formatKm(roundKm(nearest.km)),
      fromInsideUkraine: insideUkraine(fromPoint),
      // The article's figures (article_km) are distances to Ukraine's border, so they go with border measures only.
      article:
        from.article_km === null
          ? null
          : { km: from.article_km, text: [from.article_words, formatKm(from.article_km)].filter(Boolean).join(' '), of: from.article_of },
      borderArea: from.border_area,
    };
  }
  const to = rows.find((row) => row.id === ids[1]);
  if (!to) return null;
  const km = distanceKm(fromPoint, [to.lon, to.lat]);
  return { from, to, toPoint: [to.lon, to.lat], km, text: formatKm(roundKm(km)), fromInsideUkraine: false, article: null, borderArea: null };
}

/** "the NORSI refinery at Kstovo" -> "NORSI refinery at Kstovo": names are sentence phrases, labels drop "the". */
export function placeLabel(row: PlaceRow): string {
  return capitalize(row.name.replace(/^the\s+/i, ''));
}
