/**
 * Generates what the pages need of their two typefaces, from the font packages themselves:
 *
 * - assets/fonts/*.woff2: each face the pages use, subset to the characters the story sets (see storyCharacters)
 *   and to the layout features a browser applies by default or the pages ask for, from the package's Latin file.
 * - src/styles/fonts.css: the @font-face rule of the text face (the one face the story page preloads), and for
 *   every face, metric-matched fallback faces (size-adjust, ascent-, descent- and line-gap-override) over the fonts
 *   a reader already has, so the text takes the same room before and after the font arrives; and for each of the
 *   other faces a stand-in that names only the font's installed copy, so until the face itself is declared its
 *   text is set in the family's fallbacks, never in a bold or italic the browser would synthesize from the text face.
 * - src/styles/fonts-late.css: the @font-face rules of the other faces, which the story page adds once it has
 *   painted (src/entries/boot.ts; a <noscript> link without JavaScript) and the other pages @import.
 * - src/charts/shared/font-metrics.ts: the chart font's advance widths (Source Sans 3, each face the charts use),
 *   so Node (unit tests, drawings made at build time) measures label text with the font the browser draws it in.
 *
 * `npx tsx scripts/font-metrics.ts` rewrites them; `--check` exits 1 if one is out of date (a unit test runs it).
 * The fallbacks' size-adjust is the ratio of average advance widths of the lower-case alphabet, each letter weighted
 * by its frequency in English text (as the published metrics of Arial and Times New Roman are), so they depend on
 * the fonts alone, not on each edit of the story; the subset files change when the story's characters do.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';
import { readFontMetrics } from './fonts/sfnt.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const METRICS_MODULE = 'src/charts/shared/font-metrics.ts';
const FONTS_CSS = 'src/styles/fonts.css';
const LATE_FONTS_CSS = 'src/styles/fonts-late.css';
const SUBSET_DIR = 'assets/fonts';

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

/** The face the text is set in: the one the story page declares and preloads before its first paint. */
export const isTextFace = (face: Face) => face.family === 'Source Serif 4' && face.weight === 400 && face.style === 'normal';

const packageOf = (face: Face) => (face.family === 'Source Serif 4' ? 'source-serif-4' : 'source-sans-3');
/** The package's file of a face (Latin subset), under node_modules. */
export const fontFile = (face: Face, ext: 'woff' | 'woff2') =>
  `@fontsource/${packageOf(face)}/files/${packageOf(face)}-latin-${face.weight}-${face.style}.${ext}`;
/** The page's file of a face (the story's characters), relative to the project. */
export const subsetFile = (face: Face) => `${SUBSET_DIR}/${packageOf(face)}-story-${face.weight}-${face.style}.woff2`;

const STYLE_NAMES: Record<string, string> = { '400normal': 'Regular', '400italic': 'Italic', '600normal': 'SemiBold', '700normal': 'Bold' };
/** The full and PostScript names of a face as installed on a reader's system ("Source Serif 4 Bold", "SourceSerif4-Bold"). */
const installedNames = (face: Face) => {
  const style = STYLE_NAMES[`${face.weight}${face.style}`]!;
  return [`${face.family} ${style}`, `${face.family.replace(/ /g, '')}-${style}`];
};

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

/** The story's own text: the article, the editors' about text and every data file (each chart's labels, sentences and tables come from them). */
function storyText(): string {
  const data = readdirSync(join(root, 'story/data')).filter((f) => f.endsWith('.csv') || f.endsWith('.md'));
  return [readFileSync(join(root, 'story/article.md'), 'utf8'), readFileSync(join(root, 'story/about.md'), 'utf8'), ...data.map((f) => readFileSync(join(root, 'story/data', f), 'utf8'))].join(' ');
}

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/**
 * The characters the pages' code writes beyond ASCII (the charts' and the interface's words: an ellipsis, a middle
 * dot, arrows, a degree sign, a half, the minus sign): every non-ASCII character and \u escape in the pages' sources
 * (src/, the HTML pages), the generated metrics module (which lists every character the package has) apart.
 */
function codeText(): string {
  const sources = [...filesUnder('src').filter((f) => /\.(ts|css)$/.test(f) && f !== METRICS_MODULE), 'index.html', 'presenter.html', 'embed.html'];
  let text = '';
  for (const file of sources) {
    const source = readFileSync(join(root, file), 'utf8');
    text += [...source].filter((ch) => ch.codePointAt(0)! > 0x7f).join('');
    for (const [, hex] of source.matchAll(/\\u\{?([0-9a-fA-F]{4,5})\}?/g)) text += String.fromCodePoint(parseInt(hex!, 16));
  }
  return text;
}

/**
 * The characters each face is subset to: printable ASCII (any figure, date or word the interface composes), the
 * no-break spaces browsers' own number and time formatting writes, and every character of the story's text and of
 * the pages' code, as far as the font has them. A character the subset lacks is drawn in the next font of the
 * stack (each @font-face rule's unicode-range lists exactly the subset's characters, so no file is fetched for it).
 */
export function storyCharacters(): number[] {
  const wanted = new Set<number>();
  for (let c = 0x20; c < 0x7f; c++) wanted.add(c);
  for (const ch of `\u00a0\u202f${storyText()}${codeText()}`) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xa0 && !(c >= 0xd800 && c < 0xe000)) wanted.add(c);
  }
  return [...wanted].sort((a, b) => a - b);
}

