/**
 * Renders one SVG to PNG with resvg, in a process of its own: resvg aborts the whole process on a few inputs it
 * cannot lay out (a panic, not an error), and a build must survive that to try again (cards.ts).
 * Reads {"svg": "...", "fontFiles": [...]} on stdin, writes the PNG to stdout.
 */
import { Resvg } from '@resvg/resvg-js';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { svg, fontFiles } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const png = new Resvg(svg, {
  fitTo: { mode: 'original' },
  font: { loadSystemFonts: false, fontFiles, defaultFontFamily: 'Source Sans 3', sansSerifFamily: 'Source Sans 3', serifFamily: 'Source Serif 4' },
})
  .render()
  .asPng();
process.stdout.write(png);
