/**
 * presenter.html: the presenter view (src/present/presenter-view.ts), with the built story, its texts, and each
 * chart's default rows and module (for the slide pictures) from the chart list.
 */
import { story, datasets } from 'virtual:frontlines/story';
import { texts } from 'virtual:frontlines/texts';
import { CHARTS } from 'virtual:frontlines/charts';
import { PresenterView } from '../present/presenter-view.ts';

const root = document.getElementById('presenter');
if (root) {
  const rows = Object.fromEntries(CHARTS.map((chart) => [chart.tag, datasets[chart.dataset] ?? []]));
  const modules = Object.fromEntries(CHARTS.map((chart) => [chart.tag, chart.element]));
  new PresenterView(story, texts, root, rows, modules).start();
}
