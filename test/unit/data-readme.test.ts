import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataReadme } from '../../scripts/data-readme.ts';

it('story/data/README.md describes every column of every dataset, as the schemas declare them', () => {
  const committed = readFileSync(join(import.meta.dirname, '..', '..', 'story', 'data', 'README.md'), 'utf8');
  assert.equal(committed, dataReadme(), 'story/data/README.md is out of date: run npx tsx scripts/data-readme.ts');
});