/** The characters of the story's own text (article, about text, data) a page font file lacks; the unit test wants none. */
export function missingCharacters(font: { advances: ReadonlyMap<number, number> }): string[] {
  return [...new Set([...storyText().replace(/\s+/g, ' ')].map((ch) => ch.codePointAt(0)!))].filter((c) => c > 0x20 && !font.advances.has(c)).map((c) => String.fromCodePoint(c));
}

/**
 * The OpenType layout features the subset keeps: those browsers apply to Latin text by default (kerning, standard
 * and contextual ligatures, mark positioning, localized forms) and the tabular figures the charts and the presenter
 * view ask for (font-variant-numeric). The others (small caps, old-style figures, fractions...) no page asks for.
 */
const LAYOUT_FEATURES = ['ccmp', 'locl', 'rvrn', 'rlig', 'liga', 'clig', 'calt', 'kern', 'mark', 'mkmk', 'dist', 'curs', 'abvm', 'blwm', 'rclt', 'tnum'];

/** A face subset to the story's characters, as WOFF2. */
async function subsetFace(face: Face, characters: readonly number[]): Promise<Buffer> {
  const source = readFileSync(join(root, 'node_modules', fontFile(face, 'woff2')));
  return subsetFont(source, String.fromCodePoint(...characters), { targetFormat: 'woff2', keepFeatures: LAYOUT_FEATURES });
}

/** Code points as a CSS unicode-range: "U+20-7E, U+A0, U+2013-2014". */
function unicodeRange(codes: readonly number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < codes.length; ) {
    let j = i;
    while (j + 1 < codes.length && codes[j + 1] === codes[j]! + 1) j++;
    const hex = (c: number) => c.toString(16).toUpperCase();
    ranges.push(j > i ? `U+${hex(codes[i]!)}-${hex(codes[j]!)}` : `U+${hex(codes[i]!)}`);
    i = j + 1;
  }
  return ranges.join(', ');
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

/** The @font-face rule of a face's page file; url() is relative to the style sheets in src/styles/. */
function ownRule(face: Face, characters: readonly number[]): string {
  return `@font-face {
  font-family: '${face.family}';
  font-style: ${face.style};
  font-weight: ${face.weight};
  font-display: swap;
  src: url('${relative('src/styles', subsetFile(face))}') format('woff2');
  unicode-range: ${unicodeRange(characters)};
}`;
}

function fontsCss(characters: (face: Face) => readonly number[]): string {
  const rules: string[] = [];
  for (const face of FACES) {
    const web = readFontMetrics(readFileSync(join(root, 'node_modules', fontFile(face, 'woff'))));
    rules.push(
      isTextFace(face)
        ? ownRule(face, characters(face))
        : `@font-face {
  font-family: '${face.family}';
  font-style: ${face.style};
  font-weight: ${face.weight};
  src: ${installedNames(face).map((n) => `local('${n}')`).join(', ')};
}`,
    );
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
 * Generated by scripts/font-metrics.ts from the font packages: do not edit. The text face (WOFF2, subset to the
 * story's characters), and every face's metric-matched fallbacks, so text set in a fallback takes the room the font
 * will take. The other faces are in fonts-late.css; until it is in, each has a stand-in here that names only the
 * font's installed copy, so its text is set in the fallbacks, never in a bold or italic synthesized from the text face.
 */
${rules.join('\n')}
`;
}

function lateFontsCss(characters: (face: Face) => readonly number[]): string {
  return `/*
 * Generated by scripts/font-metrics.ts from the font packages: do not edit. Every face but the text face (WOFF2,
 * subset to the story's characters). The story page adds this sheet once it has painted (src/entries/boot.ts), so
 * these files never share the network with its first paint; their metric-matched fallbacks (fonts.css) hold the
 * text's room until they swap in. The presenter view and the iframe embed @import it.
 */
${FACES.filter((face) => !isTextFace(face)).map((face) => ownRule(face, characters(face))).join('\n')}
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

/** Every generated file by its path in the project: text, or a font file's bytes. */
export async function generated(): Promise<Record<string, string | Buffer>> {
  const wanted = storyCharacters();
  const files: Record<string, string | Buffer> = {};
  const kept = new Map<Face, number[]>();
  for (const face of FACES) {
    const own = readFontMetrics(readFileSync(join(root, 'node_modules', fontFile(face, 'woff'))));
    kept.set(face, wanted.filter((c) => own.advances.has(c)));
    files[subsetFile(face)] = await subsetFace(face, kept.get(face)!);
  }
  const characters = (face: Face) => kept.get(face)!;
  files[FONTS_CSS] = fontsCss(characters);
  files[LATE_FONTS_CSS] = lateFontsCss(characters);
  files[METRICS_MODULE] = metricsModule();
  return files;
}

const same = (a: string | Buffer, b: Buffer) => (typeof a === 'string' ? a === b.toString('utf8') : a.equals(b));

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  let stale = false;
  for (const [path, content] of Object.entries(await generated())) {
    const file = join(root, path);
    if (existsSync(file) && same(content, readFileSync(file))) continue;
    if (check) {
      console.error(`${path} is out of date: run npx tsx scripts/font-metrics.ts`);
      stale = true;
    } else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
      console.log(`wrote ${path}`);
    }
  }
  if (stale) process.exit(1);
}
