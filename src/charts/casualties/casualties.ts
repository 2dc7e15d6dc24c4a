import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { FlChart, define } from '../shared/chart-element.ts';
import type { Size } from '../shared/types.ts';
import type { ChartState } from '../shared/schema.ts';
import { chartStyles, themeTokens } from '../shared/theme.ts';
import { TextWidths } from '../shared/text-width.ts';
import { forcedColorStyles } from '../shared/forced-colors.ts';
import { casualtiesDataset, casualtiesSchema, type CasualtyRow, type CasualtyView } from './schema.ts';
import { casualtiesStyles } from './casualties.styles.ts';
import { describeCasualties, sourceLine } from './text.ts';
import { legendSentence } from './legend.ts';
import { draw } from './draw.ts';
import {
  type CasualtyMarks,
  formatDay,
  formatFigure,
  formatReported,
  layout,
  rowsShown,
  viewOf,
} from './layout.ts';

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

  /** Labels are measured in the font they are drawn in, and again once fonts have loaded. */
  private readonly fonts = new TextWidths(this);

  protected override layoutInputsKey(): string {
    return String(this.fonts.version);
  }

  protected override layout(rows: readonly CasualtyRow[], state: ChartState, size: Size): CasualtyMarks {
    return layout({ rows, state, size, textWidth: this.fonts.width });
  }

  protected override draw(svg: SVGSVGElement, marks: CasualtyMarks, duration: number): void {
    draw(svg, marks, { duration });
  }

  protected override legend(rows: readonly CasualtyRow[], state: ChartState): string | null {
    return legendSentence(rows, viewOf(state));
  }

  protected override describe(rows: readonly CasualtyRow[], state: ChartState): string {
    return describeCasualties(rows, viewOf(state));
  }

  protected override renderTable(rows: readonly CasualtyRow[], state: ChartState): TemplateResult {
    const view = viewOf(state);
    const shown = rowsShown(rows, view);
    return view === 'compare' ? compareTable(shown) : reportsTable(shown, view);
  }

  protected override sourceLine(rows: readonly CasualtyRow[], state: ChartState): string {
    return sourceLine(rows, viewOf(state));
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

// ---------------------------------------------------------------------------------------------------------
// Tables

function figure(value: number | null, high: number | null, qualifier: CasualtyRow['killed_qualifier'] | null): string {
  return value === null ? '\u2013' : formatFigure(value, high, qualifier);
}

function reportsTable(rows: readonly CasualtyRow[], view: CasualtyView): TemplateResult {
  const name = rows[0]?.attack_name ?? '';
  const caption = view === 'preliminary' ? `${name}: the first report` : `${name}: successive reports`;
  return html`
    <table>
      <caption>${caption}</caption>
      <thead>
        <tr>
          <th scope="col">Reported</th>
          <th scope="col" class="number">Killed</th>
          <th scope="col" class="number">Injured</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) => html`
            <tr>
              <th scope="row">${formatReported(row)}</th>
              <td class="number">${figure(row.killed, row.killed_high, row.killed_qualifier)}</td>
              <td class="number">${figure(row.injured, row.injured_high, row.injured_qualifier)}</td>
              <td>${row.source}${row.note ? html`<br /><small>${row.note}</small>` : ''}</td>
            </tr>
          `,
        )}
      </tbody>
    </table>
  `;
}

function attackDates(row: CasualtyRow): string {
  const start = new Date(`${row.attack_date}T00:00:00Z`);
  if (!row.attack_end || row.attack_end === row.attack_date) return formatDay(start);
  return `${formatDay(start)} to ${formatDay(new Date(`${row.attack_end}T00:00:00Z`))}`;
}

function compareTable(rows: readonly CasualtyRow[]): TemplateResult {
  return html`
    <table>
      <caption>Deaths in terror attacks on Russian soil, deadliest first</caption>
      <thead>
        <tr>
          <th scope="col">Attack</th>
          <th scope="col">Date</th>
          <th scope="col" class="number">Killed</th>
          <th scope="col" class="number">Injured</th>
          <th scope="col">Note</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) => html`
            <tr>
              <th scope="row">${row.attack_name}</th>
              <td>${attackDates(row)}</td>
              <td class="number">${figure(row.killed, row.killed_high, row.killed_qualifier)}</td>
              <td class="number">${figure(row.injured, row.injured_high, row.injured_qualifier)}</td>
              <td>${[row.killed_high !== null && row.killed_high !== row.killed ? 'Sources differ.' : '', row.note ?? ''].filter(Boolean).join(' ')}</td>
            </tr>
          `,
        )}
      </tbody>
    </table>
  `;
}
