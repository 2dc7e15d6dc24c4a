/**
 * Renders the parsed story to HTML: the article as the page's light DOM (so it reads, prints and indexes without
 * JavaScript, and the components enhance it), and each step's text and notes for the presenter view.
 */
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import type { Root as MdastRoot } from 'mdast';
import type { Element, Root as HastRoot } from 'hast';
import { visit } from 'unist-util-visit';
import type { Block, Part, ParsedStep } from './parse.ts';
import type { Story, StoryMeta, StepText } from '../types/story.ts';

/** Links that leave the story open in a new tab, so a reader keeps their place; `noopener` keeps the tab apart. */
function externalLinks() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      const href = node.tagName === 'a' ? String(node.properties?.href ?? '') : '';
      if (/^https?:\/\//.test(href)) {
        node.properties = { ...node.properties, target: '_blank', rel: ['noopener', 'noreferrer'] };
      }
    });
  };
}

/**
 * A section's steps are written in groups of this many (.step-group, a plain block that changes no layout). The
 * browser repaints the page as it scrolls, and each repaint visits every child box of the steps' column to see
 * whether it is in view: a thousand steps side by side were a thousand visits per repaint (9.7 ms of each at 4x
 * CPU on a phone, against 2.4 ms in groups of 20). In groups it skips a group out of view at once.
 */
export const STEPS_PER_GROUP = 20;

// No allowDangerousHtml: raw HTML is rejected by the parser, and would be dropped here if it ever got through.
const processor = unified().use(remarkRehype).use(externalLinks).use(rehypeStringify);

export function blocksToHtml(blocks: readonly Block[]): string {
  const root: MdastRoot = { type: 'root', children: [...blocks] };
  const hast = processor.runSync(root) as HastRoot;
  return processor.stringify(hast).trim();
}

import { escapeHtml } from '../charts/shared/escape.ts';
import { MONTHS } from '../charts/shared/wording.ts';

/** "2024-03" -> "March 2024"; "2024-03-23" -> "23 March 2024". */
export function formatPublished(published: string): string {
  const [year, month, day] = published.split('-');
  const name = MONTHS[Number(month) - 1] ?? '';
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

/** Renders the chart element a section shows, in the state of the first step that uses it. */
function chartElement(tag: string, state: Readonly<Record<string, string>>, fallback: string): string {
  const attributes = Object.entries(state)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  return `<${tag}${attributes}>${fallback}</${tag}>`;
}

/**
 * A step's own figure, after its text: the chart in that step's state, as the static sentence, table and source.
 * It is what the page shows without JavaScript and what prints (story.css, print.css); with JavaScript the section's
 * live chart shows the state instead and this stays hidden. A drawing of the state (print.ts's chart, or one made
 * at build time) joins this element, before the text.
 */
function stepFigure(chart: string, content: string, drawing = ''): string {
  return `<figure class="step-figure" data-chart="${escapeHtml(chart)}">${drawing}${content}</figure>`;
}

export interface RenderOptions {
  /** Static markup shown inside a chart element until (or unless) JavaScript draws it. */
  readonly fallback?: (chart: string, state: Readonly<Record<string, string>>) => string;
  /**
   * The opening chart's drawing, beside the first section's chart element: shown from the first paint until the
   * element has drawn (story.css); none by default.
   */
  readonly opening?: (stepId: string) => string;
  /** The step's drawing (made at build time, src/drawings/), first in its figure; none by default. */
  readonly drawing?: (stepId: string, chart: string, state: Readonly<Record<string, string>>) => string;
}

export function renderArticle(meta: StoryMeta, parts: readonly Part[], story: Story, options: RenderOptions = {}): string {
  const fallback = options.fallback ?? (() => '');
  const host = new URL(meta.original).hostname.replace(/^www\./, '');
  // A step's position in the story, looked up (a long story has a thousand steps to place).
  const indexById = new Map(story.steps.map((step) => [step.id, step.index]));
  const out: string[] = [];
  out.push(`<fl-story class="story">`);
  out.push(`<article class="story-article" aria-labelledby="story-title">`);
  out.push(
    `<header class="story-header">` +
      `<p class="kicker">${escapeHtml(meta.kicker)}</p>` +
      `<h1 id="story-title">${escapeHtml(meta.title)}</h1>` +
      `<p class="dek">${escapeHtml(meta.dek)}</p>` +
      `<p class="byline"><span class="author">${escapeHtml(meta.byline)}</span>` +
      `<span class="dateline"><time datetime="${escapeHtml(meta.published)}">${formatPublished(meta.published)}</time></span>` +
      `<span class="original">First published at <a href="${escapeHtml(meta.original)}" rel="noopener noreferrer" target="_blank">${escapeHtml(host)}</a></span></p>` +
      // Where the reader's controls go once the page's code runs: its room is kept from the first paint, so they
      // shift nothing when they arrive (hidden without JavaScript, where there are no controls).
      `<p class="fl-reader-controls"></p>` +
      `</header>`,
  );
  for (const part of parts) {
    if (part.kind === 'prose') {
      out.push(`<div class="prose">${blocksToHtml(part.content)}</div>`);
      continue;
    }
    const section = story.sections.find((s) => s.id === part.id)!;
    const charts = section.charts.map((name, i) => {
      const first = part.steps.find((step) => step.chart === name)!;
      const tag = story.charts[name]!.tag;
      const opening = i === 0 && part.id === story.sections[0]?.id ? (options.opening?.(first.id) ?? '') : '';
      return `<div class="scrolly-chart" data-chart="${name}"${i === 0 ? " data-active" : ' aria-hidden="true"'}>${chartElement(tag, first.state, fallback(name, first.state))}${opening}</div>`;
    });
    out.push(`<fl-scrolly class="scrolly" id="${part.id}" data-charts="${section.charts.join(' ')}">`);
    out.push(`<div class="scrolly-graphic">${charts.join('')}</div>`);
    out.push(`<div class="scrolly-steps">`);
    for (let first = 0; first < part.steps.length; first += STEPS_PER_GROUP) {
      out.push(`<div class="step-group">`);
      for (const step of part.steps.slice(first, first + STEPS_PER_GROUP)) {
        const index = indexById.get(step.id)!;
        out.push(
          `<div class="step" id="${step.id}" data-step="${index}" data-chart="${step.chart}">` +
            `<div class="step-card">${blocksToHtml(step.content)}${chartNote(step)}</div>` +
            stepFigure(step.chart, fallback(step.chart, step.state), options.drawing?.(step.id, step.chart, step.state)) +
            `</div>`,
        );
      }
      out.push(`</div>`);
    }
    out.push(`</div></fl-scrolly>`);
  }
  out.push(`</article></fl-story>`);
  return out.join('\n');
}

/** The editors' chart note under a step's text, labelled so a reader never takes it for the author's words. */
export function chartNote(step: ParsedStep): string {
  if (!step.context.length) return '';
  // The label is a paragraph of its own, so a screen reader speaks it, then the note, each whole.
  return `<div class="chart-note" role="note"><p class="chart-note-label">Chart note (the editors)</p>${blocksToHtml(step.context)}</div>`;
}

export function renderStepTexts(parts: readonly Part[]): StepText[] {
  const texts: StepText[] = [];
  for (const part of parts) {
    if (part.kind !== 'section') continue;
    for (const step of part.steps as ParsedStep[]) {
      texts.push({ id: step.id, html: blocksToHtml(step.content) + chartNote(step), notes: step.notes.length ? blocksToHtml(step.notes) : '' });
    }
  }
  return texts;
}
