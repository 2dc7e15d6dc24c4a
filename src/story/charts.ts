/**
 * The charts a story may use, with their state schemas and datasets. The build validates steps and data with
 * these; adding a chart to the story means adding it here.
 */
import type { ChartSchema } from '../charts/shared/schema.ts';
import { casualtiesDataset, casualtiesSchema } from '../charts/casualties/schema.ts';
import { eventsDataset, timelineSchema } from '../charts/timeline/schema.ts';
import { distanceMapSchema, placesDataset } from '../charts/distance-map/schema.ts';

export interface ChartEntry {
  readonly schema: ChartSchema;
  /** The dataset whose ids the chart's `ids` attributes refer to. */
  readonly dataset: string;
}

export const DATASETS = {
  casualties: casualtiesDataset,
  events: eventsDataset,
  places: placesDataset,
} as const;

export type DatasetName = keyof typeof DATASETS;

export const CHARTS: Readonly<Record<string, ChartEntry>> = {
  casualties: { schema: casualtiesSchema, dataset: 'casualties' },
  timeline: { schema: timelineSchema, dataset: 'events' },
  'distance-map': { schema: distanceMapSchema, dataset: 'places' },
};
