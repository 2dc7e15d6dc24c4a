import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleUtc } from 'd3-scale';
import { select, type BaseType, type Selection } from 'd3-selection';
import 'd3-transition';
import { FlChart, define, type Size } from '../shared/chart-element.ts';
import type { ChartState } from '../shared/schema.ts';
import { chartStyles, themeTokens } from '../shared/theme.ts';
import { FontWatch } from '../shared/font-watch.ts';
import { forcedColorStyles } from '../shared/forced-colors.ts';
import { eventsDataset, timelineSchema, type EventRow } from './schema.ts';
import { estimateTextWidth, layout, legendSentence, type ClusterMark, type EventMark, type LegendEntry, type IntervalMark, type Measure, type TimelineMarks } from './layout.ts';
import { describeTimeline, hasTimes, sourceLine, tableRows, windowName } from './text.ts';
import { timelineStyles } from './timeline.styles.ts';

let instances = 0;

type Point = readonly (readonly [number, number])[];
const points = (line: Point) => line.map(([x, y]) => `${round(x)},${round(y)}`).join(' ');
const round = (value: number) => Math.round(value * 10) / 10;

/**
 * `<fl-timeline>`: the dates the article argues through, on one time axis that zooms from decades to hours.
 *
 * State (attributes): `from` and `to` (yyyy-mm-dd) set the window, and changing them zooms with a transition;
 * `highlight` (event ids) emphasizes some events and mutes the rest; `interval` (two event ids) draws a bracket
 * between two events labelled with the span computed from their dates ("39 days", "about 15 hours").
 * Data: the rows of `story/data/events.csv` (the story's default), or a `src` file or `data` array with its columns.
 * Below 600 px wide the axis runs down the page.
 *
 * @csspart figure - the figure around plot, caption and table
 * @csspart svg - the plot
 * @csspart table - the table of the events in the window
 */
export class FlTimeline extends FlChart<EventRow, TimelineMarks> {
  static override styles = [themeTokens, chartStyles, timelineStyles, forcedColorStyles];

  /** First day of the window (yyyy-mm-dd). */
  @property() from?: string;
  /** Last day of the window (yyyy-mm-dd), included. */
  @property() to?: string;
  /** Space-separated event ids drawn emphasized; the others are muted. */
  @property() highlight?: string;
  /** Two event ids: a bracket between them, labelled with the span between their dates. */
  @property() interval?: string;

  protected readonly schema = timelineSchema;
  protected readonly datasetSchema = eventsDataset;

  private readonly clipId = `fl-timeline-clip-${++instances}`;
  private previous?: TimelineMarks;

  protected layout(rows: readonly EventRow[], state: ChartState, size: Size): TimelineMarks {
    return layout(rows, state, size, { measure: this.measure });
  }

  /** Labels are measured in the font they are drawn in, and again once fonts have loaded. */
  private readonly fonts = new FontWatch(this);

  private measure: Measure = (text, bold, size) => {
    // A pixel of slack: canvas and SVG text round differently.
    const width = this.fonts.measure(text, size, bold ? 700 : 400);
    return width === undefined ? estimateTextWidth(text, bold, size) : width + 1;
  };

  protected override layoutInputsKey(): string {
    return String(this.fonts.version);
  }

  protected override legend(rows: readonly EventRow[], state: ChartState): string | null {
    return legendSentence(rows, state);
  }

  protected describe(rows: readonly EventRow[], state: ChartState): string {
    return describeTimeline(rows, state);
  }

  protected sourceLine(rows: readonly EventRow[], state: ChartState): string {
    return sourceLine(rows, state);
  }

  protected renderTable(rows: readonly EventRow[], state: ChartState): TemplateResult {
    const events = tableRows(rows, state);
    const timed = hasTimes(events.map((e) => e.row));
    return html`
      <table>
        <caption>
          Events, ${windowName(state)}${timed ? ' (times are Moscow time, UTC+3)' : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Event</th>
            <th scope="col">Note</th>
            <th scope="col" class="source">Source</th>
          </tr>
        </thead>
        <tbody>
          ${events.length === 0
            ? html`<tr><td colspan="4">No events in this window.</td></tr>`
            : events.map(
                ({ row, when }) => html`
                  <tr data-id=${row.id}>
                    <td class="when">${when}</td>
                    <th scope="row">${row.label}</th>
                    <td class="note">${row.note ?? ''}${row.confidence === 'disputed' ? html` <em>(disputed)</em>` : ''}</td>
                    <td class="source">${row.source}</td>
                  </tr>
                `,
              )}
        </tbody>
      </table>
    `;
  }

