import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { END, START, updateEmbedDoc } from '../../scripts/embed-docs.ts';
import { STORY_CHARTS } from '../../src/build/charts.ts';

const file = join(import.meta.dirname, '..', '..', 'EMBED.md');

it("EMBED.md's reference is generated from the current schemas and sources", () => {
  const committed = readFileSync(file, 'utf8');
  assert.ok(committed.includes(START) && committed.includes(END), 'EMBED.md has lost its generated block markers');
  assert.equal(committed, updateEmbedDoc(committed), 'EMBED.md is out of date: run npx tsx scripts/embed-docs.ts');
});

it('EMBED.md documents every state attribute of every chart', () => {
  const text = readFileSync(file, 'utf8');
  for (const { schema } of STORY_CHARTS.charts.values()) {
    assert.ok(text.includes(`### \`<${schema.tag}>\``), `a section for <${schema.tag}>`);
    for (const attribute of Object.keys(schema.attributes)) assert.ok(text.includes(`| \`${attribute}\` |`), `${schema.tag} ${attribute}`);
  }
});
