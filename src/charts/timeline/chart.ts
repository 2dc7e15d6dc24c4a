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
    const [{ FlTimeline }, { layout }, { draw }] = await Promise.all([import('./timeline.ts'), import('./layout.ts'), import('./draw.ts')]);
    return {
      draw(svg, rows, state, size, context) {
        draw(svg, layout({ rows, state, size, textWidth: context.textWidth }), { duration: 0, clipId: `fl-timeline-clip-${context.id}` });
      },
      styles: FlTimeline.styles.slice(2),
    };
  },
};
