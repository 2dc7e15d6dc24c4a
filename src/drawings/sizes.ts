/**
 * The sizes every step's chart is drawn at when the site is built: a phone's (a 390 px screen less the page's side
 * margins) and a desktop column's. Each chart keeps the aspect ratio its element takes without a set height
 * (the `--fl-aspect` defaults in its styles; the timeline turns portrait below 600 px): its registration's
 * `aspect` (src/charts/registry.ts). So a drawing is the chart as an embed of that width shows it.
 */
import type { DrawingSize } from '../charts/registry.ts';

export type { DrawingSize };

export const DRAWING_WIDTHS: Readonly<Record<DrawingSize, number>> = { phone: 350, desktop: 640 };

export interface DrawingBox {
  readonly width: number;
  readonly height: number;
}

export const DRAWING_SIZES: readonly DrawingSize[] = ['phone', 'desktop'];

/** The box a chart is drawn in at a size, from its width-over-height per size. */
export function drawingBox(aspect: Readonly<Record<DrawingSize, number>>, size: DrawingSize): DrawingBox {
  const width = DRAWING_WIDTHS[size];
  return { width, height: Math.round(width / aspect[size]) };
}

/** Where a step's drawing is in the built site, relative to the page. */
export function drawingPath(stepId: string, size: DrawingSize): string {
  return `drawings/${stepId}-${size}.svg`;
}
