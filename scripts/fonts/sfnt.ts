/**
 * Just enough of the OpenType format to read a font's metrics in Node: the tables of a TrueType/OpenType file or a
 * WOFF (1.0) file, and from them the units per em, the vertical metrics a browser lays lines out with, and each
 * character's advance width. The font packages ship each face as WOFF beside the WOFF2 the page loads; both hold
 * the same glyphs, and WOFF needs only zlib to read.
 */
import { inflateSync } from 'node:zlib';

export interface FontMetrics {
  readonly unitsPerEm: number;
  /** The ascent, descent (positive, below the baseline) and line gap a browser uses, in font units. */
  readonly ascent: number;
  readonly descent: number;
  readonly lineGap: number;
  /** Advance width in font units of every character the font maps. */
  readonly advances: ReadonlyMap<number, number>;
}

function tables(data: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const signature = data.toString('latin1', 0, 4);
  if (signature === 'wOFF') {
    const count = data.readUInt16BE(12);
    for (let i = 0; i < count; i++) {
      const at = 44 + i * 20;
      const tag = data.toString('latin1', at, at + 4);
      const offset = data.readUInt32BE(at + 4);
      const compressed = data.readUInt32BE(at + 8);
      const original = data.readUInt32BE(at + 12);
      const bytes = data.subarray(offset, offset + compressed);
      out.set(tag, compressed < original ? inflateSync(bytes) : bytes);
    }
    return out;
  }
  if (signature === 'wOF2') throw new Error('WOFF2 needs Brotli and glyph transforms: read the .woff beside it');
  const count = data.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    out.set(data.toString('latin1', at, at + 4), data.subarray(data.readUInt32BE(at + 8), data.readUInt32BE(at + 8) + data.readUInt32BE(at + 12)));
  }
  return out;
}

/** Character to glyph, from the Unicode cmap subtable (format 12 if present, else format 4). */
function characterMap(cmap: Buffer): Map<number, number> {
  const count = cmap.readUInt16BE(2);
  let format4: number | undefined;
  let format12: number | undefined;
  for (let i = 0; i < count; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    const offset = cmap.readUInt32BE(8 + i * 8);
    const format = cmap.readUInt16BE(offset);
    if (format === 12 && (platform === 0 || (platform === 3 && encoding === 10))) format12 = offset;
    if (format === 4 && (platform === 0 || (platform === 3 && encoding === 1))) format4 = offset;
  }
  const map = new Map<number, number>();
  if (format12 !== undefined) {
    const groups = cmap.readUInt32BE(format12 + 12);
    for (let g = 0; g < groups; g++) {
      const at = format12 + 16 + g * 12;
      const start = cmap.readUInt32BE(at);
      const end = cmap.readUInt32BE(at + 4);
      const glyph = cmap.readUInt32BE(at + 8);
      for (let c = start; c <= end; c++) map.set(c, glyph + c - start);
    }
    return map;
  }
  if (format4 === undefined) throw new Error('no Unicode cmap');
  const segments = cmap.readUInt16BE(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const ranges = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = cmap.readUInt16BE(ends + s * 2);
    const start = cmap.readUInt16BE(starts + s * 2);
    const delta = cmap.readInt16BE(deltas + s * 2);
    const range = cmap.readUInt16BE(ranges + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (range === 0) glyph = (c + delta) & 0xffff;
      else {
        const at = ranges + s * 2 + range + (c - start) * 2;
        glyph = cmap.readUInt16BE(at);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) map.set(c, glyph);
    }
  }
  return map;
}

export function readFontMetrics(data: Buffer): FontMetrics {
  const t = tables(data);
  const head = t.get('head')!;
  const hhea = t.get('hhea')!;
  const hmtx = t.get('hmtx')!;
  const os2 = t.get('OS/2');
  const unitsPerEm = head.readUInt16BE(18);
  // Browsers take the typographic metrics when the font asks for them (USE_TYPO_METRICS), else hhea's.
  const typo = os2 !== undefined && (os2.readUInt16BE(62) & (1 << 7)) !== 0;
  const ascent = typo ? os2!.readInt16BE(68) : hhea.readInt16BE(4);
  const descent = -(typo ? os2!.readInt16BE(70) : hhea.readInt16BE(6));
  const lineGap = typo ? os2!.readInt16BE(72) : hhea.readInt16BE(8);
  const longMetrics = hhea.readUInt16BE(34);
  const advanceOf = (glyph: number) => hmtx.readUInt16BE(Math.min(glyph, longMetrics - 1) * 4);
  const advances = new Map<number, number>();
  for (const [code, glyph] of characterMap(t.get('cmap')!)) advances.set(code, advanceOf(glyph));
  return { unitsPerEm, ascent, descent, lineGap, advances };
}
