/**
 * The timeline's geometry as a pure function: `layout(rows, state, size)` returns every mark's position, and
 * `intervalBetween(a, b)` computes and words the span between two events. No DOM here, so Node tests can check
 * ordering, spans and label collisions directly.
 *
 * Time is kept as Moscow wall-clock time written into a UTC timestamp ("2024-03-22T19:58" becomes
 * Date.UTC(2024, 2, 22, 19, 58)). The data's times are Moscow time (UTC+3) and the axis speaks Moscow time, so
 * UTC tick intervals then fall on Moscow midnights in every browser, whatever the reader's own time zone.
 * Spans are unaffected: both ends carry the same offset.
 *
 * Recommended states for the story's steps (attributes of <fl-timeline>):
 *
 *   the long view, 1999-2024 (the Chechen war, the caliphate, Russia in Syria):
 *     from="1999-01-01" to="2024-12-31" highlight="second-chechen-war caliphate syria-intervention"
 *   Karabakh, September 2023, to the Dagestan riot (39 days):
 *     from="2023-09-01" to="2024-03-31" highlight="karabakh-offensive karabakh-ceasefire hamas-attack dagestan-riot"
 *     interval="karabakh-ceasefire dagestan-riot"
 *   March 2024, day by day (synagogue plot, refinery, election, attack):
 *     from="2024-03-01" to="2024-03-31" highlight="synagogue-plot kstovo-strike election crocus-attack"
 *   the election just before the attack (5 days from the end of voting):
 *     from="2024-03-01" to="2024-03-31" highlight="election election-result crocus-attack"
 *     interval="election crocus-attack"
 *   the last day: the strike on Ukraine's grid, then the attack (about 15 hours):
 *     from="2024-03-22" to="2024-03-22" highlight="grid-strike crocus-attack" interval="grid-strike crocus-attack"
 */
import type { LayoutInput } from '../shared/types.ts';
import { estimateTextWidth as estimateWidth } from '../shared/text-width.ts';
import { splitIds } from '../shared/schema.ts';
import type { EventRow } from './schema.ts';
import { type WidthOf } from './layout-axis.ts';
import { intervalBetween, visibleRows, windowOf } from './layout-dates.ts';
import { layoutHorizontalInSteps } from './layout-horizontal.ts';
import { runToEnd } from '../shared/background.ts';
import { type Emphasis, type Input, type TimelineMarks, VERTICAL_BELOW } from './layout-marks.ts';
import { layoutVertical } from './layout-vertical.ts';
export * from './layout-dates.ts';
export * from './layout-axis.ts';
export * from './layout-marks.ts';
export * from './layout-clusters.ts';
export * from './layout-labels.ts';

/**
 * The marks for a state at a size. Labels are measured by `widthOf` (the font's metrics by default) with a pixel of
 * slack, because canvas and SVG text round differently.
 */
export function layout(input: LayoutInput<EventRow>): TimelineMarks {
  return runToEnd(layoutInSteps(input));
}

/** `layout` a piece at a time, for a layout made ahead of need in slices (see layoutHorizontalInSteps). */
export function* layoutInSteps({ rows, state, size, textWidth = estimateWidth }: LayoutInput<EventRow>): Generator<void, TimelineMarks> {
  const widthOf: WidthOf = (text, bold, fontSize) => textWidth(text, fontSize, { weight: bold ? 700 : 400 }) + 1;
  const domain = windowOf(state);
  const visible = visibleRows(rows, state);
  const highlighted = new Set(splitIds(state.highlight ?? ''));
  const emphasisOf = (id: string): Emphasis => (highlighted.size === 0 ? 'normal' : highlighted.has(id) ? 'emphasis' : 'muted');
  const ids = splitIds(state.interval ?? '');
  const pair = ids.length === 2 ? ids.map((id) => rows.find((row) => row.id === id)) : [];
  const span = pair.length === 2 && pair[0] && pair[1] && pair[0] !== pair[1] ? intervalBetween(pair[0], pair[1]) : null;
  const input: Input = { rows: visible, domain, emphasisOf, span, widthOf, size };
  return size.width < VERTICAL_BELOW ? layoutVertical(input) : yield* layoutHorizontalInSteps(input);
}