  protected draw(svgElement: SVGSVGElement, marks: TimelineMarks, duration: number): void {
    const svg = select(svgElement);
    const previous = this.previous;
    const sameOrientation = previous?.orientation === marks.orientation;
    this.previous = marks;
    const horizontal = marks.orientation === 'horizontal';
    const ms = duration > 0 && sameOrientation ? duration : 0;
    // A jump (animation off, a resize) ends any move still running, or its tweens would keep overwriting the
    // final positions set here.
    if (!ms) svg.selectAll('*').interrupt();

    // Positions of a time under the old and the new scale, to slide entering and leaving events along the axis.
    const scaleOf = (m: TimelineMarks) => scaleUtc().domain([m.domain[0], m.domain[1]]).range([m.range[0], m.range[1]]);
    const scale = scaleOf(marks);
    const oldScale = previous && sameOrientation ? scaleOf(previous) : scale;
    const shift = (d: number) => (horizontal ? `translate(${round(d)},0)` : `translate(0,${round(d)})`);

    if (!sameOrientation) svg.selectAll('*').remove();
    const layer = <E extends SVGElement>(name: string, tag = 'g'): Selection<E, unknown, null, undefined> => {
      const found = svgElement.querySelector<E>(`:scope > .${name}`);
      if (found) return select(found);
      const node = document.createElementNS('http://www.w3.org/2000/svg', tag) as E;
      node.setAttribute('class', name);
      svgElement.append(node);
      return select(node);
    };

    // The clip keeps marks sliding in or out of the window from spilling past the axis ends.
    const defs = layer<SVGDefsElement>('defs', 'defs');
    let clip = defs.select<SVGRectElement>('clipPath rect');
    if (clip.empty()) clip = defs.append('clipPath').attr('id', this.clipId).append('rect');
    const [r0, r1] = marks.range;
    const edge = 8;
    if (horizontal) clip.attr('x', r0 - edge).attr('y', 0).attr('width', r1 - r0 + 2 * edge).attr('height', marks.height);
    else clip.attr('x', 0).attr('y', r0 - edge).attr('width', marks.width).attr('height', r1 - r0 + 2 * edge);

    // d3-axis slides surviving ticks and brings new ones in from where the old scale put them.
    const axisLayer = layer<SVGGElement>('axis');
    const labels = new Map(marks.axis.ticks.map((t) => [t.t, t.label]));
    const axis = (horizontal ? axisBottom(scale) : axisLeft(scale))
      .tickValues(marks.axis.ticks.map((t) => new Date(t.t)))
      .tickFormat((d) => labels.get(+d) ?? '')
      .tickSizeOuter(0)
      .tickSizeInner(4)
      .tickPadding(horizontal ? 5 : 6);
    axisLayer
      .attr('transform', horizontal ? `translate(0,${marks.axis.offset})` : `translate(${marks.axis.offset},0)`)
      .style('font-size', `${marks.axis.fontSize}px`);
    if (ms) axisLayer.transition().duration(ms).call(axis);
    else axisLayer.call(axis);
    axisLayer.attr('font-size', null).attr('font-family', null);

    layer<SVGTextElement>('axis-note', 'text')
      .attr('x', marks.axis.note?.x ?? 0)
      .attr('y', marks.axis.note?.y ?? 0)
      .attr('text-anchor', marks.axis.note?.anchor ?? 'start')
      .style('font-size', `${marks.axis.fontSize}px`)
      .text(marks.axis.note?.text ?? '');

    const track = layer<SVGLineElement>('track', 'line');
    if (horizontal) track.attr('x1', r0).attr('x2', r1).attr('y1', marks.track).attr('y2', marks.track);
    else track.attr('x1', marks.track).attr('x2', marks.track).attr('y1', r0).attr('y2', r1);

    this.drawInterval(layer<SVGGElement>('interval'), marks, ms);
    this.drawClusters(layer<SVGGElement>('clusters'), marks, ms);

    // The key to bars and dots, drawn as the marks are.
    const key = layer<SVGGElement>('legend')
      .selectAll<SVGGElement, LegendEntry>('g.key')
      .data([...marks.legend], (d) => d.code)
      .join((enter) => {
        const g = enter.append('g');
        g.append('rect').attr('class', 'swatch');
        g.append('text').attr('dominant-baseline', 'central');
        return g;
      });
    key.attr('class', (d) => `key key-${d.code}`);
    key
      .select('rect')
      .attr('x', (d) => round(d.swatch.x0))
      .attr('y', (d) => round(d.swatch.y0))
      .attr('width', (d) => round(d.swatch.x1 - d.swatch.x0))
      .attr('height', (d) => round(d.swatch.y1 - d.swatch.y0))
      .attr('rx', (d) => (d.code === 'bar' ? 1.5 : (d.swatch.x1 - d.swatch.x0) / 2));
    key
      .select('text')
      .attr('x', (d) => round(d.x))
      .attr('y', (d) => round(d.y))
      .style('font-size', (d) => `${d.fontSize}px`)
      .text((d) => d.text);

    const join = layer<SVGGElement>('events')
      .selectAll<SVGGElement, EventMark>('g.event')
      .data([...marks.events], (d) => d.id);

    const exit = join.exit<EventMark>();
    if (ms) {
      exit
        .transition()
        .duration(ms)
        .attr('transform', (d) => shift(scale(d.start) - oldScale(d.start)))
        .style('opacity', 0)
        .remove();
    } else exit.remove();

    const enter = join
      .enter()
      .append('g')
      .attr('data-id', (d) => d.id)
      .style('opacity', ms ? 0 : 1)
      .attr('transform', (d) => (ms ? shift(oldScale(d.start) - scale(d.start)) : null));
    enter.append('polyline').attr('class', 'leader');
    enter.append('rect').attr('class', 'mark');
    enter.append('text').attr('class', 'date').attr('dominant-baseline', 'central');
    enter.append('text').attr('class', 'label').attr('dominant-baseline', 'central');

    const all = enter.merge(join);
    all
      .attr('class', (d) => `event ${d.emphasis} kind-${d.kind}`)
      .attr('data-emphasis', (d) => d.emphasis)
      .attr('data-shape', (d) => d.shape);
    all.select('.mark').attr('clip-path', `url(#${this.clipId})`).classed('bar', (d) => d.shape === 'bar');
    const label = all.select<SVGTextElement>('.label');
    label
      .text((d) => d.label.text)
      .attr('data-abbreviated', (d) => d.label.abbreviated)
      .attr('text-anchor', (d) => d.label.anchor)
      .style('font-size', (d) => `${d.label.fontSize}px`);
    // The full wording of an abbreviated label, as a tooltip on its event.
    all
      .selectAll('title')
      .data((d) => (d.label.abbreviated === 'none' ? [] : [d.label.full]))
      .join('title')
      .text((d) => d);

    animated(all, ms).style('opacity', 1).attr('transform', null);
    animated(all.select<SVGRectElement>('.mark'), ms)
      .attr('x', (d) => round(markBox(d).x0))
      .attr('y', (d) => round(markBox(d).y0))
      .attr('width', (d) => round(markBox(d).x1 - markBox(d).x0))
      .attr('height', (d) => round(markBox(d).y1 - markBox(d).y0))
      .attr('rx', (d) => (d.bar ? 2 : d.r));
    animated(all.select<SVGPolylineElement>('.leader'), ms).attr('points', (d) => points(d.leader));
    animated(label, ms)
      .attr('x', (d) => round(d.label.x))
      .attr('y', (d) => round(d.label.y));

    const date = all.select<SVGTextElement>('.date');
    date
      .text((d) => d.label.date?.text ?? '')
      .attr('text-anchor', (d) => d.label.anchor)
      .style('font-size', (d) => (d.label.date ? `${d.label.date.fontSize}px` : null));
    animated(date, ms)
      .attr('x', (d) => round(d.label.x))
      .attr('y', (d) => round(d.label.date?.y ?? d.label.y));
  }

