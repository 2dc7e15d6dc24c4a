/**
 * The story's head start on its maps (kept apart from the element, so that a page embedding one map does not carry
 * it): see getReadyAhead.
 */
import { defaultRowsOf } from '../shared/chart-element.ts';
import type { ChartState } from '../shared/schema.ts';
import { WARM_UP_WIDTH, warmUp } from '../shared/warm-up.ts';
import { FlDistanceMap, loadTopology } from './distance-map.ts';
import { layout as layoutMap } from './layout.ts';
import { draw } from './draw.ts';
import type { PlaceRow } from './schema.ts';
import { chart } from './chart.ts';

/**
 * Gets the map ready ahead of any map, for the story, which calls it once it has fetched this module when idle
 * (./chart.ts): fetches the default geography and projects it in background slices, then runs the layout and the
 * drawing code once (../shared/warm-up.ts) on a state of the page's own places at a phone's size. A map then draws
 * its countries from its first picture, and neither the projection (a few tasks of 15 to 30 ms on a phone) nor the
 * first run of the layout and drawing code falls in the frames where the reader first scrolls toward the map. A
 * failure is left for the map to meet and report.
 */
export function getReadyAhead(): void {
  const rows = defaultRowsOf('fl-distance-map') as readonly PlaceRow[] | undefined;
  loadTopology(FlDistanceMap.geographyUrl).then(
    (topology) => {
      if (!rows || rows.length < 2) return;
      const [from, to] = rows as [PlaceRow, PlaceRow];
      const state: ChartState = { focus: `${from.id} ${to.id}`, measure: `${from.id} border` };
      const size = { width: WARM_UP_WIDTH, height: Math.round(WARM_UP_WIDTH / chart.aspect.phone) };
      warmUp([() => layoutMap({ rows, state, size, geography: { status: 'ready', topology } })], (svg, marks) => draw(svg, marks, { duration: 0 }));
    },
    () => {},
  );
}
