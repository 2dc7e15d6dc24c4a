/**
 * The shape of the built story: what the story build emits as `virtual:frontlines/story` and what the scroll
 * engine and presentation mode read. Types only; nothing here runs.
 */

export interface StoryMeta {
  /** The line above the headline: what kind of piece it is ("Opinion"). */
  readonly kicker: string;
  readonly title: string;
  readonly dek: string;
  readonly byline: string;
  /** yyyy-mm or yyyy-mm-dd. */
  readonly published: string;
  /** Where the article was first published. */
  readonly original: string;
  /** The author's name as the credits print it; the byline when absent. */
  readonly author?: string;
  /** A title the article was republished under elsewhere (credited, never shown as the article's). */
  readonly republished?: string;
}

export interface StoryStep {
  /** Position among all the story's steps, from 0. */
  readonly index: number;
  /** Stable, readable id from the story source; the URL hash names it. */
  readonly id: string;
  /** Chart name (`casualties`) and its element (`fl-casualties`). */
  readonly chart: string;
  readonly tag: string;
  /** The chart's full state for this step: every attribute of the chart's schema, given or default. */
  readonly state: Readonly<Record<string, string>>;
  /** The id of the scrolly section the step belongs to. */
  readonly section: string;
}

export interface StoryChart {
  readonly name: string;
  readonly tag: string;
  /** Its title, for an iframe and the embed dialog (the registry's). */
  readonly title: string;
  /** The attributes that make up the chart's state. */
  readonly attributes: readonly string[];
}

export interface StorySection {
  readonly id: string;
  /** Ids of the section's steps, in order. */
  readonly steps: readonly string[];
  /** Names of the charts the section's steps use. */
  readonly charts: readonly string[];
}

export interface Story {
  readonly meta: StoryMeta;
  readonly steps: readonly StoryStep[];
  readonly sections: readonly StorySection[];
  readonly charts: Readonly<Record<string, StoryChart>>;
}

/** What the presenter view needs beyond the story: each step's text and notes, as sanitized HTML. */
export interface StepText {
  readonly id: string;
  readonly html: string;
  readonly notes: string;
}