  /** Each cluster: a bracket over its members' marks, a leader, its label and date line; its members as a tooltip. */
  private drawClusters(group: Selection<SVGGElement, unknown, null, undefined>, marks: TimelineMarks, ms: number): void {
    const join = group.selectAll<SVGGElement, ClusterMark>('g.cluster').data([...marks.clusters], (d) => d.key);
    if (ms) join.exit().transition().duration(ms).style('opacity', 0).remove();
    else join.exit().remove();
    const enter = join.enter().append('g').attr('class', 'cluster').style('opacity', ms ? 0 : 1);
    enter.append('path').attr('class', 'band');
    enter.append('polyline').attr('class', 'leader');
    enter.append('text').attr('class', 'date').attr('dominant-baseline', 'central');
    enter.append('text').attr('class', 'label').attr('dominant-baseline', 'central');
    enter.append('title');
    const all = enter.merge(join);
    all.attr('data-key', (d) => d.key).attr('data-ids', (d) => d.ids.join(' '));
    all.select('title').text((d) => d.names.join('; '));
    all
      .select<SVGTextElement>('.label')
      .text((d) => d.label.text)
      .attr('data-abbreviated', (d) => d.label.abbreviated)
      .attr('text-anchor', (d) => d.label.anchor)
      .style('font-size', (d) => `${d.label.fontSize}px`);
    all
      .select<SVGTextElement>('.date')
      .text((d) => d.label.date?.text ?? '')
      .attr('text-anchor', (d) => d.label.anchor)
      .style('font-size', (d) => (d.label.date ? `${d.label.date.fontSize}px` : null));
    animated(all, ms).style('opacity', 1);
    animated(all.select<SVGPathElement>('.band'), ms).attr('d', (d) => d.path);
    animated(all.select<SVGPolylineElement>('.leader'), ms).attr('points', (d) => points(d.leader));
    animated(all.select<SVGTextElement>('.label'), ms)
      .attr('x', (d) => round(d.label.x))
      .attr('y', (d) => round(d.label.y));
    animated(all.select<SVGTextElement>('.date'), ms)
      .attr('x', (d) => round(d.label.x))
      .attr('y', (d) => round(d.label.date?.y ?? d.label.y));
  }

