/**
 * The story build, start to end: read front matter, data and Markdown; validate; compute the story's structure;
 * render its HTML. Throws a StoryError listing every problem with file:line, so one build shows them all.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { readFrontMatter } from './frontmatter.ts';
import { loadDatasets, type Datasets } from './data.ts';
import { parseStory, type Part } from './parse.ts';
import { renderArticle, renderStepTexts, type RenderOptions } from './render.ts';
import { STORY_CHARTS, type StoryCharts } from './charts.ts';
import { chartFallback } from './fallback.ts';
import { renderAbout, renderCredits } from './about.ts';
import { StoryError, type Problem } from './errors.ts';
import type { Story, StoryChart, StoryStep, StepText } from '../types/story.ts';

export interface BuiltStory {
  readonly story: Story;
  readonly datasets: Datasets;
  /** The article as HTML, for the page's <main>. */
  readonly html: string;
  /** "About this presentation": what the editors added, and every source (after the article). */
  readonly about: string;
  /** The footer's credits. */
  readonly credits: string;
  readonly texts: StepText[];
  /** Every file the build read, for the dev server to watch. */
  readonly files: string[];
}

export interface StoryPaths {
  readonly root: string;
  /** Relative to root. */
  readonly storyFile?: string;
  readonly dataDir?: string;
  /** Relative to root; the editors' "About this presentation" text. */
  readonly aboutFile?: string;
  /** The charts a step may name (default: the registry's, src/charts/registry.ts), prepared by prepareCharts. */
  readonly charts?: StoryCharts;
}

export function buildStory({ root, storyFile = 'story/article.md', dataDir = 'story/data', aboutFile = 'story/about.md', charts = STORY_CHARTS }: StoryPaths, options: RenderOptions = {}): BuiltStory {
  const problems: Problem[] = [];
  const { datasets, files, problems: dataProblems } = loadDatasets(root, dataDir, charts);
  problems.push(...dataProblems);
  const storyPath = join(root, storyFile);
  if (!existsSync(storyPath)) throw new StoryError([...problems, { file: storyFile, line: 1, column: 0, message: 'missing story file' }]);
  const source = readFileSync(storyPath, 'utf8');
  const front = readFrontMatter(source, storyFile);
  problems.push(...front.problems);
  const { parts, problems: storyProblems } = parseStory(front.body, storyFile, datasets, charts);
  problems.push(...storyProblems);
  const about = renderAbout(root, aboutFile, datasets, charts);
  problems.push(...about.problems);
  if (problems.length || !front.meta) throw new StoryError(problems);

  const story = structure(front.meta, parts, charts);
  return {
    story,
    datasets,
    html: renderArticle(front.meta, parts, story, { ...options, fallback: options.fallback ?? chartFallback(datasets, charts) }),
    about: about.html,
    credits: renderCredits(front.meta),
    texts: renderStepTexts(parts),
    files: [storyPath, about.path, ...files],
  };
}

function structure(meta: Story['meta'], parts: readonly Part[], registry: StoryCharts): Story {
  const steps: StoryStep[] = [];
  const sections = [];
  for (const part of parts) {
    if (part.kind !== 'section') continue;
    const charts: string[] = [];
    for (const step of part.steps) {
      if (!charts.includes(step.chart)) charts.push(step.chart);
      steps.push({ index: steps.length, id: step.id, chart: step.chart, tag: registry.charts.get(step.chart)!.entry.tag, state: step.state, section: part.id });
    }
    sections.push({ id: part.id, steps: part.steps.map((s) => s.id), charts });
  }
  const charts: Record<string, StoryChart> = {};
  for (const name of new Set(steps.map((s) => s.chart))) {
    const { entry, schema } = registry.charts.get(name)!;
    charts[name] = { name, tag: entry.tag, title: entry.title, attributes: Object.keys(schema.attributes) };
  }
  return { meta, steps, sections, charts };
}
