/**
 * What the page adds to the article, said on the page: the "About this presentation" section (the editors' words
 * from story/about.md, then every source the data cite, read from the data so the list cannot fall behind it) and
 * the footer's credits (where the article was first published, and the title it was republished under).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { blocksToHtml, formatPublished } from './render.ts';
import { escapeHtml } from '../charts/shared/escape.ts';
import type { Block } from './parse.ts';
import type { Problem } from './errors.ts';
import { BORDER_POLICY } from '../charts/distance-map/text.ts';
import type { StoryMeta } from '../types/story.ts';
import type { Datasets } from './data.ts';
import { STORY_CHARTS, type StoryCharts } from './charts.ts';

/** The datasets in the registry's order, each once, with what each holds (the chart's `sourcesTitle`). */
function sourceGroups(charts: StoryCharts): { dataset: string; title: string }[] {
  const groups = new Map<string, string>();
  for (const entry of charts.entries) if (!groups.has(entry.dataset)) groups.set(entry.dataset, entry.sourcesTitle);
  return [...groups].map(([dataset, title]) => ({ dataset, title }));
}


/** Borders are not a dataset row: the map's outlines come with the chart, from Natural Earth, under one policy. */
const BORDER_SOURCE = BORDER_POLICY.replace(/^Borders: (\w)/, (_: string, first: string) => first.toUpperCase());

export function renderAbout(root: string, file: string, datasets: Datasets, charts: StoryCharts = STORY_CHARTS): { html: string; problems: Problem[]; path: string } {
  const path = join(root, file);
  if (!existsSync(path)) return { html: '', problems: [{ file, line: 1, column: 0, message: 'missing file (the "About this presentation" text)' }], path };
  const tree = unified().use(remarkParse).parse(readFileSync(path, 'utf8')) as Root;
  const problems: Problem[] = [];
  visit(tree, 'html', (node) => {
    problems.push({ file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 0, message: 'raw HTML is not allowed' });
  });
  const heading = tree.children[0];
  if (heading?.type !== 'heading' || heading.depth !== 2) {
    problems.push({ file, line: 1, column: 1, message: 'start with a "## " heading (the section\u2019s title)' });
  }
  if (problems.length) return { html: '', problems, path };
  const [title, ...body] = tree.children as Block[];
  const titleHtml = blocksToHtml([title!]).replace(/^<h2>/, '<h2 id="about-title">');
  // Each source once per group: a row may cite several, separated by semicolons.
  const groups = sourceGroups(charts).map(({ dataset, title: name }) => {
    const sources = [...new Set(((datasets[dataset] ?? []) as { source: string }[]).flatMap((row) => row.source.split(/;\s*/)))].sort((a, b) => a.localeCompare(b));
    return `<li><strong>${escapeHtml(name)}</strong><ul>${sources.map((source) => `<li>${escapeHtml(source)}</li>`).join('')}</ul></li>`;
  });
  const borders = `<li><strong>Borders</strong><ul><li>${escapeHtml(BORDER_SOURCE)}</li></ul></li>`;
  const html =
    `<section class="about" aria-labelledby="about-title">${titleHtml}${blocksToHtml(body)}` +
    `<h3>Sources</h3><ul class="about-sources">${groups.join('')}${borders}</ul></section>`;
  return { html, problems, path };
}

/** The footer's credits: the article's first publication (its own address, no tracking) and its republished title. */
export function renderCredits(meta: StoryMeta): string {
  const author = meta.author ?? meta.byline;
  const republished = meta.republished
    ? ` A blog republished it under the title \u201c${escapeHtml(meta.republished)}\u201d.`
    : '';
  return (
    `<p class="credits">\u201c${escapeHtml(meta.title)}\u201d, an opinion piece by ${escapeHtml(author)}, was first published in ` +
    `${formatPublished(meta.published)} at <a href="${escapeHtml(meta.original)}" rel="noopener noreferrer" target="_blank">${escapeHtml(meta.original)}</a>.${republished}` +
    ` This presentation adds charts and data to it: see <a href="#about-title">About this presentation</a>.</p>`
  );
}