  private drawInterval(group: Selection<SVGGElement, unknown, null, undefined>, marks: TimelineMarks, ms: number): void {
    const interval = marks.interval;
    group.attr('data-span', interval ? interval.span.text : null).attr('data-days', interval ? interval.span.days : null);
    const data = interval ? [interval] : [];
    const leave = <E extends SVGElement>(selection: Selection<E, IntervalMark, SVGGElement, unknown>) => {
      if (ms) selection.transition().duration(ms).style('opacity', 0).remove();
      else selection.remove();
    };

    const bracket = group.selectAll<SVGPathElement, IntervalMark>('path.bracket').data(data);
    leave(bracket.exit());
    const brackets = bracket.enter().append('path').attr('class', 'bracket').style('opacity', 0).merge(bracket);
    animated(brackets, ms).style('opacity', 1).attr('d', (d) => d.path);

    const leader = group.selectAll<SVGPolylineElement, IntervalMark>('polyline.bracket-leader').data(data.filter((d) => d.leader));
    leave(leader.exit());
    const leaders = leader.enter().append('polyline').attr('class', 'bracket-leader').style('opacity', 0).merge(leader);
    animated(leaders, ms).style('opacity', 1).attr('points', (d) => points(d.leader ?? []));

    const text = group.selectAll<SVGTextElement, IntervalMark>('text.label').data(data);
    leave(text.exit());
    const texts = text.enter().append('text').attr('class', 'label').attr('dominant-baseline', 'central').style('opacity', 0).merge(text);
    texts
      .text((d) => d.label.text)
      .attr('text-anchor', marks.orientation === 'horizontal' ? 'middle' : 'start')
      .style('font-size', (d) => `${d.label.fontSize}px`);
    animated(texts, ms)
      .style('opacity', 1)
      .attr('x', (d) => round(d.label.x))
      .attr('y', (d) => round(d.label.y));
  }
}

/**
 * A selection, or its transition when there is time to animate. The two share attr and style, which is all
 * the callers use, so the transition is typed as the selection.
 */
function animated<E extends Element, D>(selection: Selection<E, D, BaseType, unknown>, ms: number): Selection<E, D, BaseType, unknown> {
  return ms ? (selection.transition().duration(ms) as unknown as Selection<E, D, BaseType, unknown>) : selection;
}

/**
 * The box of a mark: a bar, or a point as a square that its corner radius turns into a circle. One rect either
 * way, so a bar that shrinks below a mark's size in a wider window turns into a dot smoothly.
 */
function markBox(d: EventMark): { x0: number; y0: number; x1: number; y1: number } {
  if (d.bar) return { ...d.bar, x1: Math.max(d.bar.x1, d.bar.x0 + 1), y1: Math.max(d.bar.y1, d.bar.y0 + 1) };
  return { x0: d.cx - d.r, y0: d.cy - d.r, x1: d.cx + d.r, y1: d.cy + d.r };
}

/** Defines `<fl-timeline>` (once, however often it is called). */
export function defineTimeline(): void {
  define('fl-timeline', FlTimeline);
}

declare global {
  interface HTMLElementTagNameMap {
    'fl-timeline': FlTimeline;
  }
}
