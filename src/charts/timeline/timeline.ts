import { property } from 'lit/decorators.js';
import { FlChart, define } from '../shared/chart-element.ts';
import type { Size } from '../shared/types.ts';
import type { ChartState } from '../shared/schema.ts';
import { chartStyles, themeTokens } from '../shared/theme.ts';
import { TextWidths } from '../shared/text-width.ts';
import { forcedColorStyles } from '../shared/forced-colors.ts';
import { eventsDataset, timelineSchema, type EventRow } from './schema.ts';
import { layout, layoutInSteps, type TimelineMarks } from './layout.ts';
import { drawInSteps } from './draw.ts';
import { timelineText } from './text.ts';
import { timelineStyles } from './timeline.styles.ts';

let instances = 0;

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
  protected readonly text = timelineText;

  private readonly clipId = `fl-timeline-clip-${++instances}`;

  /** Labels are measured in the font they are drawn in, and again once fonts have loaded. */
  private readonly fonts = new TextWidths(this);

  protected layout(rows: readonly EventRow[], state: ChartState, size: Size): TimelineMarks {
    return layout({ rows, state, size, textWidth: this.fonts.width });
  }

  /** The long axis's label lanes try several wordings: a layout made ahead runs one per slice. */
  protected override layoutInSteps(rows: readonly EventRow[], state: ChartState, size: Size): Iterator<unknown, TimelineMarks> {
    return layoutInSteps({ rows, state, size, textWidth: this.fonts.width });
  }

  protected override layoutInputsKey(): string {
    return String(this.fonts.version);
  }

  protected draw(svg: SVGSVGElement, marks: TimelineMarks, duration: number): Iterator<void, void> {
    return drawInSteps(svg, marks, { duration, clipId: this.clipId });
  }
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
