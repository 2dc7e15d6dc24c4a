import { css } from 'lit';

/**
 * Theme tokens shared by every chart. Colours use light-dark(), so a chart follows the `color-scheme` of the page
 * around it (the story sets `light dark`; an embed follows the host's preference) unless `theme="light|dark"` pins
 * it. Every token is a documented custom property, so a host page can restyle a chart without reaching inside it.
 * Text colours meet WCAG AA (4.5:1) on the paper colour in both schemes; mark colours meet 3:1.
 *
 * @cssproperty --fl-ink - text and axis colour
 * @cssproperty --fl-muted - secondary text, muted marks
 * @cssproperty --fl-paper - background behind the chart
 * @cssproperty --fl-grid - grid lines and tracks
 * @cssproperty --fl-accent - the story's emphasis colour (deaths, highlighted events, measured lines)
 * @cssproperty --fl-accent-2 - the second series (injuries, places)
 * @cssproperty --fl-font - the chart's typeface
 * @cssproperty --fl-aspect - the plot's aspect ratio when the host has no height (default 16 / 10)
 */
export const themeTokens = css`
  :host {
    color-scheme: light dark;
    --_ink: var(--fl-ink, light-dark(#1b1b1b, #ececec));
    --_muted: var(--fl-muted, light-dark(#595959, #a9a9a9));
    --_paper: var(--fl-paper, light-dark(#ffffff, #121212));
    --_grid: var(--fl-grid, light-dark(#d9d9d9, #3a3a3a));
    --_accent: var(--fl-accent, light-dark(#b3261e, #ff8a80));
    --_accent-2: var(--fl-accent-2, light-dark(#1f5f8b, #8cc8f0));
    --_font: var(--fl-font, 'Source Sans 3', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  /* A pinned theme brings its own paper: dark text colours on a light page would otherwise be unreadable. */
  :host([theme]) {
    background: var(--_paper);
  }
`;

/**
 * Layout shared by every chart: the frame that reserves the plot's space, the caption, the table, the message.
 * (Comments about it are here, not in the sheet: a sheet's comments ship in every chart's bundle.) The drawing takes
 * no pointer events: nothing in it answers them, and after each scroll the browser checks what the mouse is over,
 * which on the map meant testing its shapes, up to 8 ms of a frame at 4x. On screen it keeps the size it was drawn
 * for (holdDrawingSize in chart-element.ts); a printed one scales to the page.
 *
 * - `.frame` reserves the plot's box before anything is drawn, so the first draw shifts nothing.
 * - `.state-caption`, a state's caption, shows with the chart's first picture, not before: until then its room is
 *   measured, a task at a time with frames between, and a caption painted at its own height would move up when the
 *   room is set (a layout shift on a page opened at a step).
 * - `.detail` is a cell's second line (a note, coordinates), as the no-JS figures set it.
 * - `.caption-measure` holds every caption the chart will show, laid out hidden at the caption's width to find the
 *   tallest (captionStates).
 */
export const chartStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    min-width: 0;
    color: var(--_ink);
    font-family: var(--_font);
    font-size: 0.875rem;
    line-height: 1.4;
  }
  :host([hidden]) {
    display: none;
  }
  figure {
    margin: 0;
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    min-height: 0;
    gap: 0.4rem;
  }
  .frame {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
    aspect-ratio: var(--fl-aspect, 16 / 10);
    width: 100%;
  }
  :host([height]) .frame {
    aspect-ratio: auto;
  }
  svg {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    overflow: visible;
    font-family: var(--_font);
    pointer-events: none;
  }
  @media screen {
    svg {
      width: var(--_drawn-width, 100%);
      height: var(--_drawn-height, 100%);
    }
  }
  svg text {
    fill: var(--_ink);
  }
  .message {
    position: absolute;
    inset: 0;
    margin: 0;
    display: flex;
    align-items: center;
    justify-content: center;
    text-align: center;
    padding: 1rem;
    border: 1px dashed var(--_muted);
    border-radius: 4px;
    color: var(--_ink);
    overflow: auto;
  }
  figcaption {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
  }
  :host(:not([data-drawn])) .state-caption {
    visibility: hidden;
  }
  .description {
    margin: 0;
    font-weight: 600;
  }
  .source {
    margin: 0;
    color: var(--_muted);
    font-size: 0.75rem;
  }
  details {
    font-size: 0.8125rem;
  }
  summary {
    cursor: pointer;
    color: var(--_muted);
    width: max-content;
  }
  summary:focus-visible,
  a:focus-visible,
  button:focus-visible {
    outline: 3px solid var(--_accent-2);
    outline-offset: 2px;
    border-radius: 2px;
  }
  table {
    border-collapse: collapse;
    margin-top: 0.4rem;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: left;
    font-weight: 600;
    padding-bottom: 0.25rem;
  }
  th,
  td {
    text-align: left;
    padding: 0.2rem 0.5rem 0.2rem 0;
    border-bottom: 1px solid var(--_grid);
    vertical-align: top;
  }
  td.number,
  th.number {
    text-align: right;
  }
  .detail {
    display: block;
    color: var(--_muted);
    font-size: 0.75rem;
    font-weight: 400;
  }
  .caption-measure {
    position: absolute;
    top: 0;
    left: 0;
    height: 0;
    overflow: hidden;
    visibility: hidden;
    pointer-events: none;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
