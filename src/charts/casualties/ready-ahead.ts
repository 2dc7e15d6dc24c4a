/**
 * The story's head start on its casualty charts (kept apart from the element, so that a page embedding one chart
 * does not carry it): each view's layout and drawing run once in the background (../shared/warm-up.ts says why).
 * The toll view is the story's last step; without this, its first layout ran cold in the idle time next to it.
 */
import { defaultRowsOf } from '../shared/chart-element.ts';
import { WARM_UP_WIDTH, warmUp } from '../shared/warm-up.ts';
import { CASUALTY_VIEWS, type CasualtyRow } from './schema.ts';
import { layout } from './layout.ts';
import { draw } from './draw.ts';
import { chart } from './chart.ts';

export function getReadyAhead(): void {
  const rows = defaultRowsOf('fl-casualties') as readonly CasualtyRow[] | undefined;
  if (!rows?.length) return;
  const size = { width: WARM_UP_WIDTH, height: Math.round(WARM_UP_WIDTH / chart.aspect.phone) };
  warmUp(
    CASUALTY_VIEWS.map((view) => () => layout({ rows, state: { view }, size })),
    (svg, marks) => draw(svg, marks, { duration: 0 }),
  );
}
