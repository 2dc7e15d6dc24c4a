/**
 * The story build: a good story becomes the expected structure and HTML; every kind of bad input fails with a
 * message that names the file, the line and what is allowed.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStory } from '../../src/build/build.ts';
import { STEPS_PER_GROUP } from '../../src/build/render.ts';
import { StoryError } from '../../src/build/errors.ts';
import { escapeHtml } from '../../src/charts/shared/escape.ts';

const ROOT = join(import.meta.dirname, '..', '..');

const FRONT = `---
kicker: A kicker
title: A title
dek: A dek
byline: A. WRITER
published: 2024-03
original: https://example.com/original
---
`;

/** A scratch project: the real story data, and a story source of the test's own. */
function project(article: string, edit?: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'fl-story-'));
  cpSync(join(ROOT, 'story', 'data'), join(dir, 'story', 'data'), { recursive: true });
  cpSync(join(ROOT, 'story', 'about.md'), join(dir, 'story', 'about.md'));
  writeFileSync(join(dir, 'story', 'article.md'), article);
  edit?.(dir);
  return dir;
}

const dirs: string[] = [];
function build(article: string, edit?: (dir: string) => void) {
  const dir = project(article, edit);
  dirs.push(dir);
  return buildStory({ root: dir });
}

/** Builds and returns the error's lines; fails the test if the build succeeds. */
function problems(article: string, edit?: (dir: string) => void): string[] {
  try {
    build(article, edit);
  } catch (error) {
    assert.ok(error instanceof StoryError, `expected a StoryError, got ${error}`);
    return error.problems.map((p) => (p.column ? `${p.file}:${p.line}:${p.column}: ${p.message}` : `${p.file}:${p.line}: ${p.message}`));
  }
  assert.fail('the build succeeded; it should have failed');
}

const GOOD = `${FRONT}
Some prose before the steps.

::::step{#first-step chart=casualties view=preliminary}
> A quoted paragraph.

A paragraph of the author's, with a [link](https://example.com/page).

:::notes
What to say here.
:::
::::

::::step{#second-step chart=casualties view=toll}
The second step.
::::

Prose after.
`;

