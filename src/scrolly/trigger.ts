/**
 * Where the trigger line sits. On wide screens the graphic is beside the text and a step activates at mid-screen;
 * on phones the graphic is pinned at the top, so a step activates lower, when its card has come into view below
 * the graphic. The media query matches the one in the story's stylesheet.
 */
export const PHONE_LAYOUT_QUERY = '(max-width: 899px)';

export function triggerOffset(): number {
  return matchMedia(PHONE_LAYOUT_QUERY).matches ? 0.72 : 0.5;
}
