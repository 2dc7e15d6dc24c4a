/**
 * dist/embed/fl-timeline.js: `<fl-timeline>` alone, with the story's data as its default, for a page that embeds only
 * this chart (it loads none of the other charts' code). One file; see EMBED.md. A page with several charts loads
 * frontlines.js once instead.
 */
import { datasets } from 'virtual:frontlines/story';
import { setDefaultRows } from '../charts/shared/chart-element.ts';
import { FlTimeline, defineTimeline } from '../charts/timeline/timeline.ts';

setDefaultRows('fl-timeline', datasets.events);
defineTimeline();

export { FlTimeline, defineTimeline };
