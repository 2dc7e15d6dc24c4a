/**
 * dist/embed/fl-casualties.js: `<fl-casualties>` alone, with the story's data as its default, for a page that embeds only
 * this chart (it loads none of the other charts' code). One file; see EMBED.md. A page with several charts loads
 * frontlines.js once instead.
 */
import { datasets } from 'virtual:frontlines/story';
import { setDefaultRows } from '../charts/shared/chart-element.ts';
import { FlCasualties, defineCasualties } from '../charts/casualties/casualties.ts';

setDefaultRows('fl-casualties', datasets.casualties);
defineCasualties();

export { FlCasualties, defineCasualties };
