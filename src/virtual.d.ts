// The modules the story build generates from story/ and the chart registry (see src/build/plugin.ts).
declare module 'virtual:frontlines/story' {
  import type { Story } from './types/story.ts';
  export const story: Story;
  /** Each dataset the charts read (casualties, events, places), by name: its rows. */
  export const datasets: Readonly<Record<string, readonly unknown[]>>;
}

declare module 'virtual:frontlines/texts' {
  import type { StepText } from './types/story.ts';
  export const texts: StepText[];
}

declare module 'virtual:frontlines/charts' {
  import type { ChartEntry } from './charts/registry.ts';
  /** The charts the build was given (src/charts/registry.ts by default): their registrations, in its order. */
  export const CHARTS: readonly ChartEntry[];
}
