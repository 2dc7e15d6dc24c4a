/**
 * The page's fonts, checked from the font files: the generated metrics and @font-face rules match the installed
 * font packages (regenerate with `npx tsx scripts/font-metrics.ts`), the Latin subset covers every character of the
 * story's text, and the Node width estimate is the font's own.
 */
import { suite, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { FACES, fontFile, generated, missingCharacters } from '../../scripts/font-metrics.ts';
import { readFontMetrics } from '../../scripts/fonts/sfnt.ts';
import { textWidth } from '../../src/charts/shared/text-width.ts';

suite('generated font files', () => {
  test('src/charts/shared/font-metrics.ts and src/styles/fonts.css are current', { skip: !existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf') && 'the DejaVu fonts are not installed' }, () => {
    for (const [path, content] of Object.entries(generated())) {
      assert.equal(readFileSync(path, 'utf8'), content, `${path} is out of date: run npx tsx scripts/font-metrics.ts`);
    }
  });

  test('every face is WOFF2, swaps in, and has metric-matched fallbacks', () => {
    const css = readFileSync('src/styles/fonts.css', 'utf8');
    const rules = css.split('@font-face').slice(1);
    for (const face of FACES) {
      const own = rules.find((r) => r.includes(`font-family: '${face.family}';`) && r.includes(`font-style: ${face.style};`) && r.includes(`font-weight: ${face.weight};`));
      assert.ok(own, `no @font-face for ${face.family} ${face.weight} ${face.style}`);
      assert.match(own, /font-display: swap;/);
      assert.match(own, new RegExp(`src: url\\('${fontFile(face, 'woff2').replace(/[.]/g, '\\.')}'\\) format\\('woff2'\\);`));
      const fallbacks = rules.filter((r) => r.includes(`font-family: '${face.family} `) && r.includes(`font-style: ${face.style};`) && r.includes(`font-weight: ${face.weight};`));
      assert.ok(fallbacks.length >= 2, `${face.family} ${face.weight} ${face.style} has ${fallbacks.length} fallback faces`);
      for (const rule of fallbacks) {
        assert.match(rule, /src: local\(/);
        for (const descriptor of ['size-adjust', 'ascent-override', 'descent-override', 'line-gap-override']) assert.match(rule, new RegExp(`${descriptor}: \\d+\\.\\d\\d%;`));
      }
    }
  });
});

suite('the Latin subset', () => {
  for (const face of FACES) {
    test(`${face.family} ${face.weight} ${face.style} has every character of the story and its data`, () => {
      assert.deepEqual(missingCharacters(face), []);
    });
  }
});

suite('textWidth(text, size, weight, italic)', () => {
  const font = (file: string) => readFontMetrics(readFileSync(`node_modules/@fontsource/source-sans-3/files/${file}`));
  test('sums the font file\'s advance widths', () => {
    const regular = font('source-sans-3-latin-400-normal.woff');
    const bold = font('source-sans-3-latin-700-normal.woff');
    const text = 'Crocus City Hall \u2013 \u201c145\u201d killed';
    const sum = (metrics: typeof regular) => [...text].reduce((total, ch) => total + metrics.advances.get(ch.codePointAt(0)!)!, 0) / metrics.unitsPerEm;
    assert.ok(Math.abs(textWidth(text, 20) - sum(regular) * 20) < 1e-9);
    assert.ok(Math.abs(textWidth(text, 20, 700) - sum(bold) * 20) < 1e-9);
    assert.ok(textWidth(text, 20, 700) > textWidth(text, 20));
  });

  test('counts a character the font lacks as a wide one', () => {
    assert.ok(textWidth('\u25cf', 10) >= textWidth('n', 10));
  });
});
