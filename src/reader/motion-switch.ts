/**
 * The reader's Animation switch. It starts from the system's `prefers-reduced-motion`; a choice the reader makes is
 * kept (localStorage) for the next visit and recorded on the root element, where the charts (motion.ts) and the
 * story's stylesheets read it. Off: every chart draws its final state at once and nothing fades.
 */
import { MOTION_ATTRIBUTE, prefersReducedMotion } from '../charts/shared/motion.ts';

export type Motion = 'on' | 'off';

export const MOTION_STORAGE_KEY = 'frontlines-motion';
/** Fired on the document when the reader flips a switch, so every switch on the page shows the same state. */
const CHANGE_EVENT = 'fl-motion-change';

function stored(): Motion | null {
  try {
    const value = localStorage.getItem(MOTION_STORAGE_KEY);
    return value === 'on' || value === 'off' ? value : null;
  } catch {
    return null; // storage refused (private mode, a sandboxed frame): the choice lasts for this page only
  }
}

/** Applies the choice kept from an earlier visit, if any; before any chart draws. */
export function restoreMotion(): void {
  const choice = stored();
  if (choice) document.documentElement.setAttribute(MOTION_ATTRIBUTE, choice);
}

/** Whether the page animates now: the reader's choice, else the system setting. */
export function currentMotion(): Motion {
  return prefersReducedMotion() ? 'off' : 'on';
}

export function setMotion(motion: Motion): void {
  document.documentElement.setAttribute(MOTION_ATTRIBUTE, motion);
  try {
    localStorage.setItem(MOTION_STORAGE_KEY, motion);
  } catch {
    // not kept for the next visit, still applied now
  }
  document.dispatchEvent(new CustomEvent(CHANGE_EVENT));
}

/**
 * A switch button: "Animation: on" / "Animation: off". Its name stays "Animation" and its state is aria-checked,
 * so a screen reader says "Animation, switch, on".
 */
export function createMotionSwitch(className: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = className;
  button.setAttribute('role', 'switch');
  button.setAttribute('aria-label', 'Animation');
  const state = document.createElement('span');
  state.className = 'fl-motion-state';
  button.append('Animation: ', state);
  const show = (): void => {
    const motion = currentMotion();
    button.setAttribute('aria-checked', String(motion === 'on'));
    state.textContent = motion;
  };
  show();
  button.addEventListener('click', () => setMotion(currentMotion() === 'on' ? 'off' : 'on'));
  document.addEventListener(CHANGE_EVENT, show);
  // Until the reader chooses, the switch follows the system setting as it changes.
  matchMedia('(prefers-reduced-motion: reduce)').addEventListener?.('change', show);
  return button;
}
