/** The key to the places' kinds: a box in a corner, or a strip along the bottom on a narrow map. */
import type { Size, TextWidth } from '../shared/types.ts';
import { type PlaceKind, type PlaceRow } from './schema.ts';
import { KIND_LEGEND, kindsOf } from './kinds.ts';
import { type LabelPlacer } from '../shared/labels.ts';
import { corner } from './layout-labels.ts';
import { type LegendMark } from './layout-marks.ts';

export function layoutLegend(
  shown: readonly PlaceRow[],
  narrow: boolean,
  widthOf: TextWidth,
  avoid: readonly [number, number][],
  placer: LabelPlacer,
): LegendMark | null {
  const kinds = kindsOf(shown);
  if (!kinds.length) return null;
  const fontSize = narrow ? 10.5 : 11.5;
  const row = fontSize * 1.45;
  const pad = 6;
  const swatch = 14;
  const width = Math.ceil(pad * 2 + swatch + Math.max(...kinds.map((kind) => widthOf(KIND_LEGEND[kind], fontSize))));
  const height = Math.ceil(pad * 2 + row * kinds.length);
  const box = corner(['bottom-right', 'top-left', 'top-right', 'bottom-left'], width, height, 8, avoid, placer);
  return {
    x: box.x0,
    y: box.y0,
    width,
    height,
    size: fontSize,
    items: kinds.map((kind, i) => ({ kind, text: KIND_LEGEND[kind], x: pad + 5, y: pad + row * i + row / 2 })),
  };
}

/** The legend as a strip across the top of a narrow frame: entries flow left to right and wrap. */
export function layoutLegendStrip(kinds: readonly PlaceKind[], size: Size, widthOf: TextWidth): LegendMark {
  const fontSize = 10.5;
  const row = fontSize * 1.5;
  const pad = 5;
  const gap = 12;
  const items: { kind: PlaceKind; text: string; x: number; y: number }[] = [];
  let x = pad;
  let line = 0;
  for (const kind of kinds) {
    const w = 14 + widthOf(KIND_LEGEND[kind], fontSize);
    if (x > pad && x + w > size.width - 8 - pad) {
      x = pad;
      line++;
    }
    items.push({ kind, text: KIND_LEGEND[kind], x: x + 5, y: pad + row * line + row / 2 });
    x += w + gap;
  }
  return { x: 4, y: 4, width: size.width - 8, height: Math.ceil(pad * 2 + row * (line + 1)), size: fontSize, items };
}

export function rank(order: readonly string[], value: string): number {
  const i = order.indexOf(value);
  return i < 0 ? order.length : i;
}

/** The great circle between two points, sampled, in base coordinates. */
