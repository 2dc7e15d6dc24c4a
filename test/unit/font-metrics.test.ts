/**
 * The page's fonts, checked from the font files: the generated subset files, metrics and @font-face rules match the
 * installed font packages and the story (regenerate with `npx tsx scripts/font-metrics.ts`), each page file has
 * every character of the story's text and the package's metrics, and the Node width estimate is the font's own.
 */
import { suite, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import fontverter from 'fontverter';
import { FACES, fontFile, generated, isTextFace, missingCharacters, subsetFile } from '../../scripts/font-metrics.ts';
import { readFontMetrics } from '../../scripts/fonts/sfnt.ts';
import { textWidth } from '../../src/charts/shared/text-width.ts';

const pageFont = async (face: (typeof FACES)[number]) => readFontMetrics(await fontverter.convert(readFileSync(subsetFile(face)), 'sfnt'));
const packageFont = (face: (typeof FACES)[number]) => readFontMetrics(readFileSync(`node_modules/${fontFile(face, 'woff')}`));

suite('generated font files', () => {
  test('the subset fonts, src/charts/shared/font-metrics.ts, fonts.css and fonts-late.css are current', { skip: !existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf') && 'the DejaVu fonts are not installed' }, async () => {
    for (const [path, content] of Object.entries(await generated())) {
      const current = readFileSync(path);
      assert.ok(typeof content === 'string' ? current.toString('utf8') === content : current.equals(content), `${path} is out of date: run npx tsx scripts/font-metrics.ts`);
    }
  });

  test('the text face is declared up front and the others late; every face is WOFF2, swaps in, and has metric-matched fallbacks', () => {
    const early = readFileSync('src/styles/fonts.css', 'utf8').split('@font-face').slice(1);
    const late = readFileSync('src/styles/fonts-late.css', 'utf8').split('@font-face').slice(1);
    const ownRules = (rules: string[], face: (typeof FACES)[number]) =>
      rules.filter((r) => r.includes(`font-family: '${face.family}';`) && r.includes(`font-style: ${face.style};`) && r.includes(`font-weight: ${face.weight};`));
    for (const face of FACES) {
      const [own, ...more] = ownRules(isTextFace(face) ? early : late, face);
      assert.ok(own, `no @font-face for ${face.family} ${face.weight} ${face.style}`);
      assert.deepEqual(more, []);
      assert.match(own, /font-display: swap;/);
      assert.match(own, new RegExp(`src: url\\('\\.\\./\\.\\./${subsetFile(face).replace(/[.]/g, '\\.')}'\\) format\\('woff2'\\);`));
      assert.match(own, /unicode-range: U\+20-7E, /);
      if (!isTextFace(face)) {
        // Until the late sheet is in, a stand-in that loads no file keeps the browser from synthesizing this face
        // from the text face: its text is set in the fallbacks.
        const [standIn, ...others] = ownRules(early, face);
        assert.ok(standIn, `no stand-in for ${face.family} ${face.weight} ${face.style}`);
        assert.deepEqual(others, []);
        assert.match(standIn, /src: local\('[^']+'\), local\('[^']+'\);\s*}/);
        assert.doesNotMatch(standIn, /url\(/);
      }
      const fallbacks = early.filter((r) => r.includes(`font-family: '${face.family} `) && r.includes(`font-style: ${face.style};`) && r.includes(`font-weight: ${face.weight};`));
      assert.ok(fallbacks.length >= 2, `${face.family} ${face.weight} ${face.style} has ${fallbacks.length} fallback faces`);
      for (const rule of fallbacks) {
        assert.match(rule, /src: local\(/);
        for (const descriptor of ['size-adjust', 'ascent-override', 'descent-override', 'line-gap-override']) assert.match(rule, new RegExp(`${descriptor}: \\d+\\.\\d\\d%;`));
      }
    }
  });
});

suite('the subset fonts', () => {
  for (const face of FACES) {
    test(`${face.family} ${face.weight} ${face.style} has every character of the story and its data, and the package font's metrics`, async () => {
      const page = await pageFont(face);
      const full = packageFont(face);
      assert.deepEqual(missingCharacters(page), []);
      // The fallbacks' overrides and the charts' widths come from the package file: the page file must agree.
      assert.deepEqual([page.unitsPerEm, page.ascent, page.descent, page.lineGap], [full.unitsPerEm, full.ascent, full.descent, full.lineGap]);
      for (const [code, advance] of page.advances) assert.equal(advance, full.advances.get(code), `the advance of U+${code.toString(16)}`);
      // Smaller than the package's Latin file: the point of the subset.
      assert.ok(readFileSync(subsetFile(face)).length < readFileSync(`node_modules/${fontFile(face, 'woff2')}`).length * 0.8);
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
