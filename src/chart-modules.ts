/**
 * Each chart's module, by element name, as a function that loads it and returns the function that defines the
 * element: the story page loads them as its steps come near (chart-loader.ts), the presenter view for its
 * thumbnails. Each is a chunk of its own, fetched only when called.
 */
export const CHART_MODULES: Readonly<Record<string, () => Promise<() => void>>> = {
  'fl-timeline': () => import('./charts/timeline/timeline.ts').then((module) => module.defineTimeline),
  'fl-casualties': () => import('./charts/casualties/casualties.ts').then((module) => module.defineCasualties),
  'fl-distance-map': () => import('./charts/distance-map/distance-map.ts').then((module) => module.defineDistanceMap),
};
