/**
 * How a chart in the browser knows its labels' widths: in the chart font, the font's own advance widths, the very
 * widths the build-time drawings were laid out with; in any other face a reader or an embedding page sets, the
 * face's widths as the canvas measures them, so labels laid out for one face are not drawn in another.
 */
import { expect } from 'chai';
import { LitElement } from 'lit';
import { estimateTextWidth, TextWidths } from '../../src/charts/shared/text-width.ts';
import { cleanup, mount } from './helpers.ts';

class WidthsHost extends LitElement {
  readonly widths = new TextWidths(this);
}
customElements.define('fl-test-widths-host', WidthsHost);

const LABELS = ['Crocus City Hall', 'Beslan school siege', 'Kstovo refinery strike', '22 March 2024', 'AVAILABLE'];

/** The canvas's own measure of `text` in `font`. */
function canvasWidth(text: string, font: string): number {
  const context = document.createElement('canvas').getContext('2d')!;
  context.font = font;
  return context.measureText(text).width;
}

describe('TextWidths', () => {
  const style = document.createElement('style');
  before(async () => {
    const faces = [
      ['source-sans-3-story-400-normal', 400, 'normal'],
      ['source-sans-3-story-700-normal', 700, 'normal'],
      ['source-sans-3-story-400-italic', 400, 'italic'],
    ] as const;
    style.textContent = faces
      .map(([file, weight, fontStyle]) => `@font-face { font-family: 'Source Sans 3'; font-weight: ${weight}; font-style: ${fontStyle}; src: url('/assets/fonts/${file}.woff2') format('woff2'); }`)
      .join('\n');
    document.head.append(style);
    await Promise.all(faces.map(([, weight, fontStyle]) => document.fonts.load(`${fontStyle} ${weight} 12px 'Source Sans 3'`)));
  });
  after(() => style.remove());
  afterEach(cleanup);

  const host = (family: string) => {
    const container = mount(`<fl-test-widths-host style="font-family: ${family}"></fl-test-widths-host>`);
    return (container.firstElementChild as WidthsHost).widths;
  };

  it('gives the chart font’s advance widths, at every weight and style the charts use, as the build-time drawings do', () => {
    const widths = host("'Source Sans 3', sans-serif");
    for (const style of [{}, { weight: 700 }, { italic: true }, { letterSpacing: 0.05 }]) {
      for (const text of LABELS) expect(widths.width(text, 12.5, style), `${text} ${JSON.stringify(style)}`).to.equal(estimateTextWidth(text, 12.5, style));
    }
  });

  it('measures a face of the page’s choosing on the canvas, where it differs from the chart font', () => {
    const widths = host("'DejaVu Sans', monospace");
    for (const text of LABELS) {
      const measured = widths.width(text, 12, { weight: 700 });
      expect(measured, text).to.equal(canvasWidth(text, "700 12px 'DejaVu Sans', monospace"));
      expect(Math.abs(measured - estimateTextWidth(text, 12, { weight: 700 })), `${text}: DejaVu is wider than Source Sans`).to.be.greaterThan(1);
    }
  });
});
