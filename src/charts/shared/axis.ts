/**
 * Draws a d3-axis into its group, over a transition or at once. d3-axis writes every tick's position, line and
 * words each time it is called, and a browser restyles and lays out each written tick even when nothing changed
 * (write.ts): an axis drawn at once where it already is, is left alone. A transition already skips what stays.
 */
import type { Axis, AxisDomain, BaseType, Selection } from 'd3';
import { transitionOf } from './transition.ts';

/** What each axis group last showed when drawn at once; none once a transition has moved it. */
const shownAtOnce = new WeakMap<Element, string>();

/**
 * Calls `axis` on `group` over `ms` (0: at once). `key` says all that the axis shows (its scale's domain and
 * range, its ticks and their words): at once, with the key it was last drawn at once with, nothing is written.
 */
export function drawAxisInto<Domain extends AxisDomain, D, P extends BaseType, PD>(group: Selection<SVGGElement, D, P, PD>, axis: Axis<Domain>, ms: number, key: string): void {
  const node = group.node();
  if (!node) return;
  const moving = transitionOf(group, ms);
  if (moving) {
    shownAtOnce.delete(node);
    moving.call(axis);
  } else if (shownAtOnce.get(node) !== key) {
    shownAtOnce.set(node, key);
    group.call(axis);
  }
}
