/** Label placement on the map: candidate positions around a dot, collision tests, and a free corner for a box. */
import type { Size } from '../shared/types.ts';
import { KIND_ORDER } from './kinds.ts';
import { type LabelMark } from './layout-marks.ts';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

export function within(a: Rect, size: Size, margin = 2): boolean {
  return a.x >= margin && a.y >= margin && a.x + a.w <= size.width - margin && a.y + a.h <= size.height - margin;
}

export type Anchor = LabelMark['anchor'];

/** Candidate label positions around a dot of radius r: right, left, above, below, the diagonals, then hanging. */
export function candidates(r: number, width: number, size: number): { dx: number; dy: number; anchor: Anchor; rect: (x: number, y: number) => Rect }[] {
  const gap = r + 4;
  const h = size * 1.15;
  const ascent = size * 0.8;
  const make = (dx: number, dy: number, anchor: Anchor) => ({
    dx,
    dy,
    anchor,
    rect: (x: number, y: number): Rect => {
      const left = anchor === 'start' ? x + dx : anchor === 'end' ? x + dx - width : x + dx - width / 2;
      return { x: left - 2, y: y + dy - ascent - 1, w: width + 4, h: h + 2 };
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
 * The corner for a box of this size that covers nothing already placed and has the fewest points near it
 * (ties go to the earlier corner in `order`).
 */
export function corner(order: readonly Corner[], w: number, h: number, size: Size, margin: number, avoid: readonly [number, number][], taken: readonly Rect[]): Rect {
  const rects = order.map((c): Rect => ({
    x: c.endsWith('left') ? margin : size.width - margin - w,
    y: c.startsWith('top') ? margin : size.height - margin - h,
    w,
    h,
  }));
  const near = (r: Rect, by: number) => avoid.filter(([x, y]) => x >= r.x - by && x <= r.x + r.w + by && y >= r.y - by && y <= r.y + r.h + by).length;
  const scored = rects.map((r, i) => ({ r, i, blocked: taken.some((t) => overlaps(t, r)) || near(r, 6) > 0, crowd: near(r, 40) }));
  scored.sort((a, b) => Number(a.blocked) - Number(b.blocked) || a.crowd - b.crowd || a.i - b.i);
  return scored[0]!.r;
}
