/**
 * The chart code a build-time drawing runs: the elements' draw code, the pure layouts, the styles and the
 * font-metric text measure. One module, loaded through tsx (draw.ts), because the charts' decorators need
 * TypeScript's transform, which the bundler that loads the Vite config does not apply.
 */
export { FlCasualties } from '../charts/casualties/casualties.ts';
export { draw as drawCasualties } from '../charts/casualties/draw.ts';
export { FlTimeline } from '../charts/timeline/timeline.ts';
export { FlDistanceMap } from '../charts/distance-map/distance-map.ts';
export { layout as casualtiesLayout } from '../charts/casualties/layout.ts';
export { layout as timelineLayout } from '../charts/timeline/layout.ts';
export { draw as drawTimeline } from '../charts/timeline/draw.ts';
export { layout as layoutMap } from '../charts/distance-map/layout.ts';
export { draw as drawMap } from '../charts/distance-map/draw.ts';
export { themeTokens, chartStyles } from '../charts/shared/theme.ts';
export { textWidth } from '../charts/shared/text-width.ts';
export { estimateTextWidth } from '../charts/shared/text-width.ts';
