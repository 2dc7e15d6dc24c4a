/**
 * One box type and one label placer for every chart.
 *
 * A label is placed by trying its candidate positions in order of preference and keeping the first whose box
 * stays in the frame and clear of the marks (obstacles) and of the labels placed before it; labels go in order
 * of priority, so when room runs out it is the least important that give way. The casualty chart's optional
 * text (the time axis's month line, the cuts' "n months later", the open dot's key), the map's place names,
 * measured distance, border point and country and sea names, the corners its locator, scale bar and key take,
 * and the timeline's lanes (labels and leaders as boxes in lane space) all place this way. Labels in a column,
 * each wanting a place along it (the timeline's beside a vertical axis, the casualty chart's latest values in
 * its margin), are nudged apart with `dodge`, which moves them as little as possible.
 *
 * Why not a library. Both were run on the same labels for every state of the story at 390 and 1440 px (the
 * snapshots' states and sizes, text measured with the font's advance widths):
 * - d3fc-label-layout (greedy, then removeOverlaps) on the map's place names: it knows no obstacles but other
 *   labels and the frame, so on 4 of the 22 map states it put a name over another mark (1 or 2 names each), and
 *   at 390 px it hid 2 of 8 names where this placer fits all 8 (isis-claim, isis-k). This placer overlaps
 *   nothing in any state (at syria, 390 px, it leaves out one context name; d3fc shows all 4 names, one of them
 *   over a mark). d3fc also wants a d3 component drawing into a selection, not a pure function.
 * - labella's force layout on the timeline's column (390 px): on 12 of 26 arrangements it left 1 or 2 labels
 *   overlapping or ran one past the column (its result is a simulation's, and depends on its iterations);
 *   `dodge`, exact least squares in one pass, overlaps none, and wherever labella moved labels less from their
 *   marks it was by overlapping them or running one out of the column. On the lanes (1440 px) labella needs
 *   fewer layers because it slides labels along the axis, up to 556 px from their date, which needs its curved
 *   leaders; the timeline's leaders are straight, so each label here stays beside its own.
 */
/** A box on screen: left, top, right and bottom edges in CSS pixels. */
export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  /** What the box belongs to, for messages. */
  readonly key?: string;
}

/** The box with its top-left corner at (x, y), w wide and h high. */
export function boxAt(x: number, y: number, w: number, h: number, key?: string): Box {
  return key === undefined ? { x0: x, y0: y, x1: x + w, y1: y + h } : { x0: x, y0: y, x1: x + w, y1: y + h, key };
}

/** Whether the spans [lo0, hi0] and [lo1, hi1] come closer than `gap` (touching at an edge is not overlapping). */
export function spansOverlap(lo0: number, hi0: number, lo1: number, hi1: number, gap = 0): boolean {
  return lo0 < hi1 + gap && lo1 < hi0 + gap;
}

/** How far apart two boxes must stay: the same across and down, or each its own. */
export type Gap = number | { readonly x: number; readonly y: number };

/** Whether two boxes come closer than `gap` in both directions. */
export function overlaps(a: Box, b: Box, gap: Gap = 0): boolean {
  const [gx, gy] = typeof gap === 'number' ? [gap, gap] : [gap.x, gap.y];
  return spansOverlap(a.x0, a.x1, b.x0, b.x1, gx) && spansOverlap(a.y0, a.y1, b.y0, b.y1, gy);
}

/** Whether a box lies inside a frame of this size, `margin` in from its edges. */
export function within(box: Box, size: { readonly width: number; readonly height: number }, margin = 0): boolean {
  return box.x0 >= margin && box.y0 >= margin && box.x1 <= size.width - margin && box.y1 <= size.height - margin;
}

export interface PlacerOptions {
  readonly width: number;
  readonly height: number;
  /** How far in from the frame's edges a label must stay. */
  readonly margin?: number;
}

export interface FitOptions {
  /** How far a label keeps from the labels placed (and from obstacles, unless `clearance` says otherwise). */
  readonly gap?: Gap;
  /** How far a label keeps from obstacles, when not `gap`. */
  readonly clearance?: Gap;
  /** A further test the box must pass (clear of a line, inside a country). */
  readonly clear?: (box: Box) => boolean;
}

/**
 * Places labels one at a time: each at its first candidate that fits. Obstacles are the marks labels must not
 * cover; placed boxes are the labels so far. The placer is the layout's own state, made fresh for each layout,
 * so the layout stays a pure function of its input.
 */
export class LabelPlacer {
  readonly obstacles: Box[] = [];
  readonly placed: Box[] = [];
  constructor(private readonly frame: PlacerOptions) {}

  /** The frame's size. */
  get size(): { readonly width: number; readonly height: number } {
    return { width: this.frame.width, height: this.frame.height };
  }

  /** A mark labels keep clear of. */
  block(box: Box): void {
    this.obstacles.push(box);
  }

  /** A label placed by other means (a label that must show wherever it lands): later labels keep clear of it. */
  take(box: Box): void {
    this.placed.push(box);
  }

  /** Whether a label's box is in the frame and clear of every obstacle, every label and `clear`. */
  fits(box: Box, options: FitOptions = {}): boolean {
    const { gap = 0, clearance = gap, clear } = options;
    if (!within(box, this.frame, this.frame.margin ?? 0)) return false;
    if (this.obstacles.some((o) => overlaps(o, box, clearance))) return false;
    if (this.placed.some((o) => overlaps(o, box, gap))) return false;
    return clear ? clear(box) : true;
  }

  /** Places one box if it fits; whether it did. */
  tryPlace(box: Box, options: FitOptions = {}): boolean {
    const fits = this.fits(box, options);
    if (fits) this.take(box);
    return fits;
  }

  /** The first candidate whose box fits, without placing it. */
  first<C>(candidates: readonly C[], boxOf: (candidate: C) => Box, options: FitOptions = {}): C | undefined {
    return candidates.find((c) => this.fits(boxOf(c), options));
  }

  /** Places the first candidate whose box fits, and returns it; or nothing, if none fits. */
  place<C>(candidates: readonly C[], boxOf: (candidate: C) => Box, options: FitOptions = {}): C | undefined {
    const chosen = this.first(candidates, boxOf, options);
    if (chosen !== undefined) this.take(boxOf(chosen));
    return chosen;
  }
}

/**
 * Nudges blocks apart along one axis: given each block's wanted start and its length, in order, returns starts
 * such that no two blocks overlap and all lie inside [lo, hi], moving them as little as possible (least squares,
 * by pooling adjacent violators). Keeps the order. If the blocks cannot all fit, they run on past `hi`.
 */
export function dodge(wanted: readonly number[], heights: readonly number[], lo: number, hi: number): number[] {
  const n = wanted.length;
  if (n === 0) return [];
  const before: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    before.push(total);
    total += heights[i]!;
  }
  const blocks: { sum: number; count: number }[] = [];
  for (let i = 0; i < n; i++) {
    blocks.push({ sum: wanted[i]! - before[i]!, count: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]!;
      const prev = blocks[blocks.length - 2]!;
      if (prev.sum / prev.count <= last.sum / last.count) break;
      prev.sum += last.sum;
      prev.count += last.count;
      blocks.pop();
    }
  }
  const fitted: number[] = [];
  for (const block of blocks) for (let i = 0; i < block.count; i++) fitted.push(block.sum / block.count);
  const maxStart = Math.max(lo, hi - total);
  return fitted.map((value, i) => Math.min(Math.max(value, lo), maxStart) + before[i]!);
}
