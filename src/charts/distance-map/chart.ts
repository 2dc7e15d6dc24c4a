/** The distance map's registration (see ../registry.ts): its names and sizes, and loaders for the rest. */
import type { ChartEntry } from '../registry.ts';
import type { PlaceRow } from './schema.ts';

export const chart: ChartEntry<PlaceRow> = {
  name: 'distance-map',
  tag: 'fl-distance-map',
  dataset: 'places',
  title: 'Map: how far the war reaches',
  sourcesTitle: 'Places and coordinates',
  aspect: { phone: 4 / 3, desktop: 4 / 3 },
  module: import.meta.url,
  schemas: () => import('./schema.ts').then((module) => ({ state: module.distanceMapSchema, data: module.placesDataset })),
  element: () => Promise.all([import('./distance-map.ts'), import('./ready-ahead.ts')]).then(async ([module, ahead]) => {
    await module.placesWorkedOut;
    ahead.getReadyAhead();
    return module.defineDistanceMap;
  }),
  text: () => import('./text.ts').then((module) => module.mapText),
  async drawing() {
    const [{ FlDistanceMap }, { layout }, { draw }] = await Promise.all([import('./distance-map.ts'), import('./layout.ts'), import('./draw.ts')]);
    return {
      draw(svg, rows, state, size, context) {
        const marks = layout({ rows, state, size, geography: { status: 'ready', topology: context.topology as never }, textWidth: context.textWidth });
        draw(svg, marks, { duration: 0 });
      },
      styles: FlDistanceMap.styles.slice(2),
    };
  },
};
