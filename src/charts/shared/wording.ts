/**
 * The charts' words for numbers, dates and lists, in one place, in British English as the article is written:
 * one `round`, one list of month names, d3-format and d3-time-format for figures and dates, `Intl.ListFormat` for
 * lists ("a, b and c"). Pure: layouts, draw code, sentences and the build use the same wording. The formatters are
 * marked pure, so a bundle that uses none of them (the map's) carries neither d3-format nor d3-time-format.
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

/** A date as the article writes one: "22 March 2024" (UTC calendar day). */
export const formatDay = /* @__PURE__ */ utcFormat('%-d %B %Y');

const conjunction = /* @__PURE__ */ new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

/** Items as a list in a sentence: "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  return conjunction.format(items);
}