after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('buildStory with a good story', () => {
  it('gives steps with ids, charts, full states and sections, in order', () => {
    const { story } = build(GOOD);
    assert.deepEqual(
      story.steps.map((s) => [s.index, s.id, s.chart, s.tag, s.state.view]),
      [
        [0, 'first-step', 'casualties', 'fl-casualties', 'preliminary'],
        [1, 'second-step', 'casualties', 'fl-casualties', 'toll'],
      ],
    );
    assert.deepEqual(story.sections, [{ id: 'first-step-section', steps: ['first-step', 'second-step'], charts: ['casualties'] }]);
    assert.deepEqual(story.charts.casualties, { name: 'casualties', tag: 'fl-casualties', title: 'Crocus City Hall attack: deaths and injuries', attributes: ['view'] });
    assert.equal(story.meta.title, 'A title');
  });

  it('renders the article as HTML: quotes as blockquotes, the chart in its first state, notes kept apart', () => {
    const { html, texts } = build(GOOD);
    assert.match(html, /<h1 id="story-title">A title<\/h1>/);
    assert.match(html, /<blockquote>\s*<p>A quoted paragraph\.<\/p>\s*<\/blockquote>/);
    assert.match(html, /<div class="step" id="first-step" data-step="0" data-chart="casualties">/);
    assert.match(html, /<fl-casualties view="preliminary">/);
    assert.match(html, /<a href="https:\/\/example.com\/page" target="_blank" rel="noopener noreferrer">link<\/a>/);
    assert.ok(html.indexOf('Some prose before') < html.indexOf('first-step') && html.indexOf('Prose after') > html.indexOf('second-step'));
    assert.ok(!html.includes('What to say here'), 'notes stay out of the article');
    assert.deepEqual(texts[0]!.notes, '<p>What to say here.</p>');
  });

  it('writes a long section\'s steps in groups, every step once and in order', () => {
    const count = STEPS_PER_GROUP * 2 + 5;
    const steps = Array.from({ length: count }, (_, i) => `::::step{#s${i} chart=casualties view=toll}\nStep ${i}.\n::::\n`).join('\n');
    const { html } = build(`${FRONT}\n${steps}`);
    const column = html.slice(html.indexOf('<div class="scrolly-steps">'), html.indexOf('</fl-scrolly>'));
    const groups = column.split('<div class="step-group">').slice(1);
    assert.deepEqual(groups.map((group) => group.match(/<div class="step" /g)!.length), [STEPS_PER_GROUP, STEPS_PER_GROUP, 5]);
    assert.deepEqual([...column.matchAll(/<div class="step" id="(\w+)"/g)].map((match) => match[1]), Array.from({ length: count }, (_, i) => `s${i}`));
  });

  it('builds the real story', () => {
    const { story, html } = buildStory({ root: ROOT });
    assert.ok(story.steps.length >= 20);
    assert.ok(html.includes('ISIS Declares War On Russia?'));
  });

  it('prints the article without the republishing blog\'s title and footer, labelled as opinion, and credits the original', () => {
    const { story, html, about, credits } = buildStory({ root: ROOT });
    const seed = readFileSync(join(ROOT, 'test', 'fixtures', 'seed-article.txt'), 'utf8').split('\n').map((line) => line.trim()).filter(Boolean);
    const blogTitle = seed[0]!;
    const page = html + about + credits;
    for (const boilerplate of ['Bookmark the permalink', 'posted in Uncategorized', '?utm', '<hr']) assert.ok(!page.includes(boilerplate), boilerplate);
    assert.ok(!html.includes(blogTitle.replace('&', '&#38;')) && !html.includes(blogTitle), 'the blog\'s title is not the article\'s kicker');
    assert.equal(story.meta.kicker, 'Opinion');
    assert.match(credits, new RegExp(`first published in March 2024 at <a href="${story.meta.original.replace(/[.?]/g, '\\$&')}"`));
    assert.ok(credits.includes('republished it under the title'), 'the blog\'s title is credited as the republished title');
    assert.match(about, /<section class="about" aria-labelledby="about-title"><h2 id="about-title">About this presentation<\/h2>/);
    // Every source a data row cites is listed.
    const { datasets } = buildStory({ root: ROOT });
    for (const rows of Object.values(datasets)) for (const row of rows as { source: string }[]) for (const part of row.source.split(/;\s*/)) assert.ok(about.includes(`<li>${escapeHtml(part)}</li>`), part);
  });

  it('says in presenter notes and chart notes only numbers that the article or the data give', () => {
    const { texts, datasets } = buildStory({ root: ROOT });
    const article = readFileSync(join(ROOT, 'test', 'fixtures', 'seed-article.txt'), 'utf8');
    const data = Object.values(datasets).map((rows) => JSON.stringify(rows)).join('\n');
    const numbers = (html: string) => html.replace(/<[^>]+>/g, ' ').match(/\d[\d,.]*\d|\d/g) ?? [];
    const unsourced: string[] = [];
    for (const text of texts) {
      const notes = text.notes + (text.html.match(/<div class="chart-note"[\s\S]*?<\/div>/)?.[0] ?? '');
      for (const number of numbers(notes)) {
        if (!article.includes(number) && !data.includes(number)) unsourced.push(`${text.id}: ${number}`);
      }
    }
    assert.deepEqual(unsourced, []);
    assert.ok(texts.some((text) => numbers(text.notes).length > 0), 'the notes do give figures, so the check checks something');
  });

  it('rejects an original address with a tracking parameter, and a missing About text', () => {
    assert.deepEqual(problems(`${FRONT.replace('/original', '/original?utm')}\n::::step{#s chart=casualties}\nText.\n::::\n`), [
      'story/article.md:7:1: original carries a tracking parameter: credit the article\u2019s own address',
    ]);
    assert.deepEqual(problems(`${FRONT}\n::::step{#s chart=casualties}\nText.\n::::\n`, (dir) => rmSync(join(dir, 'story', 'about.md'))), [
      'story/about.md:1: missing file (the "About this presentation" text)',
    ]);
  });
});

