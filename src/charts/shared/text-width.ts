/**
 * The charts' one text measurer. Without a DOM, widths come from the advance widths of Source Sans 3 (generated
 * from the font files by scripts/font-metrics.ts), so a layout computed in Node (unit tests, drawings made at build
 * time) is the layout the browser draws; kerning is left out, it moves a label by a fraction of a pixel. In the
 * browser, `TextWidths` (a Lit controller) measures with a canvas in the font the chart draws in, and again when
 * fonts finish loading.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ADVANCES, CHARACTERS, UNITS_PER_EM } from './font-metrics.ts';
import type { TextWidth } from './types.ts';
import { loadedFontsReach } from './font-loads.ts';

const INDEX = new Map([...CHARACTERS].map((ch, i) => [ch, i]));
/** A character the font lacks is drawn in a fallback face: count it as wide as a capital. */
const MISSING = 0.65;

function faceOf(weight: number, italic: boolean): keyof typeof ADVANCES {
  if (italic) return '400i';
  // The faces the page loads are 400, 600 and 700; the browser draws other weights in the nearest of them.
  return weight >= 650 ? '700' : weight >= 550 ? '600' : '400';
}

/** Width in px of `text` at `size` px in the chart font, at `weight` (400 to 700), italic or not. */
export function textWidth(text: string, size: number, weight = 400, italic = false): number {
  const advances = ADVANCES[faceOf(weight, italic)];
  let units = 0;
  for (const ch of text) {
    const i = INDEX.get(ch);
    units += i === undefined ? MISSING * UNITS_PER_EM : advances[i]!;
  }
  return (units / UNITS_PER_EM) * size;
}

/**
 * A text's words in lines no wider than `maxWidth` at `size` px, greedily (a word longer than the line keeps a line
 * of its own). `measure` is the chart font's width by default; an element passes its canvas measure.
 */
export function wrapWords(text: string, size: number, maxWidth: number, measure: (text: string, size: number) => number = textWidth): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, size) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Width of a text in px in the chart font, from its advance widths: what Node measures with, having no DOM. */
export const estimateTextWidth: TextWidth = (text, size, style = {}) =>
  textWidth(text, size, style.weight ?? 400, style.italic) + (style.letterSpacing ?? 0) * size * [...text].length;

/**
 * Texts whose widths tell a face apart from others: narrow letters, wide letters, figures and round lowercase. A
 * fallback sized to match the chart font on average (fonts.css's metric-matched faces) misses on some. None has a
 * pair the font kerns, so in the chart font each measures its advance widths' sum exactly.
 */
const CALIBRATION = ['iiiiillll', 'MMMMMWWWW', '0123456789', 'nnnoooeeesss'];
const CALIBRATION_SIZE = 100;
/** How far a calibration text's measure may be from its advance widths' sum (rounding) and still be the chart font. */
const CALIBRATION_TOLERANCE = 0.001;

/**
 * Whether the canvas draws `family` at `weight` (italic or not) in the face the advance widths describe, per face:
 * where it does, widths come from the advance widths, with no canvas measuring at all. Shared by every chart on
 * the page and forgotten when fonts load.
 */
const facesAsMeasured = new Map<string, boolean>();

function drawsAsEstimated(context: CanvasRenderingContext2D, family: string, weight: number, italic: boolean): boolean {
  const face = `${italic ? 'italic ' : ''}${weight} ${family}`;
  let same = facesAsMeasured.get(face);
  if (same === undefined) {
    context.font = `${italic ? 'italic ' : ''}${weight} ${CALIBRATION_SIZE}px ${family}`;
    same = CALIBRATION.every((text) => {
      const estimate = textWidth(text, CALIBRATION_SIZE, weight, italic);
      return Math.abs(context.measureText(text).width - estimate) <= estimate * CALIBRATION_TOLERANCE;
    });
    facesAsMeasured.set(face, same);
  }
  return same;
}

/**
 * Measures label text in the font a chart draws it in, and measures again when fonts arrive. The page's fonts load
 * with `font-display: swap`, so a chart may first draw in a fallback face: when a font finishes loading
 * (`loadingdone`, and `document.fonts.ready` for fonts that were already on their way), the cached widths are
 * dropped, `version` changes and the host updates, so its layout runs again with the real widths.
 *
 * Once a face is shown to draw as the advance widths say (drawsAsEstimated), its texts are not measured on the canvas
 * at all: a canvas's first measure of a text shapes it, which cost a map's layout 30 of its 38 ms on a slowed phone,
 * and the widths are then the very ones the build-time drawings were laid out with.
 */
export class TextWidths implements ReactiveController {
  /** Changes whenever fonts have loaded since the last measurement: part of the host's layout inputs. */
  version = 0;
  private context?: CanvasRenderingContext2D | null;
  private family?: string;
  private font?: string;
  private readonly widths = new Map<string, number>();
  private readonly onLoaded = (event?: Event) => {
    if (event && !loadedFontsReach(event, this.host)) return;
    this.version++;
    this.widths.clear();
    facesAsMeasured.clear();
    // The family list is the same (read again, it made a step change's style recalculation happen in the middle of
    // a layout); the canvas resolves the font anew when it is set again.
    this.font = undefined;
    this.host.requestUpdate();
  };

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    const fonts = document.fonts;
    if (!fonts) return;
    fonts.addEventListener('loadingdone', this.onLoaded);
    // Fonts already loading when the chart connected: `ready` settles once they have, and nothing changes if none were.
    if (fonts.status === 'loading') void fonts.ready.then(() => this.host.isConnected && this.onLoaded());
  }

  hostDisconnected(): void {
    document.fonts?.removeEventListener('loadingdone', this.onLoaded);
  }

  /**
   * Width in px of `text` in the host's font at `size` px and `style`: measured by a canvas, or estimated from the
   * font's advance widths where there is none.
   */
  readonly width: TextWidth = (text, size, style = {}) => {
    if (this.context === undefined) this.context = document.createElement('canvas').getContext('2d');
    if (!this.context) return estimateTextWidth(text, size, style);
    // One style read for the chart's life, not one per label.
    this.family ??= getComputedStyle(this.host).fontFamily || 'sans-serif';
    const weight = style.weight ?? 400;
    const italic = style.italic ?? false;
    if (drawsAsEstimated(this.context, this.family, weight, italic)) {
      // The calibration may have set the canvas's font to another.
      this.font = undefined;
      return estimateTextWidth(text, size, style);
    }
    const font = `${italic ? 'italic ' : ''}${weight} ${size}px ${this.family}`;
    const key = `${font}|${style.letterSpacing ?? 0}|${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      // Setting a canvas font parses it, even when it is the one already set: a map's labels come a few fonts at most.
      if (this.font !== font) this.context.font = this.font = font;
      width = this.context.measureText(text).width + (style.letterSpacing ?? 0) * size * [...text].length;
      this.widths.set(key, width);
    }
    return width;
  };
}
