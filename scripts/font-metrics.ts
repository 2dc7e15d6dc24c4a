/**
 * Generates what the page needs to know about its two typefaces, from the font packages themselves:
 *
 * - src/charts/shared/font-metrics.ts: the chart font's advance widths (Source Sans 3, each face the charts use),
 *   so Node (unit tests, drawings made at build time) measures label text with the font the browser draws it in.
 * - src/styles/fonts.css: the @font-face rules for the self-hosted faces (WOFF2, Latin subset, font-display: swap)
 *   and, for each, metric-matched fallback faces (size-adjust, ascent-, descent- and line-gap-override) over the
 *   fonts a reader already has, so the text takes the same room before and after the font arrives.
 *
 * `npx tsx scripts/font-metrics.ts` rewrites both; `--check` exits 1 if either is out of date (a unit test runs it).
 * The fallbacks' size-adjust is the ratio of average advance widths of the lower-case alphabet, each letter weighted
 * by its frequency in English text (as the published metrics of Arial and Times New Roman are), so the files depend
 * on the fonts alone, not on each edit of the story.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFontMetrics } from './fonts/sfnt.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const METRICS_MODULE = 'src/charts/shared/font-metrics.ts';
const FONTS_CSS = 'src/styles/fonts.css';

type Style = 'normal' | 'italic';
interface Face {
  readonly family: 'Source Serif 4' | 'Source Sans 3';
  readonly weight: 400 | 600 | 700;
  readonly style: Style;
}

/** Every face the pages use: the serif for the text (body, headline, the presenter's italics), the sans for charts and interface. */
export const FACES: readonly Face[] = [
  { family: 'Source Serif 4', weight: 400, style: 'normal' },
  { family: 'Source Serif 4', weight: 400, style: 'italic' },
  { family: 'Source Serif 4', weight: 700, style: 'normal' },
  { family: 'Source Sans 3', weight: 400, style: 'normal' },
  { family: 'Source Sans 3', weight: 400, style: 'italic' },
  { family: 'Source Sans 3', weight: 600, style: 'normal' },
  { family: 'Source Sans 3', weight: 700, style: 'normal' },
];

const packageOf = (face: Face) => (face.family === 'Source Serif 4' ? 'source-serif-4' : 'source-sans-3');
export const fontFile = (face: Face, ext: 'woff' | 'woff2') =>
  `@fontsource/${packageOf(face)}/files/${packageOf(face)}-latin-${face.weight}-${face.style}.${ext}`;

/**
 * The fonts a reader may already have, in the order the page's font stacks try them. DejaVu is measured from its
 * files (Debian's fonts-dejavu, where Chromium and Firefox render here); Arial and Times New Roman (and the
 * metric-compatible Liberation and Arimo/Tinos) from their published metrics: average width of the lower-case
 * Latin alphabet weighted by English letter frequency, and vertical metrics, in units of a 2048 em.
 */
interface Fallback {
  readonly name: string;
  readonly serif: boolean;
  readonly local: (face: Face) => string[];
  readonly metrics: (face: Face) => { unitsPerEm: number; ascent: number; descent: number; lineGap: number; average?: number; advances?: ReadonlyMap<number, number> } | undefined;
}

const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const dejavuFile = (face: Face) => {
  const base = face.family === 'Source Serif 4' ? 'DejaVuSerif' : 'DejaVuSans';
  const variant = face.weight >= 600 ? (face.style === 'italic' ? '-BoldItalic' : '-Bold') : face.style === 'italic' ? (face.family === 'Source Serif 4' ? '-Italic' : '-Oblique') : '';
  return join(DEJAVU, `${base}${variant}.ttf`);
};

const FALLBACKS: readonly Fallback[] = [
  {
    name: 'DejaVu',
    serif: true,
    local: (face) => {
      const base = face.family === 'Source Serif 4' ? 'DejaVu Serif' : 'DejaVu Sans';
      const bold = face.weight >= 600;
      const slant = face.style === 'italic' ? (face.family === 'Source Serif 4' ? 'Italic' : 'Oblique') : '';
      const suffix = [bold ? 'Bold' : '', slant].filter(Boolean).join(' ');
      return [suffix ? `${base} ${suffix}` : base, suffix ? `${base.replace(' ', '')}-${suffix.replace(' ', '')}` : base.replace(' ', '')];
    },
    metrics: (face) => (existsSync(dejavuFile(face)) ? readFontMetrics(readFileSync(dejavuFile(face))) : undefined),
  },
  {
    name: 'Local',
    serif: true,
    local: (face) => {
      const serif = face.family === 'Source Serif 4';
      const bold = face.weight >= 600;
      const italic = face.style === 'italic';
      const style = [bold ? 'Bold' : '', italic ? 'Italic' : ''].filter(Boolean).join(' ');
      const names = serif ? ['Times New Roman', 'Liberation Serif', 'Tinos'] : ['Arial', 'Liberation Sans', 'Arimo'];
      return names.map((n) => (style ? `${n} ${style}` : n));
    },
    metrics: (face) =>
      face.family === 'Source Serif 4'
        ? { unitsPerEm: 2048, ascent: 1825, descent: 443, lineGap: 87, average: face.weight >= 600 ? 866 : 819 }
        : { unitsPerEm: 2048, ascent: 1854, descent: 434, lineGap: 67, average: face.weight >= 600 ? 983 : 904 },
  },
];

