/**
 * Whether charts animate. The reader's own choice, when the page records one on its root element
 * (`data-fl-motion="on|off"`, the story's Animation switch), wins; otherwise the system's
 * `prefers-reduced-motion` decides, which is all an embed on another page has.
 */
export const MOTION_ATTRIBUTE = 'data-fl-motion';

export function prefersReducedMotion(): boolean {
  const choice = typeof document === 'undefined' ? null : document.documentElement.getAttribute(MOTION_ATTRIBUTE);
  if (choice === 'off') return true;
  if (choice === 'on') return false;
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
