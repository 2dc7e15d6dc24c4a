/**
 * How a page shows a step's drawing: a picture with the phone drawing and, from a column wide enough, the desktop
 * one, the chart's sentence as its text alternative, lazily loaded; or, for the chart a page opens with, the SVG
 * itself in the page, so it shows at first paint with no request of its own.
 */
import { drawingPath, type DrawingBox, type DrawingSize } from './sizes.ts';
import { escapeHtml } from '../charts/shared/escape.ts';

/** From this page width the desktop drawing is shown (the phone's tables stack below it too: story.css). */
export const DESKTOP_FROM_PX = 560;

/** `<picture>` for a step's drawing at its sizes; `base` is the path from the page to the site's root ('' or '../../'). */
export function drawingPicture(stepId: string, { phone, desktop }: Readonly<Record<DrawingSize, DrawingBox>>, sentence: string, base = ''): string {
  return (
    `<picture class="step-drawing">` +
    `<source media="(min-width: ${DESKTOP_FROM_PX}px)" srcset="${base}${drawingPath(stepId, 'desktop')}" width="${desktop.width}" height="${desktop.height}">` +
    `<img src="${base}${drawingPath(stepId, 'phone')}" width="${phone.width}" height="${phone.height}" alt="${escapeHtml(sentence)}" loading="lazy" decoding="async">` +
    `</picture>`
  );
}

/** The drawing inline, for the opening chart: its SVG named by the sentence, as an image. */
export function drawingInline(svg: string, sentence: string): string {
  // Its styles are the page's (drawings.css): a strict Content Security Policy allows no style element here.
  // Nor style attributes: each (a label's size, a mark's opacity) becomes the presentation attribute of the same
  // name, which the drawings' rules never set for the same element.
  return svg
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/ style="([^"]*)"/g, (_, declarations: string) =>
      declarations
        .split(';')
        .map((declaration) => declaration.split(':').map((part) => part.trim()))
        .filter(([name, value]) => name && value)
        .map(([name, value]) => ` ${name}="${value}"`)
        .join(''),
    )
    .replace(/^<svg /, `<svg role="img" aria-label="${escapeHtml(sentence)}" `);
}
