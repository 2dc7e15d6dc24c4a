/**
 * Label placement for the timeline: lanes of labels above a horizontal track (`placeInLanes`). A column of labels
 * beside a vertical track is nudged apart by the shared `dodge` (shared/labels.ts).
 */
import { type Box, LabelPlacer, overlaps } from '../shared/labels.ts';
import { truncate } from './layout-axis.ts';
import { CLEAR, GAP, PAD } from './layout-marks.ts';

export interface LaneItem {
  readonly id: string;
  /** x of the item's leader. */
  readonly line: number;
  readonly priority: number;
  readonly time: number;
  readonly full: string;
  readonly short: string;
  readonly bold: boolean;
  /** The label takes at least this width (its date line), however it is abbreviated. */
  readonly minWidth: number;
}

export interface LanePlaced {
  readonly item: LaneItem;
  readonly lane: number;
  readonly lo: number;
  readonly hi: number;
  readonly text: string;
  readonly abbreviated: 'none' | 'short' | 'ellipsis';
  readonly anchor: 'start' | 'end';
  readonly textX: number;
}

export interface LaneOptions {
  readonly left: number;
  readonly right: number;
  readonly maxLane: number;
  readonly width: (text: string, bold: boolean) => number;
  /** Stack labels by date alone, emphasized or not (a long axis, where a staircase out of order misleads). */
  readonly dateOrder?: boolean;
}

/**
 * Places labels in lanes so that no two labels touch and no leader runs through a label: a label whose span
 * covers another event's leader sits in a higher lane than that event's label. Labels are placed one by one,
 * each only once every leader it would cover is placed (so each takes the lowest lane that clears them),
 * emphasized labels first; when the lanes run out, the short label is tried, then an ellipsis.
 */
