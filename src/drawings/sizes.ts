/**
 * The sizes every step's chart is drawn at when the site is built: a phone's (a 390 px screen less the page's side
 * margins) and a desktop column's. Each chart keeps the aspect ratio its element takes without a set height
 * (the `--fl-aspect` defaults in its styles; the timeline turns portrait below 600 px), so a drawing is the chart
 * as an embed of that width shows it.
 */
export type DrawingSize = 'phone' | 'desktop';

export const DRAWING_WIDTHS: Readonly<Record<DrawingSize, number>> = { phone: 350, desktop: 640 };

/** Width over height, per chart and size. */
const ASPECT: Readonly<Record<string, Readonly<Record<DrawingSize, number>>>> = {
  casualties: { phone: 16 / 10, desktop: 16 / 10 },
  timeline: { phone: 3 / 4, desktop: 2 / 1 },
  'distance-map': { phone: 4 / 3, desktop: 4 / 3 },
};

export const DRAWING_SIZES: readonly DrawingSize[] = ['phone', 'desktop'];

export function drawingBox(chart: string, size: DrawingSize): { width: number; height: number } {
  const width = DRAWING_WIDTHS[size];
  return { width, height: Math.round(width / (ASPECT[chart]?.[size] ?? 16 / 10)) };
}

/** Where a step's drawing is in the built site, relative to the page. */
export function drawingPath(stepId: string, size: DrawingSize): string {
  return `drawings/${stepId}-${size}.svg`;
}
