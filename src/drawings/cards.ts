/**
 * A share card per step: a 1200x630 picture (the size link previews use) of the step's chart, as the build drew it
 * (draw.ts), under the story's headline and over the chart's source line, rendered to PNG with resvg in the page's
 * own typefaces. resvg reads fonts from TrueType/OpenType files, so the page's faces are unpacked from the font
 * packages' WOFF files (the same glyphs as the WOFF2 the page loads) into the cache first.
 *
 * Cards are cached like drawings, by a hash of what they are made of.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { textWidth, wrapWords } from '../charts/shared/text-width.ts';
import type { Drawing } from './draw.ts';
import { escapeHtml } from '../charts/shared/escape.ts';

export const CARD = { width: 1200, height: 630 } as const;

/** The faces a card is set in: the headline in the text face, the source line in the chart face. */
const FACES = [
  '@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff',
  '@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff',
  '@fontsource/source-sans-3/files/source-sans-3-latin-400-italic.woff',
  '@fontsource/source-sans-3/files/source-sans-3-latin-600-normal.woff',
  '@fontsource/source-sans-3/files/source-sans-3-latin-700-normal.woff',
];

/** A WOFF (1.0) file as the TrueType/OpenType file it packs: the same tables, uncompressed, in an sfnt directory. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF file');
  const flavor = woff.readUInt32BE(4);
  const count = woff.readUInt16BE(12);
  const tables: { tag: string; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compressed = woff.readUInt32BE(at + 8);
    const original = woff.readUInt32BE(at + 12);
    const bytes = woff.subarray(offset, offset + compressed);
    tables.push({ tag: woff.toString('latin1', at, at + 4), checksum: woff.readUInt32BE(at + 16), data: compressed < original ? inflateSync(bytes) : Buffer.from(bytes) });
  }
  const power = 2 ** Math.floor(Math.log2(count));
  const header = Buffer.alloc(12 + 16 * count);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(count * 16 - power * 16, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  tables.forEach((table, i) => {
    const at = 12 + 16 * i;
    header.write(table.tag, at, 'latin1');
    header.writeUInt32BE(table.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(table.data.length, at + 12);
    const padded = Buffer.alloc((table.data.length + 3) & ~3);
    table.data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}

/** The card faces as font files resvg can read, unpacked into the cache once. */
export function cardFontFiles(root: string, cacheDir: string): string[] {
  const require = createRequire(join(root, 'package.json'));
  return FACES.map((face) => {
    const woff = readFileSync(require.resolve(face));
    const file = join(cacheDir, `${createHash('sha256').update(woff).digest('hex').slice(0, 16)}.otf`);
    if (!existsSync(file)) writeFileSync(file, woffToSfnt(woff));
    return file;
  });
}

/** Words in lines no wider than `width` at `size` px (the chart face), at most `max` lines, the last cut with an ellipsis. */
export function wrapText(text: string, size: number, width: number, max: number): string[] {
  const lines = wrapWords(text, size, width);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  let last = `${kept[max - 1]} ${lines[max]}`;
  while (last.length > 1 && textWidth(`${last}\u2026`, size) > width) last = last.slice(0, -1);
  kept[max - 1] = `${last.trimEnd()}\u2026`;
  return kept;
}

export interface CardText {
  readonly kicker: string;
  readonly title: string;
  readonly source: string;
}

const PAPER = '#ffffff';
const INK = '#1b1b1b';
const MUTED = '#595959';
const ACCENT = '#b3261e';

/**
 * The card as SVG: kicker and headline at the top, the step's desktop drawing scaled into the middle, the source
 * line at the foot. The drawing keeps its light colours only (a card has no colour scheme).
 */
export function cardSvg(drawing: Drawing, text: CardText, options: { inset?: boolean } = {}): string {
  const margin = 56;
  const inner = CARD.width - 2 * margin;
  const source = wrapText(text.source, 19, inner, 2);
  const sourceTop = CARD.height - 36 - (source.length - 1) * 25;
  const top = 138;
  const bottom = sourceTop - 34;
  const light = drawing.svg
    .replace(/@media \(prefers-color-scheme: dark\)\{[\s\S]*?(?=<\/style>)/, '')
    // The reader's fallback faces are for browsers; a card has the font itself.
    .replace(/@font-face \{[^}]*\}/g, '')
    // Marks faded out (a map's places outside the view) show nothing, and resvg fails on some of them.
    .replace(/<g[^>]*opacity="0"[^>]*>(?:(?!<g)[\s\S])*?<\/g>/g, '')
    .replace(options.inset === false ? /<svg [^>]*class="inset"[\s\S]*?<\/svg>/ : /(?!)/, '');
  // The drawing at its own aspect ratio, as large as fits, centred, and clipped to its box as the chart clips it:
  // a nested svg clips unless a style says otherwise, and the charts' own (for their shadow root) say otherwise.
  const scale = Math.min(inner / drawing.width, (bottom - top) / drawing.height);
  const box = { width: drawing.width * scale, height: drawing.height * scale };
  const x = margin + (inner - box.width) / 2;
  const y = top + (bottom - top - box.height) / 2;
  const nested = light
    .replace(/overflow: visible;?/g, '')
    .replace(/^<svg[^>]*>/, (open) => open.replace(/ (width|height|xmlns)="[^"]*"/g, ''))
    .replace(/^<svg /, `<svg x="${x}" y="${y}" width="${box.width}" height="${box.height}" `);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}" viewBox="0 0 ${CARD.width} ${CARD.height}">` +
    `<rect width="100%" height="100%" fill="${PAPER}"/>` +
    `<rect x="0" y="0" width="${CARD.width}" height="8" fill="${ACCENT}"/>` +
    `<text x="${margin}" y="62" font-family="Source Sans 3" font-weight="700" font-size="19" letter-spacing="1.2" fill="${ACCENT}">${escapeHtml(text.kicker.toUpperCase())}</text>` +
    `<text x="${margin}" y="112" font-family="Source Serif 4" font-weight="700" font-size="44" fill="${INK}">${escapeHtml(text.title)}</text>` +
    nested +
    source.map((line, i) => `<text x="${margin}" y="${sourceTop + i * 25}" font-family="Source Sans 3" font-size="19" fill="${MUTED}">${escapeHtml(line)}</text>`).join('') +
    `</svg>`
  );
}

const RENDER_SCRIPT = fileURLToPath(new URL('./render-png.mjs', import.meta.url));

/** SVG to PNG in a child process (render-png.mjs); rejects if resvg fails or aborts. */
function renderPng(svg: string, fontFiles: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [RENDER_SCRIPT], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`resvg could not render the card: ${stderr.toString().split('\n').find((line) => line.trim()) ?? error.message}`));
      else resolve(stdout);
    });
    child.stdin!.end(JSON.stringify({ svg, fontFiles }));
  });
}

/**
 * The card as PNG, from the cache when nothing it is made of has changed. `variants` are the card's SVG, best
 * first: resvg cannot draw a few maps with their locator inset, so the next variant leaves the inset out.
 */
export async function cardPng(variants: readonly string[], fontFiles: readonly string[], cacheDir: string): Promise<Buffer> {
  const key = createHash('sha256').update(variants[0]!);
  for (const file of fontFiles) key.update(file);
  const cached = join(cacheDir, `${key.digest('hex')}.png`);
  if (existsSync(cached)) return readFileSync(cached);
  let failure: unknown;
  for (const svg of variants) {
    try {
      const png = await renderPng(svg, fontFiles);
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(cached, png);
      return png;
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}
