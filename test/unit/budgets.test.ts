/**
 * The byte budgets (bench/budgets.json), checked against the build in dist/ (scripts/test.mjs builds first).
 * Timing budgets are the benchmark's (npm run bench -- --check): they depend on the machine, bytes do not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { embedEntryBytes, formatKb, measureBytes, type ByteGroup } from '../../scripts/bench/bytes.ts';

interface ByteBudgets {
  readonly bytes: { readonly initialJsGzip: number; readonly geographyGzip: number; readonly fontsRaw: number; readonly embedChartGzip: Readonly<Record<string, number>> };
}

const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8')) as ByteBudgets;

function report(): ReturnType<typeof measureBytes> {
  assert.ok(existsSync('dist/index.html'), 'dist/index.html is missing: run `npx vite build` before this test');
  return measureBytes('dist');
}

function listing(group: ByteGroup): string {
  return group.files.map((file) => `  ${file.file}: ${formatKb(file.gzip)} gzipped`).join('\n');
}

test('initial JavaScript fits its gzipped budget', () => {
  const { initialJs } = report();
  assert.ok(initialJs.files.length > 0, 'index.html loads no JavaScript: the byte measurement found no entry script');
  assert.ok(
    initialJs.gzip <= budgets.bytes.initialJsGzip,
    `initial JS is ${formatKb(initialJs.gzip)} gzipped, over the ${formatKb(budgets.bytes.initialJsGzip)} budget:\n${listing(initialJs)}`,
  );
});

test('the map geography fits its gzipped budget', () => {
  const { geography } = report();
  assert.ok(geography.files.length > 0, 'no map geography (*.topo*.json or geo/*.json) found in dist/');
  assert.ok(
    geography.gzip <= budgets.bytes.geographyGzip,
    `the map geography is ${formatKb(geography.gzip)} gzipped, over the ${formatKb(budgets.bytes.geographyGzip)} budget:\n${listing(geography)}`,
  );
});

test('the fonts fit their budget, and are WOFF2 only', () => {
  const { fonts } = report();
  assert.ok(fonts.files.length > 0, 'no font files found in dist/: the page should self-host its fonts');
  assert.deepEqual(fonts.files.filter((file) => !file.file.endsWith('.woff2')).map((file) => file.file), [], 'fonts other than WOFF2');
  const listed = fonts.files.map((file) => `  ${file.file}: ${formatKb(file.raw)}`).join('\n');
  assert.ok(fonts.raw <= budgets.bytes.fontsRaw, `the fonts are ${formatKb(fonts.raw)}, over the ${formatKb(budgets.bytes.fontsRaw)} budget:\n${listed}`);
});

test('each chart\'s own embed entry exists and fits its gzipped budget (a page with one chart loads only that)', () => {
  report();
  const entries = Object.entries(budgets.bytes.embedChartGzip);
  assert.equal(entries.length, 3, 'a budget for each of the three charts');
  for (const [file, limit] of entries) {
    const entry = embedEntryBytes('dist', file);
    assert.ok(entry, `dist/embed/${file} is missing: npm run build writes it`);
    assert.ok(entry.gzip <= limit, `dist/embed/${file} is ${formatKb(entry.gzip)} gzipped, over its ${formatKb(limit)} budget:\n${listing(entry)}`);
  }
});