/** Letter frequencies of English text in percent, and the word space (about one character in six): the weights. */
const ENGLISH: Record<string, number> = {
  ' ': 20,
  a: 8.17, b: 1.49, c: 2.78, d: 4.25, e: 12.7, f: 2.23, g: 2.02, h: 6.09, i: 6.97, j: 0.15, k: 0.77, l: 4.03, m: 2.41,
  n: 6.75, o: 7.51, p: 1.93, q: 0.1, r: 5.99, s: 6.33, t: 9.06, u: 2.76, v: 0.98, w: 2.36, x: 0.15, y: 1.97, z: 0.07,
};
const LETTER_WEIGHTS = new Map(Object.entries(ENGLISH).map(([ch, f]) => [ch.codePointAt(0)!, f]));

/** How often each character occurs in the story's text (article and data). */
function storyFrequencies(): Map<number, number> {
  const text = [readFileSync(join(root, 'story/article.md'), 'utf8'), ...readdirSync(join(root, 'story/data')).filter((f) => f.endsWith('.csv')).map((f) => readFileSync(join(root, 'story/data', f), 'utf8'))].join(' ');
  const counts = new Map<number, number>();
  for (const ch of text.replace(/\s+/g, ' ')) counts.set(ch.codePointAt(0)!, (counts.get(ch.codePointAt(0)!) ?? 0) + 1);
  return counts;
}

/** The characters of the story's text (article and data) the font lacks; the unit test wants none. */
export function missingCharacters(face: Face): string[] {
  const font = readFontMetrics(readFileSync(join(root, 'node_modules', fontFile(face, 'woff'))));
  return [...storyFrequencies().keys()].filter((c) => c > 0x20 && !font.advances.has(c)).map((c) => String.fromCodePoint(c));
}

function averageWidth(font: { unitsPerEm: number; advances?: ReadonlyMap<number, number>; average?: number }): number {
  if (font.average !== undefined) return font.average / font.unitsPerEm;
  let sum = 0;
  let total = 0;
  for (const [code, count] of LETTER_WEIGHTS) {
    const advance = font.advances!.get(code);
    if (advance === undefined) continue;
    sum += (advance / font.unitsPerEm) * count;
    total += count;
  }
  return sum / total;
}

const percent = (value: number) => `${(value * 100).toFixed(2)}%`;

function fontsCss(): string {
  const rules: string[] = [];
  for (const face of FACES) {
    const web = readFontMetrics(readFileSync(join(root, 'node_modules', fontFile(face, 'woff'))));
    rules.push(`@font-face {
  font-family: '${face.family}';
  font-style: ${face.style};
  font-weight: ${face.weight};
  font-display: swap;
  src: url('${fontFile(face, 'woff2')}') format('woff2');
  unicode-range: U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD;
}`);
    for (const fallback of FALLBACKS) {
      const metrics = fallback.metrics(face);
      if (!metrics) throw new Error(`no metrics for the ${fallback.name} fallback of ${face.family} ${face.weight} ${face.style}`);
      const sizeAdjust = averageWidth(web) / averageWidth(metrics);
      rules.push(`@font-face {
  font-family: '${face.family} ${fallback.name}';
  font-style: ${face.style};
  font-weight: ${face.weight};
  src: ${fallback.local(face).map((n) => `local('${n}')`).join(', ')};
  size-adjust: ${percent(sizeAdjust)};
  ascent-override: ${percent(web.ascent / web.unitsPerEm / sizeAdjust)};
  descent-override: ${percent(web.descent / web.unitsPerEm / sizeAdjust)};
  line-gap-override: ${percent(web.lineGap / web.unitsPerEm / sizeAdjust)};
}`);
    }
  }
  return `/*
 * Generated by scripts/font-metrics.ts from the font packages: do not edit. The self-hosted faces (WOFF2, Latin),
 * each followed by its metric-matched fallbacks, so text set in a fallback takes the room the font will take.
 */
${rules.join('\n')}
`;
}

function metricsModule(): string {
  const sans = FACES.filter((f) => f.family === 'Source Sans 3');
  const fonts = sans.map((face) => readFontMetrics(readFileSync(join(root, 'node_modules', fontFile(face, 'woff')))));
  // Every character the subset maps, below the specials: the same set for each face.
  const codes = [...fonts[0]!.advances.keys()].filter((c) => c >= 0x20 && c < 0xfe00 && (c < 0x300 || c > 0x36f)).sort((a, b) => a - b);
  const chars = codes.map((c) => String.fromCodePoint(c)).join('');
  const faces = sans.map((face, i) => `  '${face.weight}${face.style === 'italic' ? 'i' : ''}': [${codes.map((c) => fonts[i]!.advances.get(c) ?? 0).join(',')}],`);
  return `/**
 * Generated by scripts/font-metrics.ts from @fontsource/source-sans-3 (Latin subset): do not edit.
 * The chart font's advance widths in thousandths of an em, per face, for the characters in CHARACTERS.
 */
export const CHARACTERS = ${JSON.stringify(chars)};

export const UNITS_PER_EM = ${fonts[0]!.unitsPerEm};

export const ADVANCES: Readonly<Record<'400' | '400i' | '600' | '700', readonly number[]>> = {
${faces.join('\n')}
};
`;
}

export function generated(): Record<string, string> {
  return { [METRICS_MODULE]: metricsModule(), [FONTS_CSS]: fontsCss() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  let stale = false;
  for (const [path, content] of Object.entries(generated())) {
    const file = join(root, path);
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (current === content) continue;
    if (check) {
      console.error(`${path} is out of date: run npx tsx scripts/font-metrics.ts`);
      stale = true;
    } else {
      writeFileSync(file, content);
      console.log(`wrote ${path}`);
    }
  }
  if (stale) process.exit(1);
}
