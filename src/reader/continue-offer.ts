/**
 * A returning reader is offered to continue where they left off: the step they last reached is kept
 * (localStorage), and on the next visit an offer at the foot of the screen (after the header in the page's order)
 * says "Continue from ..." with the step's first words; it steps aside once the reader scrolls into the story. It is an offer, never a jump: the page opens at the top as usual, and a link to a step (a hash) wins
 * outright, with no offer at all.
 */
import type { Story } from '../types/story.ts';
import type { FlStory } from '../scrolly/fl-story.ts';
import type { StepChangeDetail } from '../scrolly/step-change-event.ts';
import { focusStep, stepText } from './step-focus.ts';

export const LAST_STEP_STORAGE_KEY = 'frontlines-last-step';

/** How many words of a step's text name it in the offer. */
const EXCERPT_WORDS = 8;

function read(): string | null {
  try {
    return localStorage.getItem(LAST_STEP_STORAGE_KEY);
  } catch {
    return null;
  }
}

function write(id: string): void {
  try {
    localStorage.setItem(LAST_STEP_STORAGE_KEY, id);
  } catch {
    // not kept: no offer next time
  }
}

/** The first words of a step's text, to name it. */
export function stepExcerpt(text: string, words = EXCERPT_WORDS): string {
  const all = text.replace(/\s+/g, ' ').trim().split(' ');
  return all.length > words ? `${all.slice(0, words).join(' ')}\u2026` : all.join(' ');
}

export function installContinueOffer(root: FlStory, story: Story, presenting: () => boolean): void {
  const last = read();
  root.addEventListener('fl-step-change', (event) => {
    if (!presenting()) write((event as CustomEvent<StepChangeDetail>).detail.id);
  });
  const step = story.steps.find((candidate) => candidate.id === last);
  // A deep link wins; the first step needs no offer (it is where the story starts); presenting has its own start.
  if (!step || step.index === 0 || location.hash || presenting()) return;
  const header = root.querySelector('.story-header');
  if (!header) return;

  const offer = document.createElement('div');
  offer.className = 'fl-continue';
  offer.setAttribute('role', 'group');
  offer.setAttribute('aria-label', 'Where you left off');
  const go = document.createElement('button');
  go.type = 'button';
  go.className = 'fl-continue-go';
  const excerpt = stepExcerpt(stepText(step.id)?.textContent ?? '');
  go.textContent = `Continue from step ${step.index + 1} of ${story.steps.length}: \u201c${excerpt}\u201d`;
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'fl-continue-dismiss';
  dismiss.textContent = 'Start from the beginning';
  offer.append(go, dismiss);
  header.after(offer);

  // A reader who scrolls into the story has chosen where to read: the offer steps aside.
  root.addEventListener('fl-step-change', () => offer.remove(), { once: true });

  go.addEventListener('click', () => {
    offer.remove();
    focusStep(root, step.id, false);
  });
  dismiss.addEventListener('click', () => {
    // Focus goes on to where the reader chose to start: the story's first words.
    const title = document.getElementById('story-title');
    offer.remove();
    if (title) {
      title.setAttribute('tabindex', '-1');
      title.focus();
    }
  });
}
