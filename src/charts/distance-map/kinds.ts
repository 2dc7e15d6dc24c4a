/**
 * What kind of place each dot is, in words: the legend's entries and the phrases the sentence and the table use.
 * One list, so the map's legend, its text for screen readers and its table can never name a kind differently.
 * Pure: no DOM.
 */
import type { PlaceKind, PlaceRow } from './schema.ts';

/** Legend order: the places the story is about first, context last. */
export const KIND_ORDER: readonly PlaceKind[] = ['attack', 'strike', 'unrest', 'isis', 'russian', 'other'];

/** The legend's words for each kind. */
export const KIND_LEGEND: Readonly<Record<PlaceKind, string>> = {
  attack: 'Terror attack',
  strike: 'Hit by a drone or missile strike',
  unrest: 'Unrest',
  isis: 'ISIS stronghold (years in the label)',
  russian: 'Russian state or military site',
  other: 'Other place',
};

/** The years a row says ISIS held a place: "2014\u20132017", or "" for any other kind. */
export function heldYears(row: PlaceRow): string {
  if (row.kind !== 'isis' || row.held_from === null) return '';
  return row.held_to === null ? `from ${row.held_from}` : `${row.held_from}\u2013${row.held_to}`;
}

/** A place's kind as a phrase for a sentence or a table cell: "ISIS stronghold 2014\u20132017", "terror attack". */
export function kindPhrase(row: PlaceRow): string {
  if (row.kind === 'isis') return `ISIS stronghold ${heldYears(row)}`.trim();
  const words = KIND_LEGEND[row.kind];
  // "Russian" keeps its capital; the other kinds read in lower case inside a sentence.
  return row.kind === 'russian' ? words : words.charAt(0).toLowerCase() + words.slice(1);
}

/** The map's label for a place: its name, and for an ISIS stronghold the years ("Raqqa 2014\u20132017"). */
export function labelWithYears(name: string, row: PlaceRow): string {
  const years = heldYears(row);
  return years ? `${name} ${years}` : name;
}

/** The kinds among some places, in legend order. */
export function kindsOf(rows: readonly PlaceRow[]): PlaceKind[] {
  const present = new Set(rows.map((row) => row.kind));
  return KIND_ORDER.filter((kind) => present.has(kind));
}
