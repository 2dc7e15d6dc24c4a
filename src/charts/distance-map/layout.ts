/**
 * The distance map's layout: from places, state, size and geography to marks, with no DOM.
 *
 * Geometry is projected once into "base" coordinates (a conic equal-area projection at a fixed scale), and each
 * state is a view onto them: screen = base * k + [x, y]. Borders are drawn in base coordinates under one SVG
 * transform, so a change of focus pans and zooms by animating that transform (and the marks that ride on it),
 * without re-projecting any shape. Place dots, labels and the measured line are placed in screen pixels, so
 * their size does not change with the zoom.
 */
import { splitIds, type ChartState } from '../shared/schema.ts';
import type { LayoutInput, Size, TextWidth } from '../shared/types.ts';
import { estimateTextWidth } from '../shared/text-width.ts';
import { wrapWords } from '../shared/text-width.ts';
import { measurement, placeLabel } from './measure.ts';
import { type PlaceKind, type PlaceRow } from './schema.ts';
import { kindsOf, labelWithYears } from './kinds.ts';
import { greatCircle, layoutMeasure, scaleBar, viewSpanKm } from './layout-distance.ts';
import { BASE_SCALE, type MapRegion, REGION_FRAMES, fitView, project } from './layout-frame.ts';
import { SEAS, baseGeography, fallback, graticule, insideRings } from './layout-geography.ts';
import { KIND_RANK, ROLE_RANK, type Rect, candidates, corner, overlaps, within } from './layout-labels.ts';
import { layoutLegend, layoutLegendStrip, rank } from './layout-legend.ts';
import { type InsetMark, type LabelMark, type MapGeography, type MapMarks, type MeasureMark, type PlaceMark, type TextMark, type View } from './layout-marks.ts';
export * from './layout-frame.ts';
export * from './layout-marks.ts';
export * from './layout-distance.ts';

/** Views wider than this need no locator. */
export const INSET_MAX_SPAN_KM = 700;
/** How much the locator shows, across. */
const INSET_SPAN_KM = 2600;

/** What the map's layout takes: every chart's input, and the geography (which arrives after the rows). */
export interface MapLayoutInput extends LayoutInput<PlaceRow> {
  readonly geography: MapGeography;
}

/** The whole map for one state at one size. */
export function layout({ rows, state, size, geography, textWidth = estimateTextWidth }: MapLayoutInput): MapMarks {
  return layoutMapPass(rows, state, size, geography, textWidth, null);
}

