/** The casualty chart's registration (see ../registry.ts): its names and sizes, and loaders for the rest. */
import type { ChartEntry } from '../registry.ts';
import type { CasualtyRow } from './schema.ts';

export const chart: ChartEntry<CasualtyRow> = {
  name: 'casualties',
  tag: 'fl-casualties',
  dataset: 'casualties',
  title: 'Crocus City Hall attack: deaths and injuries',
  sourcesTitle: 'Casualty counts',
  aspect: { phone: 16 / 10, desktop: 16 / 10 },
  module: import.meta.url,
  schemas: () => import('./schema.ts').then((module) => ({ state: module.casualtiesSchema, data: module.casualtiesDataset })),
  element: () =>
    Promise.all([import('./casualties.ts'), import('./ready-ahead.ts')]).then(([module, ahead]) => {
      ahead.getReadyAhead();
      return module.defineCasualties;
    }),
  text: () => import('./text.ts').then((module) => module.casualtiesText),
  async drawing() {
    const [{ FlCasualties }, { layout }, { draw }] = await Promise.all([import('./casualties.ts'), import('./layout.ts'), import('./draw.ts')]);
    return {
      draw: (svg, rows, state, size, context) => draw(svg, layout({ rows, state, size, textWidth: context.textWidth }), { duration: 0 }),
      styles: FlCasualties.styles.slice(2),
    };
  },
};
