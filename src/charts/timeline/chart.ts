/** The timeline's registration (see ../registry.ts): its names and sizes, and loaders for the rest. */
import type { ChartEntry } from '../registry.ts';
import type { EventRow } from './schema.ts';

export const chart: ChartEntry<EventRow> = {
  name: 'timeline',
  tag: 'fl-timeline',
  dataset: 'events',
  title: 'Timeline of the events',
  sourcesTitle: 'Dates of events',
  // Portrait below 600 px (timeline.styles.ts).
  aspect: { phone: 3 / 4, desktop: 2 / 1 },
  module: import.meta.url,
  schemas: () => import('./schema.ts').then((module) => ({ state: module.timelineSchema, data: module.eventsDataset })),
  element: () => import('./timeline.ts').then((module) => module.defineTimeline),
  text: () => import('./text.ts').then((module) => module.timelineText),
  async drawing() {
    const [{ FlTimeline }, { layout, estimateTextWidth }] = await Promise.all([import('./timeline.ts'), import('./layout.ts')]);
    return {
      draw(svg, rows, state, size, context) {
        // The element measures with a pixel of slack (timeline.ts); so does the build.
        const measure = (text: string, bold: boolean, px: number) => estimateTextWidth(text, bold, px) + 1;
        const marks = layout(rows, state, size, { measure });
        const element = Object.create(FlTimeline.prototype) as { clipId: string; draw(svg: SVGSVGElement, marks: unknown, ms: number): void };
        element.clipId = `fl-timeline-clip-${context.id}`;
        element.draw(svg, marks, 0);
      },
      styles: FlTimeline.styles.slice(2),
    };
  },
};
