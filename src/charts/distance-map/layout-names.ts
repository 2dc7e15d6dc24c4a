/** Country and sea names: placed last, they give way to everything else on the map. */
import { project } from './layout-frame.ts';
import { SEAS, crossingsAt, insideAt, type BaseGeography } from './layout-geography.ts';
import { boxAt } from '../shared/labels.ts';
import type { TextMark } from './layout-marks.ts';
import type { MapFrame } from './layout.ts';
import type { TextStyle, TextWidth } from '../shared/types.ts';

/** How names are set: a country's a little bold and spaced out, a sea's in italics; smaller in a narrow frame. */
const COUNTRY_STYLE: TextStyle = { weight: 500, letterSpacing: 0.14 };
const SEA_STYLE: TextStyle = { italic: true, letterSpacing: 0.04 };
const countrySizeFor = (narrow: boolean): number => (narrow ? 10 : 11);
const seaSizeFor = (narrow: boolean): number => (narrow ? 10.5 : 11.5);

/**
 * Measures every name the map may write at the size it writes them in a frame this narrow (or not), one name per
 * step: run in slices ahead of the map's first layout, which measured its forty-odd names at once (on a phone, 21 ms
 * of a 52 ms task). The widths stay in the measurer's cache.
 */
export function* measureNames(geo: BaseGeography, widthOf: TextWidth, narrow: boolean): Generator<void, void> {
  for (const label of geo.labels) {
    widthOf(label.text, countrySizeFor(narrow), COUNTRY_STYLE);
    yield;
  }
  for (const sea of SEAS) {
    widthOf(sea.text, seaSizeFor(narrow), SEA_STYLE);
    yield;
  }
}

type NameLabel = BaseGeography['labels'][number];

/** Each country's name at its usual spot, or where there is room inside the part of it in view. */
export function countryNames(geo: BaseGeography, frame: MapFrame): TextMark[] {
  const { narrow, view, toScreen, widthOf, placer, clearOfLine } = frame;
  const texts: TextMark[] = [];
  const countrySize = countrySizeFor(narrow);
  const sorted = [...geo.labels].sort((a, b) => Number(b.emphasis) - Number(a.emphasis) || b.width - a.width);
  for (const label of sorted) {
    const [x, y] = toScreen(label.base);
    const w = widthOf(label.text, countrySize, COUNTRY_STYLE);
    if (label.width * view.k < w * 1.15) continue;
    if (placer.tryPlace(boxAt(x - w / 2 - 3, y - countrySize * 0.8, w + 6, countrySize * 1.3), { clear: clearOfLine })) {
      texts.push({ key: `country-${label.id}`, text: label.text, base: label.base, x, y: y + countrySize * 0.35, dy: countrySize * 0.35, size: countrySize, kind: 'country', emphasis: label.emphasis });
      continue;
    }
    const moved = nameInView(label, w, countrySize, frame);
    if (moved) texts.push(moved);
  }
  return texts;
}

/** A country name's usual spot is out of view or taken: look for room inside the part that is in view. */
function nameInView(label: NameLabel, w: number, countrySize: number, frame: MapFrame): TextMark | null {
  const { size, view, placer, clearOfLine } = frame;
  if (!label.rings) return null;
  const step = 20;
  // One row of the grid at a time: the row's border crossings once, then each point against them (see crossingsAt).
  const rowCrossings = new Map<number, number[]>();
  const inside: [number, number][] = [];
  for (let sy = step / 2; sy < size.height; sy += step) {
    const crossings = crossingsAt((sy - view.y) / view.k, label.rings);
    rowCrossings.set(sy, crossings);
    if (!crossings.length) continue;
    for (let sx = step / 2; sx < size.width; sx += step) {
      if (insideAt((sx - view.x) / view.k, crossings)) inside.push([sx, sy]);
    }
  }
  if (inside.length * step * step < w * countrySize * 12) return null;
  const cx = inside.reduce((sum, p) => sum + p[0], 0) / inside.length;
  const cy = inside.reduce((sum, p) => sum + p[1], 0) / inside.length;
  inside.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy) || a[1] - b[1] || a[0] - b[0]);
  for (const [sx, sy] of inside) {
    const candidate = boxAt(sx - w / 2 - 3, sy - countrySize * 0.8, w + 6, countrySize * 1.3);
    // The name's ends must lie inside the country too, not across a border or out at sea.
    const ends = [candidate.x0, candidate.x1].every((ex) => insideAt((ex - view.x) / view.k, rowCrossings.get(sy)!));
    if (!ends || !placer.tryPlace(candidate, { clear: clearOfLine })) continue;
    const base: [number, number] = [(sx - view.x) / view.k, (sy - view.y) / view.k];
    return { key: `country-${label.id}`, text: label.text, base, x: sx, y: sy + countrySize * 0.35, dy: countrySize * 0.35, size: countrySize, kind: 'country', emphasis: true };
  }
  return null;
}

/** The seas' names, where they are free. */
export function seaNames(frame: MapFrame): TextMark[] {
  const { narrow, toScreen, widthOf, placer, clearOfLine } = frame;
  const texts: TextMark[] = [];
  const seaSize = seaSizeFor(narrow);
  for (const sea of SEAS) {
    const base = project(sea.at);
    const [x, y] = toScreen(base);
    const w = widthOf(sea.text, seaSize, SEA_STYLE);
    if (!placer.tryPlace(boxAt(x - w / 2 - 3, y - seaSize * 0.8, w + 6, seaSize * 1.3), { clear: clearOfLine })) continue;
    texts.push({ key: `sea-${sea.text}`, text: sea.text, base, x, y: y + seaSize * 0.35, dy: seaSize * 0.35, size: seaSize, kind: 'sea', emphasis: false });
  }
  return texts;
}
