/**
 * Text width in the chart font without a DOM: the advance widths of Source Sans 3 (generated from the font files by
 * scripts/font-metrics.ts), so a layout computed in Node (unit tests, drawings made at build time) is the layout
 * the browser draws. Kerning is left out: it moves a label by a fraction of a pixel.
 */
import { ADVANCES, CHARACTERS, UNITS_PER_EM } from './font-metrics.ts';

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
