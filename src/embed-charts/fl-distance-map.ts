/**
 * dist/embed/fl-distance-map.js: `<fl-distance-map>` alone, with the story's data as its default, for a page that
 * embeds only this chart (it loads none of the other charts' code). One file, which fetches region.topo.json from
 * beside itself; see EMBED.md. A page with several charts loads frontlines.js once instead.
 */
import { datasets } from 'virtual:frontlines/story';
import { setDefaultRows } from '../charts/shared/chart-element.ts';
import { FlDistanceMap, defineDistanceMap } from '../charts/distance-map/distance-map.ts';

setDefaultRows('fl-distance-map', datasets.places);
defineDistanceMap();

export { FlDistanceMap, defineDistanceMap };
