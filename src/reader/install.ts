/**
 * The reader's controls, over the story page: the Animation switch (in the header and in presentation mode's
 * toolbar), Previous/Next step, Tab in reading order, one announcement per step, the offer to continue.
 */
import type { Story } from '../types/story.ts';
import type { FlStory } from '../scrolly/fl-story.ts';
import { createMotionSwitch, restoreMotion } from './motion-switch.ts';
import { markStepTexts } from './step-focus.ts';
import { installStepNavigation } from './step-navigation.ts';
import { installFocusOrder } from './focus-order.ts';
import { installStepAnnouncer } from './step-announcer.ts';
import { installContinueOffer } from './continue-offer.ts';

/** Before any chart draws: a choice kept from an earlier visit applies from the first frame. */
restoreMotion();

const presenting = (): boolean => document.documentElement.classList.contains('fl-presenting');

export function installReader(story: Story): void {
  const root = document.querySelector<FlStory>('fl-story');
  if (!root) return;
  const header = root.querySelector('.story-header');
  if (header) {
    // The build leaves the controls' line in the header, its room kept, so the switch shifts nothing.
    let controls = header.querySelector('.fl-reader-controls');
    if (!controls) {
      controls = document.createElement('p');
      controls.className = 'fl-reader-controls';
      header.append(controls);
    }
    controls.append(createMotionSwitch('fl-motion-switch'));
  }
  // Presentation mode's toolbar (built by installPresenting), first among its buttons.
  document.querySelector('.fl-present-controls')?.prepend(createMotionSwitch('fl-present-button fl-motion-switch'));
  markStepTexts(story);
  installStepNavigation(root, story);
  installFocusOrder(root, story, presenting);
  installStepAnnouncer(root, story);
  installContinueOffer(root, story, presenting);
}