export function placeInLanes(items: readonly LaneItem[], options: LaneOptions): { placed: LanePlaced[]; overflow: boolean } {
  const placed: LanePlaced[] = [];
  let overflow = false;
  const covers = (lo: number, hi: number, x: number) => lo - CLEAR <= x && x <= hi + CLEAR;
  const widthOf = (item: LaneItem, text: string) => Math.max(options.width(text, item.bold), item.minWidth);

  const geometry = (item: LaneItem, text: string, anchor: 'start' | 'end') => {
    const w = widthOf(item, text);
    const textX = anchor === 'start' ? item.line + PAD : item.line - PAD;
    const [lo, hi] = anchor === 'start' ? [textX, textX + w] : [textX - w, textX];
    return { lo, hi, textX, inside: lo >= options.left && hi <= options.right };
  };
  // Events on (nearly) one date share a leader, so their labels stack in time order: labels that hang right of
  // their leaders step up towards the earliest, labels that hang left step up towards the latest, as the
  // staircases around them do. Emphasized labels go first, so they get the lanes nearest the track.
  const order = (item: LaneItem) => (geometry(item, item.full, 'start').inside ? -item.time : item.time);
  const rank = (item: LaneItem) => (options.dateOrder ? 0 : item.priority);
  const unplaced = [...items].sort((a, b) => rank(b) - rank(a) || order(a) - order(b) || a.line - b.line);

  /** The highest lane this item's own leader may reach: below every placed label that covers it. */
  const ceilingFor = (item: LaneItem) =>
    placed.reduce((ceiling, p) => (covers(p.lo, p.hi, item.line) ? Math.min(ceiling, p.lane - 1) : ceiling), options.maxLane);

  // The shared placer, in lane space: x in px, y in lanes (a label in lane L spans [L, L + 1)). Each placed
  // label's leader is an obstacle from the track up through its own lane, so a label that covers it goes higher;
  // a candidate's own leader must clear the labels placed, so it goes below any label over its date.
  const lanes = Array.from({ length: Math.min(options.maxLane, items.length) + 1 }, (_, lane) => lane);
  const placer = new LabelPlacer({ width: options.right, height: lanes.length });
  const labelBox = (lo: number, hi: number, lane: number): Box => ({ x0: lo, x1: hi, y0: lane, y1: lane + 1 });
  const leaderBox = (line: number, lane: number): Box => ({ x0: line, x1: line, y0: 0, y1: lane + 1 });
  const take = (p: LanePlaced) => {
    placed.push(p);
    placer.take(labelBox(p.lo, p.hi, p.lane));
    placer.block(leaderBox(p.item.line, p.lane));
  };

  const lowestLane = (item: LaneItem, lo: number, hi: number): number | null => {
    if (unplaced.some((u) => u !== item && covers(lo, hi, u.line))) return null;
    const ownLeaderClear = (box: Box) => !placer.placed.some((p) => overlaps(leaderBox(item.line, box.y0), p, { x: CLEAR, y: 0 }));
    const lane = placer.first(lanes, (l) => labelBox(lo, hi, l), { gap: { x: GAP, y: 0 }, clearance: { x: CLEAR, y: 0 }, clear: ownLeaderClear });
    return lane ?? null;
  };

  const tryLevel = (level: 'full' | 'short'): LanePlaced | null => {
    for (const item of unplaced) {
      const text = level === 'full' ? item.full : item.short;
      if (level === 'short' && text === item.full) continue;
      const anchors: ('start' | 'end')[] = geometry(item, text, 'start').inside ? ['start', 'end'] : ['end', 'start'];
      for (const anchor of anchors) {
        const g = geometry(item, text, anchor);
        if (!g.inside) continue;
        const lane = lowestLane(item, g.lo, g.hi);
        if (lane !== null) {
          return { item, lane, lo: g.lo, hi: g.hi, text, abbreviated: level === 'full' ? 'none' : 'short', anchor, textX: g.textX };
        }
      }
    }
    return null;
  };

  /** The roomiest lane and side left for this label, cut to fit with an ellipsis. */
  const squeeze = (item: LaneItem): LanePlaced => {
    const ceiling = ceilingFor(item);
    let best: { lane: number; anchor: 'start' | 'end'; room: number } | null = null;
    for (let lane = 0; lane <= Math.max(ceiling, 0); lane++) {
      for (const anchor of ['start', 'end'] as const) {
        const textX = anchor === 'start' ? item.line + PAD : item.line - PAD;
        let limit = anchor === 'start' ? options.right : options.left;
        let blocked = false;
        const obstacle = (lo: number, hi: number, clear: number) => {
          if (anchor === 'start') {
            if (hi + clear > textX && lo - clear <= textX) blocked = true;
            else if (lo - clear > textX) limit = Math.min(limit, lo - clear);
          } else {
            if (lo - clear < textX && hi + clear >= textX) blocked = true;
            else if (hi + clear < textX) limit = Math.max(limit, hi + clear);
          }
        };
        for (const u of unplaced) if (u !== item) obstacle(u.line, u.line, CLEAR);
        for (const p of placed) {
          if (p.lane >= lane) obstacle(p.item.line, p.item.line, CLEAR);
          if (p.lane === lane) obstacle(p.lo, p.hi, GAP);
        }
        const room = blocked ? 0 : Math.abs(limit - textX);
        if (!best || room > best.room + 0.5) best = { lane, anchor, room };
      }
    }
    const { lane, anchor, room } = best!;
    const text = truncate(item.short, room, (t) => options.width(t, item.bold));
    const w = widthOf(item, text);
    if (w > room) overflow = true;
    const textX = anchor === 'start' ? item.line + PAD : item.line - PAD;
    const [lo, hi] = anchor === 'start' ? [textX, textX + w] : [textX - w, textX];
    const abbreviated = text === item.full ? 'none' : text === item.short ? 'short' : 'ellipsis';
    return { item, lane, lo, hi, text, abbreviated, anchor, textX };
  };

  while (unplaced.length) {
    const next = tryLevel('full') ?? tryLevel('short') ?? squeeze(unplaced[0]!);
    take(next);
    unplaced.splice(unplaced.indexOf(next.item), 1);
  }
  return { placed, overflow };
}

/**
 * True when labels stacked over one another hang like stairs in date order: of two that hang left of their
 * leaders, the higher is the later; of two that hang right, the higher is the earlier.
 */
export function inDateOrder(placed: readonly LanePlaced[]): boolean {
  for (const a of placed) {
    for (const b of placed) {
      if (a.lane <= b.lane || a.anchor !== b.anchor || a.hi <= b.lo || b.hi <= a.lo) continue;
      if (a.anchor === 'end' ? a.item.time < b.item.time : a.item.time > b.item.time) return false;
    }
  }
  return true;
}

/** How many labels a placement had to shorten, counting an overflow as worse than any number of them. */
export function cost(result: { placed: readonly { abbreviated: string }[]; overflow: boolean }): number {
  return result.placed.filter((p) => p.abbreviated !== 'none').length + (result.overflow ? 1000 : 0);
}
