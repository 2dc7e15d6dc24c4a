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
import { greatCircle, layoutDistance, scaleBar, viewSpanKm } from './layout-distance.ts';
import { BASE_SCALE, type MapRegion, REGION_FRAMES, fitView, isNarrowFrame, project } from './layout-frame.ts';
import { baseGeography, fallback, graticule } from './layout-geography.ts';
import { countryNames, seaNames } from './layout-names.ts';
import { type Box, LabelPlacer, boxAt, within } from '../shared/labels.ts';
import { KIND_RANK, ROLE_RANK, candidates, corner } from './layout-labels.ts';
import { layoutLegend, layoutLegendStrip, rank } from './layout-legend.ts';
import type { InsetMark, LabelMark, MapGeography, MapMarks, MeasureMark, PlaceMark, TextMark, View } from './layout-marks.ts';
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

/** What the map's passes share: the frame and view, the measurer, and the space taken so far. */
export interface MapFrame {
  readonly size: Size;
  readonly narrow: boolean;
  readonly view: View;
  readonly toScreen: (base: readonly [number, number]) => [number, number];
  readonly widthOf: TextWidth;
  /**
   * Its obstacles are what no label may cover (dots, the notice, the inset, the scale bar, the legend); its
   * placed boxes, the labels so far; a label fits 2 px inside the frame.
   */
  readonly placer: LabelPlacer;
  /** Whether a box is clear of the measured line. */
  readonly clearOfLine: (box: Box) => boolean;
}

interface Dot {
  readonly row: PlaceRow;
  readonly role: PlaceMark['role'];
  readonly base: [number, number];
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly shown: boolean;
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
  const narrow = isNarrowFrame(width);
  const stripLegend = strip ? layoutLegendStrip(strip, size, widthOf) : null;
  const placer = new LabelPlacer({ width, height, margin: 2 });
  let notice = failureNotice(geography, size, narrow, widthOf);
  if (notice) placer.block(boxAt(notice.x, notice.y, notice.width, notice.height));
  if (stripLegend && notice) notice = { ...notice, y: notice.y + stripLegend.height + 4 };
  const top = (stripLegend ? stripLegend.height + 4 : 0) + (notice ? notice.height + 8 : 0);
  const view = fitView(rows, state, size, { top });
  const toScreen = ([bx, by]: readonly [number, number]): [number, number] => [bx * view.k + view.x, by * view.k + view.y];
  const geo = geography.status === 'ready' && geography.topology ? baseGeography(geography.topology) : geography.status === 'failed' ? fallback() : null;

  const measured = measurement(rows, state.measure ?? '');
  const dots = placeDots(rows, state, measured, size, toScreen, placer);
  // A narrow frame has no corner to spare for the legend: it goes in a strip across the top of the kinds shown,
  // and the view is fitted again below it. Only the dots are placed twice: labels and the rest are laid out once.
  if (narrow && strip === null) {
    const kinds = kindsOf(dots.filter((dot) => dot.shown).map((dot) => dot.row));
    if (kinds.length) return layoutMapPass(rows, state, size, geography, widthOf, kinds);
  }

  // What the corners must not cover: the dots and the measured line.
  const line = measured ? greatCircle([measured.from.lon, measured.from.lat], measured.toPoint) : null;
  const avoid: [number, number][] = [...dots.filter((d) => d.shown).map((d): [number, number] => [d.x, d.y]), ...(line ?? []).map(toScreen)];
  const frame: MapFrame = { size, narrow, view, toScreen, widthOf, placer, clearOfLine: clearOf(line, toScreen) };

  const inset = geo && geography.status === 'ready' ? locator(frame, avoid) : null;
  // Scale bar, in a free bottom corner.
  const scale = scaleBar(view, size, widthOf, avoid, placer);
  if (scale) placer.block(boxAt(scale.x - 4, scale.y - 16, scale.px + 10 + widthOf(scale.text, 11), 22));
  // The measured line and its label come before place labels: the distance is what the state is about.
  const measure: MeasureMark | null = measured && line ? layoutDistance(measured, line, frame) : null;
  // The key to the kinds of the places shown, in a corner clear of the measure and its labels; place names
  // placed after it keep clear of it.
  const legend = stripLegend ?? layoutLegend(dots.filter((dot) => dot.shown).map((dot) => dot.row), narrow, widthOf, avoid, placer);
  if (legend) placer.block(boxAt(legend.x - 2, legend.y - 2, legend.width + 4, legend.height + 4));

