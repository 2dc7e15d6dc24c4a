import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { select, type BaseType, type Selection } from 'd3-selection';
// Side effect: adds .transition() to selections; a bundler would drop it without this import.
import 'd3-transition';
import { axisBottom, axisLeft } from 'd3-axis';
import { FlChart, define, type Size } from '../shared/chart-element.ts';
import type { ChartState } from '../shared/schema.ts';
import { chartStyles, themeTokens } from '../shared/theme.ts';
import { FontWatch } from '../shared/font-watch.ts';
import { forcedColorStyles } from '../shared/forced-colors.ts';
import { casualtiesDataset, casualtiesSchema, type CasualtyRow, type CasualtyView } from './schema.ts';
import { casualtiesStyles } from './casualties.styles.ts';
import { describeCasualties, sourceLine } from './text.ts';
import { legendSentence } from './legend.ts';
import {
  type AxisMark,
  type CasualtyMarks,
  type CircleMark,
  type LineMark,
  type PathMark,
  type RectMark,
  type TextMark,
  formatDay,
  formatFigure,
  formatReported,
  layout,
  textWidth,
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
  private readonly fonts = new FontWatch(this);

  protected override layoutInputsKey(): string {
    return String(this.fonts.version);
  }

  protected override layout(rows: readonly CasualtyRow[], state: ChartState, size: Size): CasualtyMarks {
    return layout(rows, state, size, (text, px, weight = 400) => this.fonts.measure(text, px, weight) ?? textWidth(text, px, weight));
  }

  protected override draw(svg: SVGSVGElement, marks: CasualtyMarks, duration: number): void {
    drawCasualties(svg, marks, duration);
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

// ---------------------------------------------------------------------------------------------------------
// Drawing: keyed joins, so a mark that stays moves and one that goes fades out.

type Layer = Selection<SVGGElement, unknown, null, undefined>;
type AnySelection<E extends BaseType, D> = Selection<E, D, SVGGElement, unknown>;
type Attrs<D> = Record<string, (d: D, i: number) => string | number | null>;

const LAYERS = ['grid', 'rects', 'paths', 'circles', 'axes', 'texts'] as const;

function layer(svg: SVGSVGElement, name: (typeof LAYERS)[number]): Layer {
  const root = select(svg);
  if (root.select('g.layer').empty()) for (const each of LAYERS) root.append('g').attr('class', `layer layer-${each}`);
  return root.select<SVGGElement>(`g.layer-${name}`);
}

/** Sets attributes now (duration 0) or over a transition. */
function apply<E extends BaseType, D>(selection: AnySelection<E, D>, duration: number, attrs: Attrs<D>, delay?: (d: D, i: number) => number): void {
  if (duration > 0) {
    const transition = selection.transition().duration(duration);
    if (delay) transition.delay(delay);
    for (const [name, value] of Object.entries(attrs)) transition.attr(name, value);
  } else {
    for (const [name, value] of Object.entries(attrs)) selection.attr(name, value);
  }
}

function leave<E extends BaseType, D>(exit: AnySelection<E, D>, duration: number): void {
  exit.classed('exiting', true);
  if (duration > 0) exit.transition().duration(duration * 0.4).attr('opacity', 0).remove();
  else exit.remove();
}

export function drawCasualties(svg: SVGSVGElement, marks: CasualtyMarks, duration: number): void {
  const root = select(svg);
  // A state that arrives mid-animation wins: finish leaving marks now and take the rest from where they are.
  root.selectAll('.exiting').interrupt().remove();
  root.selectAll('*').interrupt();
  root.attr('data-view', marks.view);
  drawLines(layer(svg, 'grid'), marks.lines, duration);
  drawRects(layer(svg, 'rects'), marks.rects, duration);
  drawPaths(layer(svg, 'paths'), marks.paths, duration);
  drawCircles(layer(svg, 'circles'), marks.circles, duration);
  drawAxes(layer(svg, 'axes'), marks.axes, duration);
  drawTexts(layer(svg, 'texts'), marks.texts, duration);
}

function drawCircles(g: Layer, data: readonly CircleMark[], duration: number): void {
  const joined = g
    .selectAll<SVGCircleElement, CircleMark>('circle')
    .data(data, (d) => d.key)
    .join(
      (enter) => enter.append('circle').attr('cx', (d) => d.cx).attr('cy', (d) => d.cy).attr('r', 0).attr('opacity', (d) => d.opacity),
      (update) => update,
      (exit) => leave(exit, duration),
    )
    .attr('class', (d) => d.cls);
  // Marks fill in reading order, over the first half of the transition.
  apply(joined, duration, { cx: (d) => d.cx, cy: (d) => d.cy, r: (d) => d.r, opacity: (d) => d.opacity }, (d) => d.order * duration * 0.5);
}

function drawRects(g: Layer, data: readonly RectMark[], duration: number): void {
  const joined = g
    .selectAll<SVGRectElement, RectMark>('rect')
    .data(data, (d) => d.key)
    .join(
      // Bars grow from their baseline.
      (enter) => enter.append('rect').attr('x', (d) => d.x).attr('y', (d) => d.y).attr('height', (d) => d.height).attr('width', 0).attr('opacity', 1),
      (update) => update,
      (exit) => leave(exit, duration),
    )
    .attr('class', (d) => d.cls);
  apply(
    joined,
    duration,
    { x: (d) => d.x, y: (d) => d.y, width: (d) => d.width, height: (d) => d.height, opacity: () => 1 },
    (d) => d.order * duration * 0.4,
  );
}

function drawPaths(g: Layer, data: readonly PathMark[], duration: number): void {
  const joined = g
    .selectAll<SVGPathElement, PathMark>('path')
    .data(data, (d) => d.key)
    .join(
      (enter) => enter.append('path').attr('d', (d) => d.d).attr('opacity', 0),
      (update) => update,
      (exit) => leave(exit, duration),
    )
    .attr('class', (d) => d.cls)
    .style('stroke-dasharray', null)
    .style('stroke-dashoffset', null);
  apply(joined, duration, { d: (d) => d.d, opacity: () => 1 });
  if (duration <= 0) return;
  // Step lines draw themselves from left to right as they come in.
  joined
    .filter(function () {
      return this.getAttribute('opacity') === '0' && this.classList.contains('step-line');
    })
    .each(function () {
      const length = this.getTotalLength();
      select(this)
        .attr('opacity', 1)
        .style('stroke-dasharray', `${length} ${length}`)
        .style('stroke-dashoffset', `${length}`)
        .transition()
        .duration(duration)
        .style('stroke-dashoffset', '0')
        .on('end interrupt', function () {
          select(this).style('stroke-dasharray', null).style('stroke-dashoffset', null);
        });
    });
}

function drawLines(g: Layer, data: readonly LineMark[], duration: number): void {
  const joined = g
    .selectAll<SVGLineElement, LineMark>('line')
    .data(data, (d) => d.key)
    .join(
      (enter) =>
        enter.append('line').attr('x1', (d) => d.x1).attr('x2', (d) => d.x2).attr('y1', (d) => d.y1).attr('y2', (d) => d.y2).attr('opacity', 0),
      (update) => update,
      (exit) => leave(exit, duration),
    )
    .attr('class', (d) => d.cls);
  apply(joined, duration, { x1: (d) => d.x1, x2: (d) => d.x2, y1: (d) => d.y1, y2: (d) => d.y2, opacity: () => 1 });
}

function drawTexts(g: Layer, data: readonly TextMark[], duration: number): void {
  const joined = g
    .selectAll<SVGTextElement, TextMark>('text')
    .data(data, (d) => d.key)
    .join(
      (enter) => enter.append('text').attr('x', (d) => d.x).attr('y', (d) => d.y).attr('opacity', 0),
      (update) => update,
      (exit) => leave(exit, duration),
    )
    .attr('class', (d) => d.cls)
    .attr('text-anchor', (d) => d.anchor)
    .style('font-size', (d) => `${d.size}px`)
    .style('font-weight', (d) => String(d.weight))
    .each(function (d) {
      // Text and suffix as child nodes, so the suffix can take its own colour.
      const text = select(this);
      const current = this.getAttribute('data-text');
      const wanted = `${d.text}\u0000${d.suffix ?? ''}`;
      if (current === wanted) return;
      this.setAttribute('data-text', wanted);
      text.text(d.text);
      if (d.suffix) text.append('tspan').attr('class', 'suffix muted').text(d.suffix);
    });
  apply(joined, duration, { x: (d) => d.x, y: (d) => d.y, opacity: () => 1 });
}

function drawAxes(g: Layer, data: readonly AxisMark[], duration: number): void {
  const joined = g
    .selectAll<SVGGElement, AxisMark>('g.axis')
    .data(data, (d) => d.key)
    .join(
      (enter) => enter.append('g').attr('opacity', 0).attr('transform', (d) => `translate(${d.x},${d.y})`),
      (update) => update,
      (exit) => leave(exit, duration),
    )
    .attr('class', (d) => d.cls);
  joined.each(function (d) {
    const group = select(this);
    const entering = this.getAttribute('opacity') === '0';
    const labels = new Map<number, string>(d.ticks.map((t) => [+t.value, t.label]));
    const format = (value: Date | { valueOf(): number }) => labels.get(+value) ?? '';
    if (d.kind === 'time') {
      const axis = axisBottom(d.scale)
        .tickValues(d.ticks.map((t) => t.value))
        .tickFormat(format)
        .tickSize(d.tickSize)
        .tickSizeOuter(0)
        .tickPadding(d.tickPadding);
      if (duration > 0 && !entering) group.transition().duration(duration).call(axis);
      else group.call(axis);
    } else {
      const axis = axisLeft(d.scale)
        .tickValues(d.ticks.map((t) => t.value))
        .tickFormat(format)
        .tickSize(d.tickSize)
        .tickPadding(d.tickPadding);
      if (duration > 0 && !entering) group.transition().duration(duration).call(axis);
      else group.call(axis);
    }
    // d3-axis styles its group inline; the stylesheet's tokens should decide.
    group.attr('font-size', null).attr('font-family', null);
  });
  apply(joined, duration, { transform: (d) => `translate(${d.x},${d.y})`, opacity: () => 1 });
}
