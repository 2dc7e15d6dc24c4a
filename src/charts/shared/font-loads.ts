/** Font loads and the charts they concern (a module of its own: the page's first script needs it, not text-width.ts). */

/**
 * Whether a font load (`loadingdone`) brought a face of the family an element's text is set in. The story loads
 * the article's own faces after the first paint; a chart's text, its widths and its captions' wrapping, change only
 * with its own family's. True when the event does not say which faces.
 */
export function loadedFontsReach(event: Event, element: Element): boolean {
  const faces = (event as Event & { fontfaces?: readonly FontFace[] }).fontfaces;
  if (!faces?.length) return true;
  const families = getComputedStyle(element)
    .fontFamily.split(',')
    .map((family) => family.trim().replace(/^["']|["']$/g, '').toLowerCase());
  return faces.some((face) => families.includes(face.family.replace(/^["']|["']$/g, '').toLowerCase()));
}
