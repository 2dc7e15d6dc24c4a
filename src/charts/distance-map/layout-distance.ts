/** The measured distance (its great-circle line and label) and the scale bar. */
import { geoInterpolate } from 'd3';
import type { Size, TextWidth } from '../shared/types.ts';
import { distanceKm, formatKm } from './geo.ts';
import { type Measurement } from './measure.ts';
import { BORDER } from './schema.ts';
import { project, projection } from './layout-frame.ts';
import { type Box, type LabelPlacer, boxAt, within } from '../shared/labels.ts';
import { type Anchor, candidates, corner } from './layout-labels.ts';
import { type LabelMark, type MapMarks, type MeasureMark, type View } from './layout-marks.ts';
import type { MapFrame } from './layout.ts';

export function greatCircle(from: readonly [number, number], to: readonly [number, number], samples = 48): [number, number][] {
  const interpolate = geoInterpolate([from[0], from[1]], [to[0], to[1]]);
  return Array.from({ length: samples + 1 }, (_, i) => project(interpolate(i / samples)));
}

/** km per px at the view's centre, along the horizontal. */
function kmPerPx(view: View, size: Size): number | null {
  const centre: [number, number] = [(size.width / 2 - view.x) / view.k, (size.height / 2 - view.y) / view.k];
  const a = projection.invert?.(centre);
  const b = projection.invert?.([centre[0] + 100 / view.k, centre[1]]);
  return a && b ? distanceKm(a, b) / 100 : null;
}

/** How many km the view spans across, at its centre. */
export function viewSpanKm(view: View, size: Size): number | null {
  const perPx = kmPerPx(view, size);
  return perPx === null ? null : perPx * size.width;
}

const SCALE_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

/** A scale bar: the longest round distance that fits in about a quarter of the width, in a free bottom corner. */
export function scaleBar(view: View, size: Size, widthOf: TextWidth, avoid: readonly [number, number][], placer: LabelPlacer): MapMarks['scale'] {
  const perPx = kmPerPx(view, size);
  if (!perPx) return null;
  const maxPx = Math.min(130, size.width * 0.28);
  const km = [...SCALE_STEPS].reverse().find((step) => step / perPx <= maxPx);
  if (!km) return null;
  const px = km / perPx;
  const text = formatKm(km);
  const w = px + 8 + widthOf(text, 11);
  const box = corner(['bottom-left', 'bottom-right'], w, 20, 10, avoid, placer);
  return { x: box.x0, y: box.y0 + 16, px, text };
}

/** The measured distance: its line on the map, and its label placed clear of the dots (the label takes its place). */
export function layoutDistance(measured: Measurement, line: [number, number][], frame: MapFrame): MeasureMark {
  const { size, narrow, toScreen, placer, widthOf } = frame;
  const samples = line.length - 1;
  const article = measured.article ? `(the article: ${measured.article.text}${measured.article.of ? ', for the region' : ''})` : null;
  const lines = [measured.text, ...(article ? [article] : [])];
  const bigSize = narrow ? 14 : 15;
  const smallSize = narrow ? 11.5 : 12.5;
  const w = Math.max(widthOf(lines[0]!, bigSize, { weight: 700 }), lines[1] ? widthOf(lines[1], smallSize) : 0);
  const h = bigSize * 1.1 + (lines[1] ? smallSize * 1.3 : 0);
  const toBorder = measured.to === null;
  const [endX, endY] = toScreen(line[samples]!);
  if (toBorder) placer.block(boxAt(endX - 9, endY - 9, 18, 18));

  // The label sits beside the line, at the middle if there is room there, else further along.
  type Choice = { base: [number, number]; dx: number; dy: number; anchor: Anchor; rect: Box };
  let best: Choice | null = null;
  let fallbackChoice: Choice | null = null;
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78]) {
    const i = Math.round(t * samples);
    const base = line[i]!;
    const [x, y] = toScreen(base);
    const [ax, ay] = toScreen(line[Math.max(0, i - 1)]!);
    const [bx, by] = toScreen(line[Math.min(samples, i + 1)]!);
    let nx = -(by - ay);
    let ny = bx - ax;
    const length = Math.hypot(nx, ny) || 1;
    nx /= length;
    ny /= length;
    for (const side of [1, -1]) {
      const ox = nx * side * 10;
      const oy = ny * side * 10;
      const anchor: Anchor = Math.abs(nx) < 0.45 ? 'middle' : nx * side > 0 ? 'start' : 'end';
      const left = anchor === 'start' ? x + ox : anchor === 'end' ? x + ox - w : x + ox - w / 2;
      const top = anchor === 'middle' ? (oy < 0 ? y + oy - h : y + oy) : y + oy - h / 2;
      const rect = boxAt(left - 3, top - 2, w + 6, h + 4);
      const dx = (anchor === 'start' ? left : anchor === 'end' ? left + w : left + w / 2) - x;
      const dy = top + bigSize * 0.82 - y;
      const choice: Choice = { base, dx, dy, anchor, rect };
      fallbackChoice ??= choice;
      if (placer.fits(rect)) {
        best = choice;
        break;
      }
    }
    if (best) break;
  }
  const chosen = best ?? fallbackChoice!;
  // Keep the label inside the frame even when nothing fits cleanly.
  const { rect } = chosen;
  const shiftX = Math.max(0, 2 - rect.x0) - Math.max(0, rect.x1 - (size.width - 2));
  const shiftY = Math.max(0, 2 - rect.y0) - Math.max(0, rect.y1 - (size.height - 2));
  placer.take(boxAt(rect.x0 + shiftX, rect.y0 + shiftY, rect.x1 - rect.x0, rect.y1 - rect.y0));

  let borderLabel: LabelMark | null = null;
  if (toBorder) {
    // Where the border point lies, when the data say (the Kstovo line ends in occupied Luhansk Oblast).
    const text = measured.fromInsideUkraine ? 'Ukraine\u2019s border' : measured.borderArea ? `Border: ${measured.borderArea}` : 'Nearest point of Ukraine';
    const fontSize = narrow ? 11 : 12;
    const tw = widthOf(text, fontSize, { weight: 500 });
    const options = candidates(7, tw, fontSize);
    const at = (c: (typeof options)[number]) => c.box(endX, endY);
    // Where nothing is free, the first spot inside the frame: the border point is what the state is about.
    const choice = placer.first(options, at) ?? options.find((c) => within(at(c), size, 2));
    if (choice) {
      placer.take(at(choice));
      borderLabel = { text, dx: choice.dx, dy: choice.dy, anchor: choice.anchor, size: fontSize };
    }
  }
  return {
    key: `${measured.from.id} ${measured.to?.id ?? BORDER}`,
    toBorder,
    line,
    from: line[0]!,
    to: line[samples]!,
    labelBase: chosen.base,
    label: {
      lines,
      // The distance large and bold, the article's figure smaller on the line below.
      sizes: lines.map((_, i) => (i === 0 ? bigSize : smallSize)),
      offsets: lines.map((_, i) => (i === 0 ? 0 : narrow ? 15 : 16.5)),
      dx: chosen.dx + shiftX,
      dy: chosen.dy + shiftY,
      anchor: chosen.anchor,
    },
    borderLabel,
  };
}
