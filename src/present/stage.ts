/**
 * The stage presentation mode shows a slide on: laid out at a fixed logical size and scaled to the screen (as
 * reveal.js does), so type, charts and margins keep their proportions from a 1024x768 projector to a 4K screen;
 * and the slide's text fitted into it at the largest type that fits.
 */
import { fitText } from './fit-text.ts';

/** The stage's short side, in stage px. */
const STAGE_SHORT_SIDE = 640;
/** On a portrait screen (a phone held upright) the width is the short side; a narrower stage keeps text large. */
const STAGE_SHORT_SIDE_PORTRAIT = 420;

/** Caption type, in stage px: as large as fits, never smaller than reads from the back of a room. */
const CAPTION_MAX = 30;
const CAPTION_MIN = 15;
const TITLE_MAX = 72;
const TITLE_MIN = 30;

/** Sizes the stage to the screen (present.css reads the custom properties): a fixed short side, scaled. */
export function sizeStage(): void {
  const width = document.documentElement.clientWidth || innerWidth;
  const height = document.documentElement.clientHeight || innerHeight;
  const scale = width >= height ? height / STAGE_SHORT_SIDE : width / STAGE_SHORT_SIDE_PORTRAIT;
  const style = document.documentElement.style;
  style.setProperty('--fl-stage-scale', scale.toFixed(5));
  style.setProperty('--fl-stage-w', (width / scale).toFixed(2));
  style.setProperty('--fl-stage-h', (height / scale).toFixed(2));
}

/** Fits a step's caption card into its box. */
export function fitCaption(card: HTMLElement): void {
  fitText(card, '--fl-caption-size', CAPTION_MIN, CAPTION_MAX);
}

/** Fits the title slide's headline block into its box. */
export function fitTitle(header: HTMLElement): void {
  fitText(header, '--fl-title-size', TITLE_MIN, TITLE_MAX);
}
