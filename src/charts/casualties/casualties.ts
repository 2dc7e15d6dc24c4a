import { property } from 'lit/decorators.js';
import { FlChart, define } from '../shared/chart-element.ts';
import type { Size } from '../shared/types.ts';
import type { ChartState } from '../shared/schema.ts';
import { chartStyles, themeTokens } from '../shared/theme.ts';
import { TextWidths } from '../shared/text-width.ts';
import { forcedColorStyles } from '../shared/forced-colors.ts';
import { casualtiesDataset, casualtiesSchema, type CasualtyRow } from './schema.ts';
import { casualtiesStyles } from './casualties.styles.ts';
import { casualtiesText } from './text.ts';
import { drawInSteps } from './draw.ts';
import { type CasualtyMarks, layout } from './layout.ts';

export const CASUALTIES_TAG = 'fl-casualties';

/**
 * `<fl-casualties>`: how many people the Crocus City Hall attack killed and injured, in three views.
 *
 * - `view="preliminary"`: the first report as one mark per person, with "at least" shown as marks that fade out.
 * - `view="toll"`: the official count as step lines over report dates, on a time axis cut where months pass.
 * - `view="compare"`: the latest toll against earlier terror attacks on Russian soil, ranges where sources differ.
 *
 * Data: the story's rows by default, or `data` / `src` with the columns of `story/data/casualties.csv`.
 *
 * @cssproperty --fl-accent - deaths
 * @cssproperty --fl-accent-2 - injuries
 */
export class FlCasualties extends FlChart<CasualtyRow, CasualtyMarks> {
  static override styles = [themeTokens, chartStyles, casualtiesStyles, forcedColorStyles];

  /** `preliminary`, `toll` or `compare` (default `preliminary`). */
  @property({ reflect: true }) view?: string;

  protected override readonly schema = casualtiesSchema;
  protected override readonly datasetSchema = casualtiesDataset;
  protected override readonly text = casualtiesText;

  /** Labels are measured in the font they are drawn in, and again once fonts have loaded. */
  private readonly fonts = new TextWidths(this);

  protected override layoutInputsKey(): string {
    return String(this.fonts.version);
  }

  protected override layout(rows: readonly CasualtyRow[], state: ChartState, size: Size): CasualtyMarks {
    return layout({ rows, state, size, textWidth: this.fonts.width });
  }

  protected override draw(svg: SVGSVGElement, marks: CasualtyMarks, duration: number): Iterator<void, void> {
    return drawInSteps(svg, marks, { duration });
  }
}

/** Defines `<fl-casualties>` unless the page has it already. */
export function defineCasualties(): void {
  define(CASUALTIES_TAG, FlCasualties);
}

declare global {
  interface HTMLElementTagNameMap {
    'fl-casualties': FlCasualties;
  }
}
