/**
 * The story as a sequence of slides: the title slide first, then one slide per step. Slides are numbered from 1,
 * as the counter shows them ("7 / 29"), and the same number is what a presenter types to jump. Pure, so the story
 * page, the presenter view and Node tests agree on the numbering.
 */
import type { StoryStep } from '../types/story.ts';

/** The title slide's number. It has no step id: its URL has no hash (or the headline's, `#story-title`). */
export const TITLE_SLIDE = 1;

/** The headline's id in the page, which the skip link targets; as a hash it names the title slide. */
export const TITLE_ID = 'story-title';

export function slideCount(steps: readonly StoryStep[]): number {
  return steps.length + 1;
}

/** The step a slide shows, or null for the title slide (or a number past the end). */
export function stepForSlide(steps: readonly StoryStep[], slide: number): StoryStep | null {
  return slide > TITLE_SLIDE ? (steps[slide - 2] ?? null) : null;
}

export function slideForStep(step: Pick<StoryStep, 'index'>): number {
  return step.index + 2;
}

/** The slide a URL hash names: the title for none, a step's slide for its id, null for anything else. */
export function slideForHash(steps: readonly StoryStep[], hash: string): number | null {
  let id = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    id = decodeURIComponent(id);
  } catch {
    return null;
  }
  if (id === '' || id === TITLE_ID) return TITLE_SLIDE;
  const step = steps.find((candidate) => candidate.id === id);
  return step ? slideForStep(step) : null;
}

/** The hash for a slide: '' for the title slide, `#<step id>` otherwise. */
export function hashForSlide(steps: readonly StoryStep[], slide: number): string {
  const step = stepForSlide(steps, slide);
  return step ? `#${encodeURIComponent(step.id)}` : '';
}
