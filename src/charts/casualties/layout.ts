/**
 * The casualty chart's geometry, as a pure function: rows + state + size in, marks out. No DOM, so Node tests
 * can check every view at every size, and the element only has to join these marks to SVG.
 *
 * Text is measured by the function the caller passes: the element measures in the font it draws with; without a DOM
 * (Node tests, build-time drawings) widths come from the same font's advance widths.
 */
import type { LayoutInput } from '../shared/types.ts';
import { estimateTextWidth } from '../shared/text-width.ts';
import { type CasualtyRow } from './schema.ts';
import { layoutCompare } from './layout-compare.ts';
import { type CasualtyMarks, EMPTY, type WidthOf } from './layout-marks.ts';
import { layoutPreliminary } from './layout-preliminary.ts';
import { viewOf } from './layout-rows.ts';
import { layoutToll } from './layout-toll.ts';
export * from './layout-marks.ts';
export * from './layout-rows.ts';

/** The marks for a state at a size; `widthOf` gives text widths in the chart font (the font's metrics by default). */
export function layout({ rows, state, size, textWidth = estimateTextWidth }: LayoutInput<CasualtyRow>): CasualtyMarks {
  const widthOf: WidthOf = (text, px, weight = 400) => textWidth(text, px, { weight });
  const view = viewOf(state);
  const width = Math.max(0, size.width);
  const height = Math.max(0, size.height);
  if (width === 0 || height === 0 || rows.length === 0) return { view, width, height, ...EMPTY };
  switch (view) {
    case 'preliminary':
      return layoutPreliminary(rows, width, height, widthOf);
    case 'toll':
      return layoutToll(rows, width, height, widthOf);
    case 'compare':
      return layoutCompare(rows, width, height, widthOf);
  }
}
