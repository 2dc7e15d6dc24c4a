/**
 * The embed bundle's entry (dist/embed/frontlines.js): one ES module that defines every chart's element (the
 * chart list: `<fl-casualties>`, `<fl-timeline>` and `<fl-distance-map>`), each with the story's data as its
 * default, so any page can show any chart in any of the story's states with one script tag and one element:
 *
 *   <script type="module" src="https://example.org/frontlines/embed/frontlines.js"></script>
 *   <fl-timeline from="2024-03-01" to="2024-03-31" highlight="crocus-attack"></fl-timeline>
 *
 * It carries no scroll engine and no story text. Loading it twice (two embeds, two copies) is harmless: `define`
 * leaves a tag that is already taken alone, and the first definition keeps drawing with its own data.
 */
import { datasets } from 'virtual:frontlines/story';
import { CHARTS } from 'virtual:frontlines/charts';
import { setDefaultRows } from '../charts/shared/chart-element.ts';
import { FlCasualties, defineCasualties } from '../charts/casualties/casualties.ts';
import { FlTimeline, defineTimeline } from '../charts/timeline/timeline.ts';
import { FlDistanceMap, defineDistanceMap } from '../charts/distance-map/distance-map.ts';

/*
 * The map's geography is not inlined: the embed build (vite.embed.config.ts) writes it beside this file as
 * region.topo.json, and the map resolves that name against the module's own URL at run time, so the bundle
 * works from any host and any path. A map's `geography` attribute, or `FlDistanceMap.geographyUrl` set before
 * the first map connects, overrides it for pages that host the file elsewhere.
 */
for (const chart of CHARTS) setDefaultRows(chart.tag, datasets[chart.dataset] ?? []);

// The public API's elements are defined as the bundle loads, as they always were (a page may look them up at once);
// any other chart in the list (one added outside src/charts/) when its loader resolves, from this same file.
defineCasualties();
defineTimeline();
defineDistanceMap();
for (const chart of CHARTS) {
  if (customElements.get(chart.tag)) continue;
  chart.element().then(
    (define: () => void) => define(),
    (error: unknown) => console.warn(`<${chart.tag}> could not be loaded: ${String(error)}`),
  );
}

// The public API (dist/embed/frontlines.d.ts and the custom-elements manifest describe it): the element classes,
// their define functions and their row types.
export { FlCasualties, defineCasualties, FlTimeline, defineTimeline, FlDistanceMap, defineDistanceMap };
export type { CasualtyRow } from '../charts/casualties/schema.ts';
export type { EventRow } from '../charts/timeline/schema.ts';
export type { PlaceRow } from '../charts/distance-map/schema.ts';
