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

// Intl, not d3-format, for the two decimal forms: the map's bundle uses only these and so carries no d3-format.
const tenths = /* @__PURE__ */ new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const thousandths = /* @__PURE__ */ new Intl.NumberFormat('en-GB', { minimumFractionDigits: 3, maximumFractionDigits: 3 });

/** A figure to a tenth at most, thousands separated: "1,430", "16.4". */
export function formatTenths(value: number): string {
  return tenths.format(value);
}

/** A figure to three decimals: "55.826" (a coordinate in degrees, to about 100 m). */
export function formatThousandths(value: number): string {
  return thousandths.format(value);
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

const conjunction = /* @__PURE__ */ new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

/** The text with its first letter in capitals: a phrase that begins a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Items as a list in a sentence: "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  return conjunction.format(items);
}
