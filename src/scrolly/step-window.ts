/**
 * Which steps of a section Scrollama watches. Each watched step costs an IntersectionObserver and a
 * ResizeObserver that the browser computes on every frame, so a section watches only the steps a reader can reach
 * next: those around the active step, or, before the section is entered (or after it is left), those at either
 * end, where a reader comes in. Pure, so the rule is tested apart from the page.
 */

/** A run of step indices, start inclusive, end exclusive. */
export interface StepRange {
  readonly start: number;
  readonly end: number;
}

/** Steps watched on each side of the active one. */
export const WINDOW_RADIUS = 6;
/** The window moves once the active step is this close to one of its edges (so not at every step change). */
export const WINDOW_MARGIN = 2;

/** The ranges to watch: around `active`, or both ends of the section when no step of it is active. */
export function stepWindow(count: number, active: number | null, radius = WINDOW_RADIUS): StepRange[] {
  if (count <= 0) return [];
  if (active === null || active < 0 || active >= count) {
    const head = { start: 0, end: Math.min(count, radius + 1) };
    const tail = { start: Math.max(head.end, count - radius - 1), end: count };
    return tail.start < tail.end ? [head, tail] : [head];
  }
  return [{ start: Math.max(0, active - radius), end: Math.min(count, active + radius + 1) }];
}

/**
 * Whether the watched ranges must move for this active step: it is outside them, or so near an edge that the
 * reader could pass the edge before the next change (an edge at the section's own start or end does not count).
 */
export function windowNeedsMove(ranges: readonly StepRange[], count: number, active: number | null, margin = WINDOW_MARGIN): boolean {
  if (active === null || active < 0 || active >= count) return rangesKey(ranges) !== rangesKey(stepWindow(count, null));
  if (ranges.length !== 1) return true;
  const { start, end } = ranges[0]!;
  if (active < start || active >= end) return true;
  return (start > 0 && active - start < margin) || (end < count && end - 1 - active < margin);
}

/** "0-7,21-28": equal for equal ranges. */
export function rangesKey(ranges: readonly StepRange[]): string {
  return ranges.map((range) => `${range.start}-${range.end}`).join(',');
}
