/** The three charts defined with the story's data as their default, as the story page and the embed bundle have them. */
import { setDefaultRows } from '../../src/charts/shared/chart-element.ts';
import { defineCasualties } from '../../src/charts/casualties/casualties.ts';
import { defineTimeline } from '../../src/charts/timeline/timeline.ts';
import { defineDistanceMap } from '../../src/charts/distance-map/distance-map.ts';
import { casualtiesDataset } from '../../src/charts/casualties/schema.ts';
import { eventsDataset } from '../../src/charts/timeline/schema.ts';
import { placesDataset } from '../../src/charts/distance-map/schema.ts';
import { storyRows } from './helpers.ts';

export async function defineStoryCharts(): Promise<void> {
  setDefaultRows('fl-casualties', await storyRows(casualtiesDataset));
  setDefaultRows('fl-timeline', await storyRows(eventsDataset));
  setDefaultRows('fl-distance-map', await storyRows(placesDataset));
  defineCasualties();
  defineTimeline();
  defineDistanceMap();
}
