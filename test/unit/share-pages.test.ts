/**
 * The share pages the build writes (dist/s/<step>/, src/drawings/share-page.ts): one per step, each with the tags a
 * link preview reads, its card a 1200x630 PNG, and a way on to the step in the story. Reads dist/ (build first).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildStory } from '../../src/build/build.ts';
import { chartSentence } from '../../src/build/fallback.ts';

const built = buildStory({ root: process.cwd() });
const sentence = chartSentence(built.datasets);

/** A tag's content attribute, by name or property. */
function meta(html: string, key: string): string | undefined {
  const tag = new RegExp(`<meta (?:name|property)="${key.replace(/[:.]/g, '\\$&')}" content="([^"]*)"`).exec(html);
  return tag?.[1];
}

const unescape = (text: string) => text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

/** Width and height from a PNG's header (the IHDR chunk, right after the signature). */
function pngSize(file: string): { width: number; height: number; png: boolean } {
  const data = readFileSync(file);
  return { png: data.subarray(1, 4).toString('latin1') === 'PNG' && data.toString('latin1', 12, 16) === 'IHDR', width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

test('every step has a share page with its title, sentence, card, canonical link and a way on to the step', () => {
  assert.ok(existsSync('dist/index.html'), 'dist/ is missing: run `npm run build` before this test');
  assert.ok(built.story.steps.length > 20);
  for (const step of built.story.steps) {
    const page = join('dist/s', step.id, 'index.html');
    assert.ok(existsSync(page), `${step.id}: no share page`);
    const html = readFileSync(page, 'utf8');
    const title = built.story.meta.title;
    const said = sentence(step.chart, step.state);
    assert.equal(unescape(meta(html, 'og:title') ?? ''), title, `${step.id}: og:title`);
    assert.equal(unescape(meta(html, 'twitter:title') ?? ''), title, `${step.id}: twitter:title`);
    assert.equal(unescape(meta(html, 'og:description') ?? ''), said, `${step.id}: og:description is the chart's sentence`);
    assert.equal(unescape(meta(html, 'twitter:description') ?? ''), said, `${step.id}: twitter:description`);
    assert.equal(unescape(meta(html, 'description') ?? ''), said, `${step.id}: description`);
    assert.equal(meta(html, 'twitter:card'), 'summary_large_image', `${step.id}: a large image card`);
    assert.match(meta(html, 'og:image') ?? '', /card\.png$/, `${step.id}: og:image`);
    assert.equal(meta(html, 'twitter:image'), meta(html, 'og:image'), `${step.id}: twitter:image`);
    assert.equal(meta(html, 'og:image:width'), '1200');
    assert.equal(meta(html, 'og:image:height'), '630');
    assert.ok(meta(html, 'og:image:alt'), `${step.id}: the image's text alternative`);
    assert.match(html, /<link rel="canonical" href="[^"]+"/, `${step.id}: a canonical link`);
    assert.ok(html.includes(`href="../../#${step.id}"`), `${step.id}: a link on to the step in the story`);
    assert.ok(html.includes(`url=../../#${step.id}"`), `${step.id}: a reader following the link goes on to the step`);
    const card = pngSize(join('dist/s', step.id, 'card.png'));
    assert.ok(card.png, `${step.id}: the card is a PNG`);
    assert.deepEqual({ width: card.width, height: card.height }, { width: 1200, height: 630 }, `${step.id}: the card is 1200x630`);
  }
});

test('the storyboard has every step, in order, its text beside its drawing, sentence and source', () => {
  const html = readFileSync('dist/storyboard.html', 'utf8');
  let from = 0;
  for (const step of built.story.steps) {
    const at = html.indexOf(`<li class="board-step" id="${step.id}">`, from);
    assert.ok(at > from - 1, `${step.id}: in the storyboard, in order`);
    const item = html.slice(at, html.indexOf('</li>', at));
    assert.ok(item.includes(`<img src="drawings/${step.id}-desktop.svg"`), `${step.id}: its drawing`);
    assert.ok(existsSync(`dist/drawings/${step.id}-desktop.svg`), `${step.id}: the drawing exists`);
    const text = built.texts.find((t) => t.id === step.id)!;
    assert.ok(item.includes(text.html), `${step.id}: its text`);
    assert.ok(unescape(item).includes(sentence(step.chart, step.state)), `${step.id}: its chart's sentence`);
    from = at + 1;
  }
  assert.match(readFileSync('dist/storyboard.css', 'utf8'), /@media print/, 'printable');
});
