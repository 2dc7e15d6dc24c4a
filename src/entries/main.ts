/**
 * The story page: defines the elements, gives the charts the story's data, and hands the built story to
 * `fl-story`, which enhances the article already in the page.
 */
import '../styles/story.css';
import '../styles/reader.css';
import { story, datasets } from 'virtual:frontlines/story';
import { CHARTS } from 'virtual:frontlines/charts';
import { define, setDefaultRows } from '../charts/shared/chart-element.ts';
import { FlScrolly } from '../scrolly/fl-scrolly.ts';
import { FlStory } from '../scrolly/fl-story.ts';
import { loadChartsLazily } from '../scrolly/chart-loader.ts';
import { installPresenting } from '../present/presentation-mode.ts';
import { installEmbedButtons } from '../embed-ui/embed-button.ts';
import { installReader } from '../reader/install.ts';
import { nextTask } from '../charts/shared/background.ts';

for (const chart of CHARTS) setDefaultRows(chart.tag, datasets[chart.dataset] ?? []);

// Each chart's module, loaded when the story needs it (see chart-loader.ts).
loadChartsLazily(story.steps, Object.fromEntries(CHARTS.map((chart) => [chart.tag, chart.element])));

// The rest runs in tasks of its own rather than in the one that ran this module: on a phone the module, the
// installs and the story's start made one task of over 100 ms, the load's longest (bench/budgets.json: Total
// Blocking Time).
// Presentation mode first, so its listeners are in place before the story starts: ?present, the p key, the
// presenter view's channel (s) and the print layout; the print's list of sources names each dataset as the about
// section does.
nextTask(() => {
  const sources = [...new Map(CHARTS.map((chart) => [chart.dataset, { label: chart.sourcesTitle, rows: (datasets[chart.dataset] ?? []) as readonly { source?: string }[] }])).values()];
  installPresenting(story, sources);
});
nextTask(() => {
  // The story is set before the elements upgrade, so the first step event already finds it.
  const element = document.querySelector('fl-story') as (Element & { story?: unknown }) | null;
  if (element) element.story = story;
  define('fl-story', FlStory);
  define('fl-scrolly', FlScrolly);
  // In the same task as the upgrade, before the story's first update: their listeners hear its first step change.
  // An Embed button beside each chart: the code that shows it, as it is now, on another page.
  installEmbedButtons(story);
  // The reader's controls: the Animation switch, step by step, Tab in reading order, announcements, continuing.
  installReader(story);
});
