/** The time axis: which ticks a window gets at a width, and their labels; and shortening a label to fit. */
import { utcDay, utcHour, utcMonth, utcYear, type TimeInterval } from 'd3';
import { SHORT_MONTHS } from '../shared/wording.ts';
import { DAY, HOUR } from './layout-dates.ts';

export type TickUnit = 'hour' | 'day' | 'month' | 'year';

const TICK_STEPS: readonly { unit: TickUnit; step: number; ms: number; interval: TimeInterval }[] = [
  { unit: 'hour', step: 1, ms: HOUR, interval: utcHour },
  { unit: 'hour', step: 3, ms: 3 * HOUR, interval: utcHour.every(3)! },
  { unit: 'hour', step: 6, ms: 6 * HOUR, interval: utcHour.every(6)! },
  { unit: 'hour', step: 12, ms: 12 * HOUR, interval: utcHour.every(12)! },
  { unit: 'day', step: 1, ms: DAY, interval: utcDay },
  { unit: 'day', step: 2, ms: 2 * DAY, interval: utcDay.every(2)! },
  // every(7) counts from the 1st of each month: 1, 8, 15, 22, 29.
  { unit: 'day', step: 7, ms: 7 * DAY, interval: utcDay.every(7)! },
  { unit: 'month', step: 1, ms: 30.44 * DAY, interval: utcMonth },
  { unit: 'month', step: 2, ms: 2 * 30.44 * DAY, interval: utcMonth.every(2)! },
  { unit: 'month', step: 3, ms: 3 * 30.44 * DAY, interval: utcMonth.every(3)! },
  { unit: 'month', step: 6, ms: 6 * 30.44 * DAY, interval: utcMonth.every(6)! },
  { unit: 'year', step: 1, ms: 365.25 * DAY, interval: utcYear },
  { unit: 'year', step: 2, ms: 2 * 365.25 * DAY, interval: utcYear.every(2)! },
  { unit: 'year', step: 5, ms: 5 * 365.25 * DAY, interval: utcYear.every(5)! },
  { unit: 'year', step: 10, ms: 10 * 365.25 * DAY, interval: utcYear.every(10)! },
  { unit: 'year', step: 25, ms: 25 * 365.25 * DAY, interval: utcYear.every(25)! },
];

function tickLabel(ms: number, unit: TickUnit, first: boolean): string {
  const date = new Date(ms);
  const y = date.getUTCFullYear();
  const m = SHORT_MONTHS[date.getUTCMonth()]!;
  const d = date.getUTCDate();
  const h = date.getUTCHours();
  switch (unit) {
    case 'year':
      return `${y}`;
    case 'month':
      return first || date.getUTCMonth() === 0 ? `${m} ${y}` : m;
    case 'day':
      return first || d === 1 ? `${d} ${m}` : `${d}`;
    case 'hour':
      return h === 0 ? `${d} ${m}` : `${String(h).padStart(2, '0')}:00`;
  }
}

export interface TickMark {
  readonly t: number;
  /** Position along the time axis, px. */
  readonly pos: number;
  readonly label: string;
}

/**
 * Ticks that suit the span: the finest of hours, days, months or years whose labels keep `minGap` px apart
 * (horizontal) or stay at least `minSpacing` px apart (vertical).
 */
export function chooseTicks(
  domain: readonly [number, number],
  range: readonly [number, number],
  options: { widthOf: WidthOf; fontSize: number; horizontal: boolean },
): { unit: TickUnit; step: number; ticks: TickMark[] } {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const pxPerMs = Math.abs(r1 - r0) / (d1 - d0);
  const scale = (t: number) => r0 + ((t - d0) / (d1 - d0)) * (r1 - r0);
  let chosen: { unit: TickUnit; step: number; ticks: TickMark[] } | null = null;
  for (const candidate of TICK_STEPS) {
    // A rough pre-check on the nominal step, then the real check on the labels.
    if (candidate.ms * pxPerMs < (options.horizontal ? 24 : options.fontSize * 2)) continue;
    const times = candidate.interval.range(new Date(d0), new Date(d1 + 1)).map((d) => d.getTime());
    if (times.length < 2 && candidate !== TICK_STEPS[TICK_STEPS.length - 1]) continue;
    const ticks = times.map((t, i) => ({ t, pos: scale(t), label: tickLabel(t, candidate.unit, i === 0) }));
    let fits = true;
    for (let i = 1; i < ticks.length; i++) {
      const gap = Math.abs(ticks[i]!.pos - ticks[i - 1]!.pos);
      // Sparse on purpose: an axis with a label every 60 px or more reads at a glance.
      const need = options.horizontal
        ? Math.max(60, (options.widthOf(ticks[i]!.label, false, options.fontSize) + options.widthOf(ticks[i - 1]!.label, false, options.fontSize)) / 2 + 16)
        : options.fontSize * 2.4;
      if (gap < need) {
        fits = false;
        break;
      }
    }
    chosen = { unit: candidate.unit, step: candidate.step, ticks };
    if (fits) break;
  }
  return chosen!;
}

/** Width of `text` in px at `fontSize`, bold or not. The element measures with a canvas; tests use the estimate. */
export type WidthOf = (text: string, bold: boolean, fontSize: number) => number;

/** Shortens `text` with an ellipsis to fit `maxWidth`; keeps at least one character. */
export function truncate(text: string, maxWidth: number, widthOf: (text: string) => number): string {
  if (widthOf(text) <= maxWidth) return text;
  let lo = 1;
  let hi = text.length - 1;
  let best = 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (widthOf(`${text.slice(0, mid).trimEnd()}\u2026`) <= maxWidth) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return `${text.slice(0, best).replace(/[\s,.;:'\u2019-]+$/, '')}\u2026`;
}
