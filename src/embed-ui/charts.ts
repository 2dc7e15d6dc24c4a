/**
 * The charts an embed can show, by the name a story step and `embed.html?chart=` use, with their state schemas.
 * Read by the iframe page (to check its query) and by the docs script; the story page's Embed dialog needs only
 * the built story's chart list, so it does not import this.
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

/** Query parameters of embed.html besides the chart's state attributes. */
export const FRAME_PARAMETERS = ['chart', 'id', 'theme', 'height', 'src'] as const;
