import { css } from 'lit';

/**
 * Forced colours (Windows High Contrast and the like). Browsers force the colours of text and boxes but leave SVG
 * fills and strokes as drawn, so a chart in its own palette could vanish into the reader's chosen background or
 * fall below the contrast they asked for. Under `forced-colors: active` every colour token becomes a system
 * colour: text and axes the text colour, grid lines and borders GrayText, the two series Highlight and LinkText
 * (distinct from each other and from the background in every system theme), areas the background. Placed after a
 * chart's own styles, so it wins over the chart's tokens and a host page's overrides alike.
 */
export const forcedColorStyles = css`
  @media (forced-colors: active) {
    :host {
      --_ink: CanvasText;
      --_muted: CanvasText;
      --_paper: Canvas;
      --_grid: GrayText;
      --_accent: Highlight;
      --_accent-2: LinkText;
      /* the map's areas and lines */
      --_sea: Canvas;
      --_land: Canvas;
      --_ukraine: Canvas;
      --_russia: Canvas;
      --_border: GrayText;
      --_coast: GrayText;
      --_ukraine-line: CanvasText;
      --_halo: Canvas;
      --_sea-ink: CanvasText;
    }
    /* The SVG keeps these system colours as they are, rather than the browser's guess at each shape. */
    svg {
      forced-color-adjust: none;
    }
  }
`;
