/**
 * The charts an embed can show, by the name a story step and `embed.html?chart=` use, with their state schemas.
 * For Node (the docs script and its test): the pages read the built story's chart list instead, so that no page
 * script pulls in the schemas ahead of the charts that carry them.
 */
import { casualtiesSchema } from '../charts/casualties/schema.ts';
import { timelineSchema } from '../charts/timeline/schema.ts';
import { distanceMapSchema } from '../charts/distance-map/schema.ts';
import type { ChartSchema } from '../charts/shared/schema.ts';

export const EMBED_CHARTS: Readonly<Record<string, ChartSchema>> = {
  casualties: casualtiesSchema,
  timeline: timelineSchema,
  'distance-map': distanceMapSchema,
};
