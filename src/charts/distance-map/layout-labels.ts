/** Label placement on the map: candidate positions around a dot, and a free corner for a box (the shared placer tests the boxes). */
import { type Box, type LabelPlacer, boxAt } from '../shared/labels.ts';
import { KIND_ORDER } from './kinds.ts';
import { type LabelMark } from './layout-marks.ts';

export type Anchor = LabelMark['anchor'];

/** Candidate label positions around a dot of radius r: right, left, above, below, the diagonals, then hanging. */
export function candidates(r: number, width: number, size: number): { dx: number; dy: number; anchor: Anchor; box: (x: number, y: number) => Box }[] {
  const gap = r + 4;
  const h = size * 1.15;
  const ascent = size * 0.8;
  const make = (dx: number, dy: number, anchor: Anchor) => ({
    dx,
    dy,
    anchor,
    box: (x: number, y: number): Box => {
      const left = anchor === 'start' ? x + dx : anchor === 'end' ? x + dx - width : x + dx - width / 2;
      return boxAt(left - 2, y + dy - ascent - 1, width + 4, h + 2);
    },
  });
  const mid = size * 0.35;
  return [
    make(gap, mid, 'start'),
    make(-gap, mid, 'end'),
    make(0, -gap - size * 0.25, 'middle'),
    make(0, gap + ascent, 'middle'),
    make(gap * 0.75, -gap * 0.75, 'start'),
    make(gap * 0.75, gap * 0.75 + ascent, 'start'),
    make(-gap * 0.75, -gap * 0.75, 'end'),
    make(-gap * 0.75, gap * 0.75 + ascent, 'end'),
    // Text hanging off one side of the dot, above or below it: fits by a frame edge.
    make(-r, gap + ascent, 'start'),
    make(-r, -gap - size * 0.25, 'start'),
    make(r, gap + ascent, 'end'),
    make(r, -gap - size * 0.25, 'end'),
  ];
}

export const KIND_RANK = KIND_ORDER;
export const ROLE_RANK = { measure: 0, focus: 1, context: 2 } as const;

type Corner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

/**
 * The corner for a box of this size that the placer finds free (of everything placed so far, and of the points
 * by 6 px) with the fewest points near it; ties go to the earlier corner in `order`. When no corner is free,
 * the least crowded: the box must show somewhere.
 */
export function corner(order: readonly Corner[], w: number, h: number, margin: number, avoid: readonly [number, number][], placer: LabelPlacer): Box {
  const { width, height } = placer.size;
  const rects = order.map((c): Box => boxAt(c.endsWith('left') ? margin : width - margin - w, c.startsWith('top') ? margin : height - margin - h, w, h));
  const near = (r: Box, by: number) => avoid.filter(([x, y]) => x >= r.x0 - by && x <= r.x1 + by && y >= r.y0 - by && y <= r.y1 + by).length;
  const scored = rects.map((r, i) => ({ r, i, blocked: !placer.fits(r, { clear: (b) => near(b, 6) === 0 }), crowd: near(r, 40) }));
  scored.sort((a, b) => Number(a.blocked) - Number(b.blocked) || a.crowd - b.crowd || a.i - b.i);
  return scored[0]!.r;
}
