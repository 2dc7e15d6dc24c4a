/**
 * "Previous step" and "Next step": a small control that moves through the story one step at a time, for readers
 * who cannot or would rather not scroll. It takes no keys (scroll mode keeps the keys the README lists): it is two
 * buttons, shown when one has keyboard focus, and on phones beside the pinned graphic while the steps are on
 * screen. Each press scrolls the step into place and moves focus to its text.
 *
 * Also here: a skip link at the start of each scrolly section, past its steps to what follows.
 */
import type { Story } from '../types/story.ts';
import type { FlStory } from '../scrolly/fl-story.ts';
import { activeStep, focusStep } from './step-focus.ts';
import { writeAttr } from '../charts/shared/write.ts';

export function installStepNavigation(root: FlStory, story: Story): void {
  const sections = [...root.querySelectorAll<HTMLElement>('fl-scrolly')];
  sections.forEach((section, i) => {
    // In the section's graphic: on phones it sits in the pinned graphic's bottom row, wherever the graphic is.
    section.querySelector(':scope > .scrolly-graphic')?.prepend(stepControl(root, story, sections.length > 1 ? `Steps, part ${i + 1}` : 'Steps'));
  });
  installSkipLinks(root);
}

function stepControl(root: FlStory, story: Story, label: string): HTMLElement {
  const nav = document.createElement('nav');
  nav.className = 'fl-step-nav';
  nav.setAttribute('aria-label', label);
  const button = (text: string, direction: -1 | 1): HTMLButtonElement => {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = `fl-step-nav-button fl-step-nav-${direction < 0 ? 'previous' : 'next'}`;
    // "step" is hidden on phones, where room is short; a screen reader hears it everywhere.
    const [verb, noun] = text.split(' ');
    const word = document.createElement('span');
    word.className = 'fl-step-word';
    word.textContent = ` ${noun}`;
    element.append(verb!, word);
    element.addEventListener('click', () => {
      if (element.getAttribute('aria-disabled') === 'true') return;
      const current = activeStep(root)?.index ?? -1;
      const target = story.steps[current + direction];
      if (target) focusStep(root, target.id);
    });
    return element;
  };
  const previous = button('Previous step', -1);
  const next = button('Next step', 1);
  nav.append(previous, next);
  // aria-disabled rather than disabled: a button pressed to the end keeps focus. Written only when it changes, as
  // at most steps it does not: each write restyles the button.
  const update = (): void => {
    const current = activeStep(root)?.index ?? -1;
    writeAttr(previous, 'aria-disabled', String(current <= 0));
    writeAttr(next, 'aria-disabled', String(current >= story.steps.length - 1));
  };
  update();
  root.addEventListener('fl-step-change', update);
  return nav;
}

/** A link at the start of each scrolly section to what follows it, for readers who want to skip its steps. */
function installSkipLinks(root: FlStory): void {
  for (const section of root.querySelectorAll<HTMLElement>('fl-scrolly')) {
    const after = section.nextElementSibling as HTMLElement | null;
    const target = after ?? document.querySelector<HTMLElement>('.site-footer');
    if (!target || section.querySelector(':scope > .fl-skip-section')) continue;
    if (!target.id) target.id = `${section.id}-after`;
    const count = section.querySelectorAll(':scope > .scrolly-steps .step').length;
    const link = document.createElement('a');
    link.className = 'fl-skip-section';
    link.href = `#${target.id}`;
    link.textContent = `Skip past these ${count} steps`;
    link.addEventListener('click', (event) => {
      // Focus moves with the jump; the URL keeps naming the reader's step.
      event.preventDefault();
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'start' });
    });
    section.prepend(link);
  }
}
