/**
 * The storyboard, `storyboard.html`: every step of the story in one page, its text beside its chart as the build
 * drew it, with the chart's sentence and source: for an editor checking the whole story at a glance, on screen or
 * on paper (two steps a page, none split).
 */
import type { StepText, StoryMeta, StoryStep } from '../types/story.ts';
import { drawingPath, type DrawingBox } from './sizes.ts';
import { escapeHtml } from '../charts/shared/escape.ts';

export interface StoryboardStep {
  readonly step: StoryStep;
  /** The step's text as the story renders it (sanitized HTML). */
  readonly text: StepText;
  readonly sentence: string;
  readonly source: string;
  /** Its desktop drawing's box. */
  readonly box: DrawingBox;
}

export const STORYBOARD_CSS = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #595959; --grid: #d9d9d9; --accent: #b3261e; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 78rem; padding: 1.5rem; color: var(--ink); background: #fff; font: 0.9375rem/1.5 'Source Sans 3', system-ui, sans-serif; }
header { border-bottom: 3px solid var(--ink); margin-bottom: 1rem; }
header p { margin: 0 0 0.5rem; color: var(--muted); }
h1 { font: 700 1.75rem/1.2 'Source Serif 4', Georgia, serif; margin: 0 0 0.25rem; }
ol { list-style: none; margin: 0; padding: 0; }
.board-step { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 1.5rem; padding: 1.25rem 0; border-bottom: 1px solid var(--grid); break-inside: avoid; }
.board-meta { margin: 0 0 0.5rem; color: var(--muted); font-size: 0.8125rem; }
.board-meta a { color: inherit; }
.board-meta strong { color: var(--accent); }
.board-text { font-family: 'Source Serif 4', Georgia, serif; font-size: 1rem; }
.board-text blockquote { margin: 0 0 0.75em; padding-left: 0.75rem; border-left: 3px solid var(--grid); }
.board-text p { margin: 0 0 0.75em; }
.board-text .chart-note { font-family: 'Source Sans 3', system-ui, sans-serif; font-size: 0.875rem; border-left: 3px solid var(--muted); padding-left: 0.75rem; }
figure { margin: 0; }
figure img { display: block; width: 100%; height: auto; border: 1px solid var(--grid); }
figcaption { margin-top: 0.4rem; }
.board-sentence { margin: 0; font-weight: 600; }
.board-source { margin: 0.2rem 0 0; color: var(--muted); font-size: 0.8125rem; }
@media (max-width: 700px) { .board-step { grid-template-columns: 1fr; } }
@media print {
  @page { size: A4; margin: 12mm; }
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  .board-step { grid-template-columns: 2fr 3fr; padding: 4mm 0; }
  .board-step:nth-child(2n) { break-after: page; }
  a { text-decoration: none; }
}
`;

export function storyboardHtml(meta: StoryMeta, steps: readonly StoryboardStep[]): string {
  const items = steps
    .map(({ step, text, sentence, source, box }) => {
      return (
        `<li class="board-step" id="${escapeHtml(step.id)}">` +
        `<div><p class="board-meta"><strong>${step.index + 1}</strong> \u00b7 <a href="./#${escapeHtml(step.id)}">#${escapeHtml(step.id)}</a> \u00b7 ${escapeHtml(step.chart)}</p>` +
        `<div class="board-text">${text.html}</div></div>` +
        `<figure><img src="${drawingPath(step.id, 'desktop')}" width="${box.width}" height="${box.height}" alt="${escapeHtml(sentence)}" decoding="async">` +
        `<figcaption><p class="board-sentence">${escapeHtml(sentence)}</p><p class="board-source">${escapeHtml(source)}</p></figcaption></figure>` +
        `</li>`
      );
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'" />
    <meta name="robots" content="noindex" />
    <title>Storyboard: ${escapeHtml(meta.title)} | Frontlines</title>
    <link rel="stylesheet" href="./storyboard.css" />
  </head>
  <body>
    <header>
      <h1>${escapeHtml(meta.title)}</h1>
      <p>Storyboard: every step's text beside its chart, ${steps.length} steps. <a href="./">The story</a></p>
    </header>
    <ol>
${items}
    </ol>
  </body>
</html>
`;
}
