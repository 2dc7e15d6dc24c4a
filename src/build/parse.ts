/**
 * Reads the story source (Markdown with front matter and directives) into a checked structure.
 *
 * The source says everything about the story: its text, its steps and their ids, each step's chart state and
 * presenter notes. A run of `::::step` blocks forms one scrolly section; everything else is prose. Anything this
 * parser does not understand is an error with file:line:column, never silently dropped or passed through: raw
 * HTML, unknown directives, attributes a chart does not accept, links that could run script.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkDirective from 'remark-directive';
import type { BlockContent, DefinitionContent, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import { listAllowed, resolveState, validateState } from '../charts/shared/schema.ts';
import { idsOf } from '../charts/shared/dataset.ts';
import type { StoryCharts } from './charts.ts';
import type { Problem } from './errors.ts';
import type { Datasets } from './data.ts';

export type Block = BlockContent | DefinitionContent;

export interface ParsedStep {
  readonly id: string;
  readonly chart: string;
  /** The attributes as written in the source. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Every attribute of the chart's schema: as written, or its default. */
  readonly state: Readonly<Record<string, string>>;
  readonly content: Block[];
  readonly notes: Block[];
  /**
   * The editors' chart note (`:::context`): shown under the step's text, labelled as the editors', where the chart
   * shows context for the passage rather than what it speaks of. Empty when the step has none.
   */
  readonly context: Block[];
  readonly line: number;
}

export type Part =
  | { readonly kind: 'prose'; readonly content: Block[] }
  | { readonly kind: 'section'; readonly id: string; readonly steps: ParsedStep[] };

const DIRECTIVES = ['step', 'notes', 'context'];
const STEP_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const SAFE_URL = /^(https?:|mailto:|#|\/|\.\/|\.\.\/|[a-z0-9][a-z0-9._/-]*$)/i;

export function parseStory(body: string, file: string, datasets: Datasets, charts: StoryCharts): { parts: Part[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const at = (node: { position?: { start: { line: number; column: number } } }, message: string) =>
    problems.push({ file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, message });

  const tree = unified().use(remarkParse).use(remarkDirective).parse(body) as Root;

  // Checks that hold anywhere in the tree: no raw HTML, no unknown directives, no script-bearing links.
  visit(tree, (node) => {
    if (node.type === 'html') {
      at(node, `raw HTML is not allowed in the story ("${node.value.trim().slice(0, 40)}"); write Markdown`);
    } else if (node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective') {
      const fence = node.type === 'textDirective' ? ':' : node.type === 'leafDirective' ? '::' : ':::';
      if (!DIRECTIVES.includes(node.name) || node.type !== 'containerDirective') {
        at(node, `unknown directive "${fence}${node.name}" (allowed: :::step, :::notes and :::context inside a step)`);
      }
    } else if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      if (!SAFE_URL.test(node.url.trim()) || /^(javascript|data|vbscript):/i.test(node.url.trim())) {
        at(node, `unsafe link "${node.url.slice(0, 40)}" (links must be http(s), mailto, # or relative)`);
      }
    }
  });

  const parts: Part[] = [];
  const seen = new Map<string, number>();
  let stepCount = 0;
  for (const node of tree.children) {
    if (node.type === 'containerDirective' && node.name === 'step') {
      stepCount++;
      const step = readStep(node, at, datasets, charts);
      if (!step) continue;
      const first = seen.get(step.id);
      if (first !== undefined) at(node, `duplicate step id "${step.id}" (first used on line ${first})`);
      else seen.set(step.id, step.line);
      const last = parts[parts.length - 1];
      if (last?.kind === 'section') last.steps.push(step);
      else parts.push({ kind: 'section', id: `${step.id}-section`, steps: [step] });
    } else if (node.type === 'containerDirective' && (node.name === 'notes' || node.name === 'context')) {
      at(node, `${node.name} belong inside a step (:::${node.name} within ::::step)`);
    } else if (isBlock(node)) {
      const last = parts[parts.length - 1];
      if (last?.kind === 'prose') last.content.push(node);
      else parts.push({ kind: 'prose', content: [node] });
    } else if (!node.type.endsWith('Directive')) {
      // Unknown directives were reported above, once.
      at(node, `unexpected ${node.type} at the top level of the story`);
    }
  }
  if (stepCount === 0) problems.push({ file, line: 1, column: 1, message: 'the story has no steps (add ::::step{#id chart=...} blocks)' });
  return { parts, problems };
}

function readStep(
  node: ContainerDirective,
  at: (node: ContainerDirective | RootContent, message: string) => void,
  datasets: Datasets,
  charts: StoryCharts,
): ParsedStep | null {
  const { id, chart, class: className, ...attributes } = (node.attributes ?? {}) as Record<string, string | null | undefined>;
  const line = node.position?.start.line ?? 1;
  let ok = true;
  if (!id) {
    at(node, 'a step needs an id: ::::step{#some-id chart=...}');
    ok = false;
  } else if (!STEP_ID.test(id)) {
    at(node, `step id "${id}" must be lower-case words joined by hyphens (like kstovo-strike)`);
    ok = false;
  }
  if (className) at(node, 'steps take no classes (.name); their look comes from the chart state');
  const entry = chart ? charts.charts.get(chart) : undefined;
  if (!chart) {
    at(node, `step "${id ?? ''}" needs a chart (chart=${listAllowed([...charts.charts.keys()])})`);
    return null;
  }
  if (!entry) {
    at(node, `unknown chart "${chart}" (known: ${listAllowed([...charts.charts.keys()])})`);
    return null;
  }
  const given: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) given[name] = value ?? '';
  const ids = idsOf(datasets[entry.entry.dataset] ?? []);
  for (const problem of validateState(entry.schema, given, ids)) {
    at(node, problem.message);
    ok = false;
  }
  const content: Block[] = [];
  const notes: Block[] = [];
  const context: Block[] = [];
  for (const child of node.children) {
    if (child.type === 'containerDirective' && child.name === 'notes') {
      if (notes.length) at(child, 'a step has at most one :::notes block');
      notes.push(...(child.children as Block[]));
    } else if (child.type === 'containerDirective' && child.name === 'context') {
      if (context.length) at(child, 'a step has at most one :::context block');
      context.push(...(child.children as Block[]));
    } else if (child.type === 'containerDirective' && child.name === 'step') {
      at(child, 'steps cannot be nested (close the step with :::: before the next)');
    } else content.push(child as Block);
  }
  if (content.length === 0) at(node, `step "${id}" has no text`);
  if (!ok || !id) return null;
  return { id, chart, attributes: given, state: resolveState(entry.schema, given), content, notes, context, line };
}

function isBlock(node: RootContent): node is Block {
  return ['paragraph', 'blockquote', 'heading', 'list', 'thematicBreak', 'code', 'table', 'definition'].includes(node.type);
}
