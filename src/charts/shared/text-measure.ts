/**
 * The one text measurer of the charts. `estimateTextWidth` works anywhere from the chart font's advance widths
 * (text-width.ts); `TextMeasurer` (a Lit controller) measures with a canvas in the font the chart draws in and
 * measures again when fonts finish loading, so every chart lays out with the real widths once they are known.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { textWidth } from './text-width.ts';
import type { TextMeasure } from './types.ts';

/** Width of a text in px in the chart font, from its advance widths: what Node measures with, having no DOM. */
export const estimateTextWidth: TextMeasure = (text, size, style = {}) =>
  textWidth(text, size, style.weight ?? 400, style.italic) + (style.letterSpacing ?? 0) * size * [...text].length;

/**
 * Measures label text in the font a chart draws it in, and measures again when fonts arrive. The page's fonts load
 * with `font-display: swap`, so a chart may first draw in a fallback face: when a font finishes loading
 * (`loadingdone`, and `document.fonts.ready` for fonts that were already on their way), the cached widths are
 * dropped, `version` changes and the host updates, so its layout runs again with the real widths.
 */
export class TextMeasurer implements ReactiveController {
  /** Changes whenever fonts have loaded since the last measurement: part of the host's layout inputs. */
  version = 0;
  private context?: CanvasRenderingContext2D | null;
  private family?: string;
  private readonly widths = new Map<string, number>();
  private readonly onLoaded = () => {
    this.version++;
    this.widths.clear();
    this.family = undefined;
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
  readonly measure: TextMeasure = (text, size, style = {}) => {
    if (this.context === undefined) this.context = document.createElement('canvas').getContext('2d');
    if (!this.context) return estimateTextWidth(text, size, style);
    // One style read per font change, not per label.
    this.family ??= getComputedStyle(this.host).fontFamily || 'sans-serif';
    const font = `${style.italic ? 'italic ' : ''}${style.weight ?? 400} ${size}px ${this.family}`;
    const key = `${font}|${style.letterSpacing ?? 0}|${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      this.context.font = font;
      width = this.context.measureText(text).width + (style.letterSpacing ?? 0) * size * [...text].length;
      this.widths.set(key, width);
    }
    return width;
  };
}
