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

export function installStepNavigation(root: FlStory, story: Story): void {
  const first = root.querySelector('fl-scrolly');
  if (!first || story.steps.length === 0) return;
  const nav = document.createElement('nav');
  nav.className = 'fl-step-nav';
  nav.setAttribute('aria-label', 'Steps');
  const button = (label: string, direction: -1 | 1): HTMLButtonElement => {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = `fl-step-nav-button fl-step-nav-${direction < 0 ? 'previous' : 'next'}`;
    element.textContent = label;
    element.addEventListener('click', () => {
      if (element.getAttribute('aria-disabled') === 'true') return;
      const current = activeStep(root, story)?.index ?? -1;
      const target = story.steps[current + direction];
      if (target) focusStep(root, target.id);
    });
    return element;
  };
  const previous = button('Previous step', -1);
  const next = button('Next step', 1);
  nav.append(previous, next);
  // aria-disabled rather than disabled: a button that is pressed to the end keeps focus.
  const update = (): void => {
    const current = activeStep(root, story)?.index ?? -1;
    previous.setAttribute('aria-disabled', String(current <= 0));
    next.setAttribute('aria-disabled', String(current >= story.steps.length - 1));
  };
  update();
  root.addEventListener('fl-step-change', update);
  first.before(nav);

  // On phones the control shows beside the pinned graphic, while a scrolly section is on screen.
  const onScreen = new Set<Element>();
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) onScreen.add(entry.target);
      else onScreen.delete(entry.target);
    }
    nav.toggleAttribute('data-in-steps', onScreen.size > 0);
  });
  for (const section of root.querySelectorAll('fl-scrolly')) observer.observe(section);

  installSkipLinks(root);
}

/** A link at the start of each scrolly section to what follows it, for readers who want to skip its steps. */
function installSkipLinks(root: FlStory): void {
  for (const section of root.querySelectorAll<HTMLElement>('fl-scrolly')) {
    const after = section.nextElementSibling as HTMLElement | null;
    const target = after ?? document.querySelector<HTMLElement>('.site-footer');
    if (!target || section.querySelector(':scope > .fl-skip-section')) continue;
    if (!target.id) target.id = `${section.id}-after`;
    const count = section.querySelectorAll(':scope > .scrolly-steps > .step').length;
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
