// The modules the story build generates from story/ (see src/story/plugin.ts).
declare module 'virtual:frontlines/story' {
  import type { Story } from './types/story.ts';
  import type { CasualtyRow } from './charts/casualties/schema.ts';
  import type { EventRow } from './charts/timeline/schema.ts';
  import type { PlaceRow } from './charts/distance-map/schema.ts';
  export const story: Story;
  export const datasets: { casualties: CasualtyRow[]; events: EventRow[]; places: PlaceRow[] };
}

declare module 'virtual:frontlines/texts' {
  import type { StepText } from './types/story.ts';
  export const texts: StepText[];
}