describe('buildStory with bad input', () => {
  const step = (attributes: string, body = 'Text.') => `${FRONT}\n::::step{${attributes}}\n${body}\n::::\n`;

  it('rejects an attribute value the chart does not accept, with line, column and the allowed values', () => {
    assert.deepEqual(problems(step('#s chart=casualties view=preliminery')), [
      'story/article.md:10:1: view "preliminery" is not allowed (allowed: preliminary, toll, compare)',
    ]);
  });

  it('rejects an unknown chart', () => {
    assert.match(problems(step('#s chart=piechart'))[0]!, /^story\/article\.md:10:1: unknown chart "piechart" \(known: casualties, timeline, distance-map\)/);
  });

  it('rejects an unknown attribute', () => {
    assert.match(problems(step('#s chart=casualties colour=red'))[0]!, /^story\/article\.md:10:1: unknown attribute "colour" for chart casualties \(allowed: view\)/);
  });

  it('rejects an unknown directive', () => {
    assert.deepEqual(problems(`${FRONT}\n:::aside\nText.\n:::\n\n${step('#s chart=casualties').slice(FRONT.length)}`), [
      'story/article.md:10:1: unknown directive ":::aside" (allowed: :::step, :::notes and :::context inside a step)',
    ]);
  });

  it('rejects a duplicate step id, naming the first', () => {
    const article = `${FRONT}\n::::step{#same chart=casualties}\nOne.\n::::\n\n::::step{#same chart=casualties view=toll}\nTwo.\n::::\n`;
    assert.deepEqual(problems(article), ['story/article.md:14:1: duplicate step id "same" (first used on line 10)']);
  });

  it('rejects a step without an id or with an unreadable one', () => {
    assert.match(problems(step('chart=casualties'))[0]!, /a step needs an id/);
    assert.match(problems(step('#Kstovo_Strike chart=casualties'))[0]!, /step id "Kstovo_Strike" must be lower-case words joined by hyphens/);
  });

  it('rejects raw HTML and script links', () => {
    assert.match(problems(step('#s chart=casualties', '<script>alert(1)</script>'))[0]!, /^story\/article\.md:11:1: raw HTML is not allowed/);
    assert.match(problems(step('#s chart=casualties', '[x](javascript:alert(1))'))[0]!, /^story\/article\.md:11:1: unsafe link "javascript:alert\(1\)"/);
    assert.match(problems(step('#s chart=casualties', '[x](data:text/html,hi)'))[0]!, /unsafe link "data:text\/html,hi"/);
  });

  it('rejects event-handler attributes on a step and raw HTML with handlers', () => {
    assert.match(problems(step('#s chart=casualties onclick="alert(1)"'))[0]!, /^story\/article\.md:10:1: unknown attribute "onclick" for chart casualties/);
    assert.match(problems(step('#s chart=casualties', 'Text <img src=x onerror="alert(1)"> more.'))[0]!, /^story\/article\.md:11:6: raw HTML is not allowed/);
  });

  it('rejects notes outside a step', () => {
    assert.match(problems(`${FRONT}\n:::notes\nHi.\n:::\n${step('#s chart=casualties').slice(FRONT.length)}`)[0]!, /notes belong inside a step/);
  });

  it('rejects a data row with a bad number, naming file and row', () => {
    const lines = problems(step('#s chart=casualties'), (dir) => {
      const file = join(dir, 'story/data/casualties.csv');
      writeFileSync(file, readFileSync(file, 'utf8').replace(',133,', ',13x,'));
    });
    assert.deepEqual(lines, ['story/data/casualties.csv:3: killed "13x" is not a number']);
  });

  it('counts the lines of a quoted field that breaks across lines, so a later row is still named by its line', () => {
    const lines = problems(step('#s chart=casualties'), (dir) => {
      const file = join(dir, 'story/data/casualties.csv');
      const text = readFileSync(file, 'utf8')
        .replace(",The article's figure: the FSB's preliminary count on the evening of the attack,", ",\"The article's figure:\nthe FSB's preliminary count on the evening of the attack\",")
        .replace(',133,', ',13x,');
      assert.ok(text.includes('figure:\nthe FSB'), 'the note now spans two lines');
      writeFileSync(file, text);
    });
    assert.deepEqual(lines, ['story/data/casualties.csv:4: killed "13x" is not a number']);
  });

  it('rejects a data row with a bad date', () => {
    const lines = problems(step('#s chart=casualties'), (dir) => {
      const file = join(dir, 'story/data/casualties.csv');
      writeFileSync(file, readFileSync(file, 'utf8').replace(',2024-03-25,139,', ',2024-02-30,139,'));
    });
    assert.match(lines[0]!, /^story\/data\/casualties\.csv:4: /);
    assert.match(lines.join('\n'), /"2024-02-30" is not a date/);
  });

  it('rejects a row without a source', () => {
    const lines = problems(step('#s chart=casualties'), (dir) => {
      const file = join(dir, 'story/data/casualties.csv');
      writeFileSync(file, readFileSync(file, 'utf8').replace(',Investigative Committee of Russia (23 Mar 2024),', ',,'));
    });
    assert.deepEqual(lines, ['story/data/casualties.csv:3: missing source (every figure needs one)']);
  });

  it('rejects an attack that is not in the events list, or whose date differs from it', () => {
    const unknown = problems(step('#s chart=casualties'), (dir) => {
      const file = join(dir, 'story/data/casualties.csv');
      writeFileSync(file, readFileSync(file, 'utf8').replace('domodedovo,domodedovo,', 'domodedovo,domodedovo-2011,'));
    });
    assert.equal(unknown.length, 1);
    assert.match(unknown[0]!, /^story\/data\/casualties\.csv:\d+: attack "domodedovo-2011" is not an event in story\/data\/events\.csv \(known: /);
    const moved = problems(step('#s chart=casualties'), (dir) => {
      const file = join(dir, 'story/data/events.csv');
      writeFileSync(file, readFileSync(file, 'utf8').replace('beslan,2004-09-01,', 'beslan,2004-09-02,'));
    });
    assert.equal(moved.length, 1);
    assert.match(moved[0]!, /^story\/data\/casualties\.csv:\d+: attack_date "2004-09-01" differs from event beslan in story\/data\/events\.csv \("2004-09-02"\)/);
  });

  it('rejects a missing data file', () => {
    const lines = problems(step('#s chart=casualties'), (dir) => rmSync(join(dir, 'story/data/casualties.csv')));
    assert.match(lines[0]!, /^story\/data\/casualties\.csv:1: missing data file/);
  });

  it('rejects front matter without a title', () => {
    assert.deepEqual(problems(step('#s chart=casualties').replace('title: A title\n', '')), ['story/article.md:1:1: the front matter needs title']);
  });

  it('lists every problem at once', () => {
    const article = `${FRONT}\n::::step{#a chart=casualties view=x}\nOne.\n::::\n\n::::step{#b chart=nope}\nTwo.\n::::\n`;
    assert.equal(problems(article).length, 2);
  });
});

describe('the Vite plugin', () => {
  let dir = '';
  before(() => {
    dir = project(`${FRONT}\n::::step{#s chart=casualties view=preliminery}\nText.\n::::\n`);
    dirs.push(dir);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title><main><!--frontlines:article--></main>');
  });

  it('fails `vite build` with the file:line message', async () => {
    const { build: viteBuild } = await import('vite');
    const { storyPlugin } = await import('../../src/build/plugin.ts');
    await assert.rejects(
      viteBuild({ root: dir, configFile: false, logLevel: 'silent', plugins: [storyPlugin()], build: { write: false } }),
      (error: Error) => error.message.includes('story/article.md:10:1: view "preliminery" is not allowed (allowed: preliminary, toll, compare)'),
    );
  });

  it('shows the same message from the dev server', async () => {
    const { createServer } = await import('vite');
    const { storyPlugin } = await import('../../src/build/plugin.ts');
    const server = await createServer({ root: dir, configFile: false, logLevel: 'silent', plugins: [storyPlugin()], server: { port: 0, ws: false } });
    try {
      await server.listen();
      const address = server.httpServer!.address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${address.port}/`);
      const body = await response.text();
      assert.equal(response.status, 500);
      assert.ok(body.includes('story/article.md:10:1: view \\"preliminery\\" is not allowed') || body.includes('story/article.md:10:1: view "preliminery" is not allowed'), body.slice(0, 500));
    } finally {
      await server.close();
    }
  });
});
