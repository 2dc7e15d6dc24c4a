/**
 * The story's faces other than the text face (fonts-late.css), added to the page in one change once all of them have
 * loaded.
 *
 * Linked as a style sheet, the faces changed the page's fonts twice: when the sheet applied (their families gained
 * faces, so every text set in them was laid out again, still in its fallback) and when the files arrived (laid out
 * again, in the faces). Each was a layout of the whole article, 180 to 240 ms at 4x slowdown, in the first seconds.
 * Loaded apart with the Font Loading API and then added together, they change the fonts once. And since every face
 * is in from the start, a chart that first shows an italic note later does not make the page swap a face then, in
 * the middle of a scroll.
 *
 * The sheet stays the one list of the faces (the no-JavaScript page, the presenter view and the iframe embed link it):
 * it is fetched here as a sheet for no medium, which declares nothing, and its rules are read. Where anything of this
 * is missing or fails, the sheet is simply applied, as before.
 */

/** A face of the sheet as the Font Loading API takes it; `src`'s URLs resolved against the sheet's. */
function faceOf(rule: CSSFontFaceRule, sheetUrl: string): FontFace {
  const value = (name: string) => rule.style.getPropertyValue(name).trim();
  const src = value('src').replace(/url\((["']?)([^"')]+)\1\)/g, (_, _quote: string, url: string) => `url("${new URL(url, sheetUrl).href}")`);
  const descriptors: FontFaceDescriptors = {};
  if (value('font-style')) descriptors.style = value('font-style');
  if (value('font-weight')) descriptors.weight = value('font-weight');
  if (value('font-display')) descriptors.display = value('font-display') as FontDisplay;
  if (value('unicode-range')) descriptors.unicodeRange = value('unicode-range');
  const family = value('font-family').replace(/^["']|["']$/g, '');
  const face = new FontFace(family, src, descriptors);
  if (face.status !== 'error') return face;
  // Firefox (ESR 140 at least) parses the name as CSS, where "Source Sans 3" is not a name (an identifier may not
  // start with a digit), and the face is born failed; quoted, it is one. Other browsers take the name as it is,
  // quotes and all, so it is quoted only there.
  face.loaded.catch(() => undefined);
  return new FontFace(`"${family.replace(/["\\]/g, '\\$&')}"`, src, descriptors);
}

/**
 * Charts measure their labels in their fonts and measure again on `loadingdone` (../charts/shared/text-width.ts).
 * Faces added already loaded make the set fire nothing, so the page says it itself, naming the faces.
 */
function announce(faces: FontFace[]): void {
  const LoadEvent = (globalThis as { FontFaceSetLoadEvent?: typeof FontFaceSetLoadEvent }).FontFaceSetLoadEvent;
  document.fonts.dispatchEvent(LoadEvent ? new LoadEvent('loadingdone', { fontfaces: faces }) : new Event('loadingdone'));
}

/** Adds the faces of the sheet at `href` (see above). */
export function addLateFonts(href: string): void {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  const canLoadApart = typeof FontFace === 'function' && Boolean(document.fonts) && typeof CSSFontFaceRule === 'function';
  if (!canLoadApart) {
    link.href = href;
    document.head.append(link);
    return;
  }
  const applySheet = (): void => void (link.media = 'all');
  link.media = 'not all';
  link.addEventListener(
    'load',
    () => {
      try {
        const rules = [...(link.sheet?.cssRules ?? [])].filter((rule): rule is CSSFontFaceRule => rule instanceof CSSFontFaceRule);
        const faces = rules.map((rule) => faceOf(rule, link.href));
        if (!faces.length) return applySheet();
        void Promise.allSettled(faces.map((face) => face.load())).then(() => {
          // A face that failed stays out, its text in the fallback, as a face that fails in a sheet does.
          const loaded = faces.filter((face) => face.status === 'loaded');
          // None at all: something here failed that the sheet may not (its faces then load as a sheet's do).
          if (!loaded.length) return applySheet();
          for (const face of loaded) document.fonts.add(face);
          announce(loaded);
          link.remove();
        });
      } catch (error) {
        applySheet();
        reportError(error);
      }
    },
    { once: true },
  );
  link.addEventListener('error', applySheet, { once: true });
  link.href = href;
  document.head.append(link);
}