function layoutMapPass(
  rows: readonly PlaceRow[],
  state: ChartState,
  size: Size,
  geography: MapGeography,
  widthOf: TextWidth,
  strip: readonly PlaceKind[] | null,
): MapMarks {
  const { width, height } = size;
  const narrow = width < 520;
  const stripLegend = strip ? layoutLegendStrip(strip, size, widthOf) : null;
  const obstacles: Rect[] = [];
  const placed: Rect[] = [];
  const free = (rect: Rect, ignore?: Rect) =>
    within(rect, size) && !obstacles.some((o) => o !== ignore && overlaps(o, rect)) && !placed.some((o) => overlaps(o, rect));

  // Notice, top centre, only when the shapes could not be loaded; the view keeps clear of it.
  let notice: MapMarks['notice'] = null;
  if (geography.status === 'failed') {
    const noticeSize = narrow ? 12 : 13;
    const maxWidth = Math.min(width - 16, 440);
    const lines = ['The map could not be loaded.', 'The places and distances are listed below.'].flatMap((text) => wrapWords(text, noticeSize, maxWidth - 20, widthOf));
    const boxWidth = Math.min(maxWidth, Math.max(...lines.map((l) => widthOf(l, noticeSize))) + 20);
    const boxHeight = lines.length * noticeSize * 1.3 + 12;
    notice = { lines, x: (width - boxWidth) / 2, y: 8, width: boxWidth, height: boxHeight, size: noticeSize };
    obstacles.push({ x: notice.x, y: notice.y, w: boxWidth, h: boxHeight });
  }
  if (stripLegend && notice) notice = { ...notice, y: notice.y + stripLegend.height + 4 };
  const top = (stripLegend ? stripLegend.height + 4 : 0) + (notice ? notice.height + 8 : 0);
  const view = fitView(rows, state, size, { top });
  const toScreen = ([bx, by]: readonly [number, number]): [number, number] => [bx * view.k + view.x, by * view.k + view.y];
  const geo = geography.status === 'ready' && geography.topology ? baseGeography(geography.topology) : geography.status === 'failed' ? fallback() : null;

  // Places: decide which dots show, most important first.
  const focusIds = new Set(splitIds(state.focus ?? ''));
  const preferred = new Set([...focusIds].flatMap((id) => REGION_FRAMES[id as MapRegion]?.kinds ?? []));
  const measured = measurement(rows, state.measure ?? '');
  const measureIds = new Set(measured ? [measured.from.id, ...(measured.to ? [measured.to.id] : [])] : []);
  const ordered = rows
    .map((row, index) => ({
      row,
      index,
      role: (measureIds.has(row.id) ? 'measure' : focusIds.has(row.id) ? 'focus' : 'context') as PlaceMark['role'],
    }))
    .sort(
      (a, b) =>
        ROLE_RANK[a.role] - ROLE_RANK[b.role] ||
        Number(preferred.has(b.row.kind)) - Number(preferred.has(a.row.kind)) ||
        rank(KIND_RANK, a.row.kind) - rank(KIND_RANK, b.row.kind) ||
        a.index - b.index,
    );
  const dots: { row: PlaceRow; role: PlaceMark['role']; base: [number, number]; x: number; y: number; r: number; shown: boolean }[] = [];
  for (const { row, role: placeRole } of ordered) {
    const base = project([row.lon, row.lat]);
    const [x, y] = toScreen(base);
    const r = placeRole === 'context' ? 3.5 : 5;
    const inFrame = x >= r && x <= width - r && y >= r && y <= height - r;
    // A minor place hidden under a more important one (the Kremlin under Crocus at a wide frame) is left out.
    const crowded = placeRole === 'context' && dots.some((d) => d.shown && Math.hypot(d.x - x, d.y - y) < 10);
    const shown = inFrame && !crowded;
    dots.push({ row, role: placeRole, base, x, y, r, shown });
    if (shown) obstacles.push({ x: x - r - 1, y: y - r - 1, w: 2 * r + 2, h: 2 * r + 2 });
  }

  // A narrow frame has no corner to spare for the legend: it goes in a strip across the top of the kinds shown,
  // and the view is fitted again below it. Only the dots are placed twice: labels and the rest are laid out once.
  if (narrow && strip === null) {
    const kinds = kindsOf(dots.filter((dot) => dot.shown).map((dot) => dot.row));
    if (kinds.length) return layoutMapPass(rows, state, size, geography, widthOf, kinds);
  }

  // What the corners must not cover: the dots and the measured line.
  const line = measured ? greatCircle([measured.from.lon, measured.from.lat], measured.toPoint) : null;
  const avoid: [number, number][] = [...dots.filter((d) => d.shown).map((d): [number, number] => [d.x, d.y]), ...(line ?? []).map(toScreen)];

  // A locator for views too close in to recognise.
  let inset: InsetMark | null = null;
  const spanKm = viewSpanKm(view, size);
  if (geo && geography.status === 'ready' && spanKm !== null && spanKm < INSET_MAX_SPAN_KM && width >= 280) {
    const w = Math.round(Math.min(150, Math.max(96, width * 0.26)));
    const h = Math.round(w * 0.8);
    const box = corner(['top-right', 'top-left', 'bottom-right', 'bottom-left'], w, h, size, 8, avoid, obstacles);
    const centre: [number, number] = [(width / 2 - view.x) / view.k, (height / 2 - view.y) / view.k];
    const k = (w / INSET_SPAN_KM) * 6371 / BASE_SCALE;
    const insetView: View = { k, x: w / 2 - centre[0] * k, y: h / 2 - centre[1] * k };
    const fw = Math.max(5, (width / view.k) * k);
    const fh = Math.max(5, (height / view.k) * k);
    inset = { x: box.x, y: box.y, width: w, height: h, view: insetView, frame: { x: w / 2 - fw / 2, y: h / 2 - fh / 2, width: fw, height: fh } };
    obstacles.push({ x: box.x - 2, y: box.y - 2, w: w + 4, h: h + 4 });
  }

  // Scale bar, in a free bottom corner.
  const scale = scaleBar(view, size, widthOf, avoid, obstacles);
  if (scale) obstacles.push({ x: scale.x - 4, y: scale.y - 16, w: scale.px + 10 + widthOf(scale.text, 11), h: 22 });

  // The measured line and its label come before place labels: the distance is what the state is about.
  let measure: MeasureMark | null = null;
  if (measured && line) measure = layoutMeasure(measured, line, size, narrow, toScreen, free, placed, obstacles, widthOf);
  // The key to the kinds of the places shown, in a corner clear of the measure and its labels; place names
  // placed after it keep clear of it.
  const legend = stripLegend ?? layoutLegend(dots.filter((dot) => dot.shown).map((dot) => dot.row), size, narrow, widthOf, avoid, [...obstacles, ...placed]);
  if (legend) obstacles.push({ x: legend.x - 2, y: legend.y - 2, w: legend.width + 4, h: legend.height + 4 });

  // Names read better off the line than struck through by it: points along it, every few px.
  const linePoints: [number, number][] = [];
  if (line) {
    const screen = line.map(toScreen);
    screen.forEach((p, i) => {
      const next = screen[i + 1];
      if (!next) return linePoints.push(p);
      const steps = Math.max(1, Math.ceil(Math.hypot(next[0] - p[0], next[1] - p[1]) / 3));
      for (let j = 0; j < steps; j++) linePoints.push([p[0] + ((next[0] - p[0]) * j) / steps, p[1] + ((next[1] - p[1]) * j) / steps]);
    });
  }
  const clearOfLine = (rect: Rect) => !linePoints.some(([x, y]) => x > rect.x && x < rect.x + rect.w && y > rect.y && y < rect.y + rect.h);

  const labels = new Map<string, LabelMark | null>();
  for (const dot of dots) {
    if (!dot.shown) continue;
    const fontSize = dot.role === 'context' ? (narrow ? 11 : 12) : narrow ? 12.5 : 13.5;
    const text = labelWithYears(placeLabel(dot.row), dot.row);
    const w = widthOf(text, fontSize, { weight: dot.role === 'context' ? 400 : 600 });
    const own: Rect = { x: dot.x - dot.r - 1, y: dot.y - dot.r - 1, w: 2 * dot.r + 2, h: 2 * dot.r + 2 };
    const options = candidates(dot.r, w, fontSize);
    let choice =
      options.find((c) => free(c.rect(dot.x, dot.y), own) && clearOfLine(c.rect(dot.x, dot.y))) ??
      options.find((c) => free(c.rect(dot.x, dot.y), own));
    // The places the state is about keep their label even in a crowd; context places give way.
    if (!choice && dot.role !== 'context') choice = options.find((c) => within(c.rect(dot.x, dot.y), size));
    if (!choice) {
      labels.set(dot.row.id, null);
      continue;
    }
    placed.push(choice.rect(dot.x, dot.y));
    labels.set(dot.row.id, { text, dx: choice.dx, dy: choice.dy, anchor: choice.anchor, size: fontSize });
  }
  const places: PlaceMark[] = rows.map((row) => {
    const dot = dots.find((d) => d.row === row)!;
    return { id: row.id, kind: row.kind, role: dot.role, base: dot.base, x: dot.x, y: dot.y, r: dot.r, shown: dot.shown, label: labels.get(row.id) ?? null };
  });

  // Country and sea names last: they give way to everything else.
  const texts: TextMark[] = [];
  if (geo && geo.labels.length) {
    const countrySize = narrow ? 10 : 11;
    const sorted = [...geo.labels].sort((a, b) => Number(b.emphasis) - Number(a.emphasis) || b.width - a.width);
    for (const label of sorted) {
      const [x, y] = toScreen(label.base);
      const w = widthOf(label.text, countrySize, { weight: 500, letterSpacing: 0.14 });
      if (label.width * view.k < w * 1.15) continue;
      const rect: Rect = { x: x - w / 2 - 3, y: y - countrySize * 0.8, w: w + 6, h: countrySize * 1.3 };
      if (free(rect) && clearOfLine(rect)) {
        placed.push(rect);
        texts.push({ key: `country-${label.id}`, text: label.text, base: label.base, x, y: y + countrySize * 0.35, dy: countrySize * 0.35, size: countrySize, kind: 'country', emphasis: label.emphasis });
        continue;
      }
      if (!label.rings) continue;
      // Its usual spot is out of view or taken: look for room inside the part that is in view.
      const step = 20;
      const inside: [number, number][] = [];
      for (let sy = step / 2; sy < height; sy += step) {
        for (let sx = step / 2; sx < width; sx += step) {
          if (insideRings([(sx - view.x) / view.k, (sy - view.y) / view.k], label.rings)) inside.push([sx, sy]);
        }
      }
      if (inside.length * step * step < w * countrySize * 12) continue;
      const cx = inside.reduce((sum, p) => sum + p[0], 0) / inside.length;
      const cy = inside.reduce((sum, p) => sum + p[1], 0) / inside.length;
      inside.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy) || a[1] - b[1] || a[0] - b[0]);
      for (const [sx, sy] of inside) {
        const candidate: Rect = { x: sx - w / 2 - 3, y: sy - countrySize * 0.8, w: w + 6, h: countrySize * 1.3 };
        // The name's ends must lie inside the country too, not across a border or out at sea.
        const ends = [[candidate.x, sy], [candidate.x + candidate.w, sy]].every(([ex, ey]) => insideRings([(ex! - view.x) / view.k, (ey! - view.y) / view.k], label.rings!));
        if (!ends || !free(candidate) || !clearOfLine(candidate)) continue;
        placed.push(candidate);
        const base: [number, number] = [(sx - view.x) / view.k, (sy - view.y) / view.k];
        texts.push({ key: `country-${label.id}`, text: label.text, base, x: sx, y: sy + countrySize * 0.35, dy: countrySize * 0.35, size: countrySize, kind: 'country', emphasis: true });
        break;
      }
    }
    const seaSize = narrow ? 10.5 : 11.5;
    for (const sea of SEAS) {
      const base = project(sea.at);
      const [x, y] = toScreen(base);
      const w = widthOf(sea.text, seaSize, { italic: true, letterSpacing: 0.04 });
      const rect: Rect = { x: x - w / 2 - 3, y: y - seaSize * 0.8, w: w + 6, h: seaSize * 1.3 };
      if (!free(rect) || !clearOfLine(rect)) continue;
      placed.push(rect);
      texts.push({ key: `sea-${sea.text}`, text: sea.text, base, x, y: y + seaSize * 0.35, dy: seaSize * 0.35, size: seaSize, kind: 'sea', emphasis: false });
    }
  }

  return {
    width,
    height,
    view,
    geographyStatus: geography.status,
    geographyKey: geo?.key ?? 'none',
    countries: geo?.countries ?? [],
    borders: geo?.borders ?? '',
    coast: geo?.coast ?? '',
    russiaBorder: geo?.russiaBorder ?? '',
    ukraineOutline: geo?.ukraineOutline ?? '',
    graticule: geography.status === 'ready' ? '' : graticule(),
    places,
    measure,
    texts,
    scale,
    notice,
    inset,
    legend,
  };
}

/** The legend's box and rows: a swatch and the kind's name per row, sized to the longest name. */
