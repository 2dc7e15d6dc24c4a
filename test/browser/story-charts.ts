/** Every chart in the registry defined with the story's data as its default, as the story page and the embed bundle have them. */
import { setDefaultRows } from '../../src/charts/shared/chart-element.ts';
import { CHARTS } from '../../src/charts/registry.ts';
import { storyRows } from './helpers.ts';

export async function defineStoryCharts(): Promise<void> {
  await Promise.all(
    CHARTS.map(async (chart) => {
      const [{ data }, define] = await Promise.all([chart.schemas(), chart.element()]);
      setDefaultRows(chart.tag, await storyRows(data));
      define();
    }),
  );
}
