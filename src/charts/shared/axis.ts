/**
 * An axis, drawn as d3-axis draws one (the same elements and attributes: a `path.domain`, and a `g.tick` for each
 * tick with its `line` and `text`, so the stylesheets and the drawings made at build time see what they saw), at
 * once or over a move.
 *
 * Why not d3-axis itself: over a transition it tweens every tick's transform with D3's transform interpolation,
 * which parses both ends of each through the SVG DOM when the move starts, and gives every tick's line and text a
 * transition of their own. The timeline changes its window at most of its steps, and its axis's moves were most of
 * its long tasks: a build with the timeline's axis drawn at once, read against the build before at 4x CPU, 4
 * rounds of a phone's read, had 24 long tasks against 32 and 156 ms of blocking time against 408. Here a tick that
 * moves is tweened as the numbers it is (translateTo), one that comes or goes fades as well, and nothing else is
 * touched; at once, only what differs is written (write.ts).
 */
import type { AxisDomain, BaseType, Selection } from 'd3';
import { translateTo } from './transition.ts';
import { writeAll, writeText } from './write.ts';

export interface AxisSpec<Domain extends AxisDomain> {
  /** Ticks below a horizontal axis, or left of a vertical one. */
  readonly orient: 'bottom' | 'left';
  /** The scale: a position along the axis for each value; its range is the axis's extent. */
  readonly scale: ((value: Domain) => number | undefined) & { range(): number[]; copy(): (value: Domain) => number | undefined };
  /** The values that get a tick, in order. */
  readonly values: readonly Domain[];
  /** A tick's words. */
  readonly format: (value: Domain) => string;
  /** How far each tick's line reaches from the axis, and the domain line's ends (0: none). */
  readonly tickSizeInner: number;
  readonly tickSizeOuter: number;
  /** Between a tick's line and its words. */
  readonly tickPadding: number;
}

/** Where entering ticks come from: the position function of the axis's last draw (as d3-axis keeps it). */
interface AxisGroup extends SVGGElement {
  __axis?: (value: unknown) => number;
}

/** A tick's opacity as it comes in or goes, as d3-axis has it (not 0, which would hide it from the tween's start). */
const EPSILON = 1e-6;

/**
 * Draws the axis `spec` describes into `group`, over `ms` (0: at once). Ticks are matched by value: one that stays
 * slides to its new place, one that comes slides in from where the axis's last scale put it, one that goes slides
 * to where the new scale puts it, each fading in or out.
 */
export function drawAxis<Domain extends AxisDomain, D, P extends BaseType, PD>(group: Selection<SVGGElement, D, P, PD>, spec: AxisSpec<Domain>, ms: number): void {
  const node = group.node() as AxisGroup | null;
  if (!node) return;
  const vertical = spec.orient === 'left';
  // Across the axis: left of a vertical one (negative), below a horizontal one.
  const k = vertical ? -1 : 1;
  const across = vertical ? 'x' : 'y';
  // Half a pixel, so that a 1 px line falls on a pixel where a pixel is a CSS pixel (as d3-axis does).
  const offset = typeof window !== 'undefined' && window.devicePixelRatio > 1 ? 0 : 0.5;
  const scale = spec.scale.copy();
  const position = (value: Domain): number => Number(scale(value));
  const at = (p: number): [number, number] => (vertical ? [0, p] : [p, 0]);
  const translate = (p: number): string => `translate(${at(p).join(',')})`;
  // From the axis to a tick's words.
  const spacing = k * (Math.max(spec.tickSizeInner, 0) + spec.tickPadding);
  const range = spec.scale.range();
  const [r0, r1] = [Number(range[0]) + offset, Number(range[range.length - 1]) + offset];
  const outer = k * spec.tickSizeOuter;
  const domainPath = vertical
    ? spec.tickSizeOuter
      ? `M${outer},${r0}H${offset}V${r1}H${outer}`
      : `M${offset},${r0}V${r1}`
    : spec.tickSizeOuter
      ? `M${r0},${outer}V${offset}H${r1}V${outer}`
      : `M${r0},${offset}H${r1}`;
  const previous = node.__axis;
  const moving = ms > 0;

  const domain = group.selectAll<SVGPathElement, null>('.domain').data([null]);
  const path = domain.merge(domain.enter().insert('path', '.tick').attr('class', 'domain').attr('stroke', 'currentColor'));
  const ticks = group
    .selectAll<SVGGElement, Domain>('.tick')
    .data(spec.values, (d) => String(+d))
    .order();
  const enter = ticks.enter().append('g').attr('class', 'tick');
  enter
    .append('line')
    .attr('stroke', 'currentColor')
    .attr(`${across}2`, k * spec.tickSizeInner);
  enter
    .append('text')
    .attr('fill', 'currentColor')
    .attr(across, spacing)
    .attr('dy', vertical ? '0.32em' : '0.71em');
  const all = ticks.merge(enter);

  if (moving) {
    // From where the last scale put them, or their new place when the axis had none.
    enter.attr('opacity', EPSILON).attr('transform', (d) => {
      const from = previous?.(d);
      return translate((from !== undefined && Number.isFinite(from) ? from : position(d)) + offset);
    });
    translateTo(ticks.exit<Domain>(), ms, (d) => at(position(d) + offset), { attr: { opacity: EPSILON } })?.remove();
  } else ticks.exit().remove();

  writeAll(path, { d: domainPath });
  writeAll(all.select('line'), { [`${across}2`]: k * spec.tickSizeInner });
  writeAll(all.select<SVGTextElement>('text'), { [across]: spacing }).each(function (d) {
    writeText(this, spec.format(d));
  });
  if (moving) translateTo(all, ms, (d) => at(position(d) + offset), { attr: { opacity: 1 } });
  else writeAll(all, { opacity: 1, transform: (d) => translate(position(d) + offset) });

  if (!previous) writeAll(group, { fill: 'none', 'text-anchor': vertical ? 'end' : 'middle' });
  node.__axis = position as (value: unknown) => number;
}
