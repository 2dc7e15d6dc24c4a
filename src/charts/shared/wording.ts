/**
 * The charts' words for numbers, dates and lists, in one place, in British English as the article is written:
 * one `round`, one list of month names, d3-format and d3-time-format for figures and dates. Pure: layouts, draw
 * code, sentences and the build use the same wording. The formatters are marked pure, so a bundle that uses none of
 * them (the map's) carries neither d3-format nor d3-time-format.
 *
 * No `Intl`: the first Intl formatter a page makes loads the browser's locale data, about 50 to 110 ms of one task on a
 * phone (4x CPU), and made when a chart's module ran, that landed in the first screens a reader scrolls. The forms
 * written here are few and fixed, and give what `Intl` gives for British English (test/unit/wording.test.ts).
 */
import { format, utcFormat } from 'd3';

/** Month names, January first. */
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
/** Their three-letter forms ("Jan", "Sep"). */
export const SHORT_MONTHS = /* @__PURE__ */ MONTHS.map((name) => name.slice(0, 3));

/** `value` rounded to `digits` decimals (a drawn coordinate needs no more than a hundredth of a pixel). */
export function round(value: number, digits = 0): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** A whole number with thousands separated: 1,234. */
export const formatInteger = /* @__PURE__ */ format(',.0f');

/**
 * `value` to `digits` decimals as a fixed-point string, rounded half away from zero on the decimal it prints as
 * (0.15 to "0.2", as Intl rounds; `toFixed` alone rounds 0.15's binary value, just under, to "0.1").
 */
function toFixedDecimal(value: number, digits: number): string {
  const magnitude = Math.abs(value);
  const printed = String(magnitude);
  // Exponent forms (below 1e-6, above 1e21) are never figures here; toFixed handles them well enough.
  const rounded = printed.includes('e') ? magnitude : Number(`${Math.round(Number(`${printed}e${digits}`))}e-${digits}`);
  const fixed = rounded.toFixed(digits);
  // As Intl does, a negative figure keeps its sign even when it rounds to nothing ("-0").
  return value < 0 || Object.is(value, -0) ? `-${fixed}` : fixed;
}

/** A fixed-point string with its whole part's thousands separated: "1430.5" to "1,430.5". */
function groupThousands(fixed: string): string {
  const [whole, fraction] = fixed.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** A figure to a tenth at most, thousands separated: "1,430", "16.4". Not d3-format: the map's bundle has none. */
export function formatTenths(value: number): string {
  return groupThousands(toFixedDecimal(value, 1).replace(/\.0$/, ''));
}

/** A figure to three decimals, thousands separated: "55.826" (a coordinate in degrees, to about 100 m). */
export function formatThousandths(value: number): string {
  return groupThousands(toFixedDecimal(value, 3));
}

/** A date as the article writes one: "22 March 2024" (UTC calendar day). */
export const formatDay = /* @__PURE__ */ utcFormat('%-d %B %Y');

/** A date in a table's few characters: "22 Mar 2024" (UTC calendar day). */
export const formatShortDay = /* @__PURE__ */ utcFormat('%-d %b %Y');

/** The parts of a date an axis or a label writes: "22 Mar", "22", "Mar", "March", "March 2024", "2024" (UTC). */
export const formatDayMonth = /* @__PURE__ */ utcFormat('%-d %b');
export const formatDayOfMonth = /* @__PURE__ */ utcFormat('%-d');
export const formatMonthShort = /* @__PURE__ */ utcFormat('%b');
export const formatMonth = /* @__PURE__ */ utcFormat('%B');
export const formatMonthYear = /* @__PURE__ */ utcFormat('%B %Y');
export const formatYear = /* @__PURE__ */ utcFormat('%Y');

/** A time of day on the 24-hour clock: "19:58" (UTC; the data's times are written in Moscow time as UTC). */
export const formatClock = /* @__PURE__ */ utcFormat('%H:%M');

/** The text with its first letter in capitals: a phrase that begins a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Items as a list in a sentence, as British English writes one (no comma before "and"): "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length < 2) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}
