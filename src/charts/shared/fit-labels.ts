/**
 * Labels are laid out for the chart's type at normal spacing. A reader's text-spacing override (WCAG 1.4.12: letter
 * spacing up to 0.12em, word spacing 0.16em) makes them wider than that, and a label near an edge of the plot would
 * then run out of it, past the screen's edge on a phone. Once a draw has settled, each label that would is given
 * back just the room it has: its spacing, never its glyphs, is tightened (`textLength` with
 * `lengthAdjust="spacing"`). Only while such an override is on; otherwise this reads one computed style and stops.
 */
const FITTED = 'data-fl-fitted';

export function fitLabelsToPlot(svg: SVGSVGElement): void {
  for (const text of svg.querySelectorAll(`text[${FITTED}]`)) {
    text.removeAttribute('textLength');
    text.removeAttribute('lengthAdjust');
    text.removeAttribute(FITTED);
  }
  const style = getComputedStyle(svg);
  if (!(parseFloat(style.letterSpacing) > 0 || parseFloat(style.wordSpacing) > 0)) return;
  const plot = svg.getBoundingClientRect();
  for (const text of svg.querySelectorAll<SVGTextElement>('text')) {
    const box = text.getBoundingClientRect();
    if (box.width === 0 || (box.left >= plot.left - 0.5 && box.right <= plot.right + 0.5)) continue;
    const anchor = getComputedStyle(text).textAnchor;
    const room =
      anchor === 'end' ? box.right - plot.left : anchor === 'middle' ? 2 * Math.min((box.left + box.right) / 2 - plot.left, plot.right - (box.left + box.right) / 2) : plot.right - box.left;
    const length = text.getComputedTextLength();
    if (room <= 0 || length <= 0 || room >= box.width) continue;
    // Screen pixels per unit of the label's own coordinates (a map's labels sit in a scaled group).
    const scale = box.width / length;
    text.setAttribute('textLength', String(Math.floor((room - 1) / scale)));
    text.setAttribute('lengthAdjust', 'spacing');
    text.setAttribute(FITTED, '');
  }
}
