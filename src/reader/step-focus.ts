/**
 * Each step's text is a focus target (tabindex=-1: reachable by the story's own controls, not a Tab stop of its
 * own), so moving to a step moves a screen reader and a keyboard there too.
 */
import type { Story, StoryStep } from '../types/story.ts';
import type { FlStory } from '../scrolly/fl-story.ts';
import { currentMotion } from './motion-switch.ts';

/** The element that holds a step's text. */
export function stepText(id: string): HTMLElement | null {
  return document.getElementById(id)?.querySelector<HTMLElement>(':scope > .step-card') ?? null;
}

/**
 * Makes every step's text a focus target: a group named by its place in the story, so a screen reader that
 * follows focus there says "Step 7 of 28" and reads on into the text.
 */
export function markStepTexts(story: Story): void {
  for (const step of story.steps) {
    const text = stepText(step.id);
    if (!text) continue;
    text.setAttribute('tabindex', '-1');
    text.setAttribute('role', 'group');
    text.setAttribute('aria-label', `Step ${step.index + 1} of ${story.steps.length}`);
  }
}

/**
 * Scrolls a step into place (where a link to it puts it, past the trigger line, so its chart shows its state) and
 * moves focus to its text. To the next or previous step smoothly, unless the reader has turned animation off; a
 * longer way at once, as a link does, rather than through every step between.
 */
export function focusStep(root: FlStory, id: string, near = true): void {
  const text = stepText(id);
  if (!text) return;
  text.focus({ preventScroll: true });
  root.goTo(id, near && currentMotion() === 'on' ? 'smooth' : 'instant');
}

/** The step the story shows now (null before the first step). */
export function activeStep(root: FlStory): StoryStep | null {
  return root.stepWithId(root.activeId);
}