  const labels = placeLabels(dots, frame);
  const places: PlaceMark[] = rows.map((row) => {
    const dot = dots.find((d) => d.row === row)!;
    return { id: row.id, kind: row.kind, role: dot.role, base: dot.base, x: dot.x, y: dot.y, r: dot.r, shown: dot.shown, label: labels.get(row.id) ?? null };
  });
  // Country and sea names last: they give way to everything else.
  const texts: TextMark[] = geo && geo.labels.length ? [...countryNames(geo, frame), ...seaNames(frame)] : [];

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

/** The notice, top centre, only when the shapes could not be loaded; the view keeps clear of it. */
function failureNotice(geography: MapGeography, size: Size, narrow: boolean, widthOf: TextWidth): MapMarks['notice'] {
  if (geography.status !== 'failed') return null;
  const noticeSize = narrow ? 12 : 13;
  const maxWidth = Math.min(size.width - 16, 440);
  const lines = ['The map could not be loaded.', 'The places and distances are listed below.'].flatMap((text) => wrapWords(text, noticeSize, maxWidth - 20, widthOf));
  const boxWidth = Math.min(maxWidth, Math.max(...lines.map((l) => widthOf(l, noticeSize))) + 20);
  const boxHeight = lines.length * noticeSize * 1.3 + 12;
  return { lines, x: (size.width - boxWidth) / 2, y: 8, width: boxWidth, height: boxHeight, size: noticeSize };
}

/** Places: decides which dots show, most important first; the dots shown become obstacles. */
function placeDots(
  rows: readonly PlaceRow[],
  state: ChartState,
  measured: ReturnType<typeof measurement>,
  size: Size,
  toScreen: MapFrame['toScreen'],
  placer: LabelPlacer,
): Dot[] {
  const focusIds = new Set(splitIds(state.focus ?? ''));
  const preferred = new Set([...focusIds].flatMap((id) => REGION_FRAMES[id as MapRegion]?.kinds ?? []));
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
  const dots: Dot[] = [];
  for (const { row, role: placeRole } of ordered) {
    const base = project([row.lon, row.lat]);
    const [x, y] = toScreen(base);
    const r = placeRole === 'context' ? 3.5 : 5;
    const inFrame = x >= r && x <= size.width - r && y >= r && y <= size.height - r;
    // A minor place hidden under a more important one (the Kremlin under Crocus at a wide frame) is left out.
    const crowded = placeRole === 'context' && dots.some((d) => d.shown && Math.hypot(d.x - x, d.y - y) < 10);
    const shown = inFrame && !crowded;
    dots.push({ row, role: placeRole, base, x, y, r, shown });
    if (shown) placer.block(boxAt(x - r - 1, y - r - 1, 2 * r + 2, 2 * r + 2));
  }
  return dots;
}

/** Names read better off the measured line than struck through by it: a test against points along it, every few px. */
function clearOf(line: readonly [number, number][] | null, toScreen: MapFrame['toScreen']): (box: Box) => boolean {
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
  return (box) => !linePoints.some(([x, y]) => x > box.x0 && x < box.x1 && y > box.y0 && y < box.y1);
}

/** A locator for views too close in to recognise, in a free corner. */
function locator(frame: MapFrame, avoid: readonly [number, number][]): InsetMark | null {
  const { size, view, placer } = frame;
  const { width, height } = size;
  const spanKm = viewSpanKm(view, size);
  if (spanKm === null || spanKm >= INSET_MAX_SPAN_KM || width < 280) return null;
  const w = Math.round(Math.min(150, Math.max(96, width * 0.26)));
  const h = Math.round(w * 0.8);
  const box = corner(['top-right', 'top-left', 'bottom-right', 'bottom-left'], w, h, 8, avoid, placer);
  const centre: [number, number] = [(width / 2 - view.x) / view.k, (height / 2 - view.y) / view.k];
  const k = (w / INSET_SPAN_KM) * 6371 / BASE_SCALE;
  const insetView: View = { k, x: w / 2 - centre[0] * k, y: h / 2 - centre[1] * k };
  const fw = Math.max(5, (width / view.k) * k);
  const fh = Math.max(5, (height / view.k) * k);
  placer.block(boxAt(box.x0 - 2, box.y0 - 2, w + 4, h + 4));
  return { x: box.x0, y: box.y0, width: w, height: h, view: insetView, frame: { x: w / 2 - fw / 2, y: h / 2 - fh / 2, width: fw, height: fh } };
}

/** Each shown place's name, beside its dot where it is free (and off the line if it can be). */
function placeLabels(dots: readonly Dot[], frame: MapFrame): Map<string, LabelMark | null> {
  const { narrow, widthOf, placer, clearOfLine, size } = frame;
  const labels = new Map<string, LabelMark | null>();
  for (const dot of dots) {
    if (!dot.shown) continue;
    const fontSize = dot.role === 'context' ? (narrow ? 11 : 12) : narrow ? 12.5 : 13.5;
    const text = labelWithYears(placeLabel(dot.row), dot.row);
    const w = widthOf(text, fontSize, { weight: dot.role === 'context' ? 400 : 600 });
    const options = candidates(dot.r, w, fontSize);
    const at = (c: (typeof options)[number]) => c.box(dot.x, dot.y);
    let choice = placer.first(options, at, { clear: clearOfLine }) ?? placer.first(options, at);
    // The places the state is about keep their label even in a crowd; context places give way.
    if (!choice && dot.role !== 'context') choice = options.find((c) => within(at(c), size, 2));
    if (!choice) {
      labels.set(dot.row.id, null);
      continue;
    }
    placer.take(at(choice));
    labels.set(dot.row.id, { text, dx: choice.dx, dy: choice.dy, anchor: choice.anchor, size: fontSize });
  }
  return labels;
}

/** The legend's box and rows: a swatch and the kind's name per row, sized to the longest name. */
