/**
 * The chart registry and what the build checks of it: each registered chart is a folder with the agreed files, a
 * registration that disagrees with its schema stops the build, and a chart registered from outside src/charts/
 * (the tests' tally) builds into a story like the story's own charts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildStory } from '../../src/build/build.ts';
import { prepareCharts, REGISTRY } from '../../src/build/charts.ts';
import { TEST_CHARTS, TEST_STORY } from '../fixtures/charts/charts.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the chart registry', () => {
  it('lists each chart once, each a folder with its registration, schema, layout, words and element', () => {
    assert.deepEqual(REGISTRY.map((chart) => chart.name), ['casualties', 'timeline', 'distance-map']);
    for (const chart of REGISTRY) {
      const folder = dirname(fileURLToPath(chart.module));
      for (const file of ['chart.ts', 'schema.ts', 'layout.ts', 'text.ts', `${chart.name}.ts`]) {
        assert.ok(existsSync(join(folder, file)), `${chart.name}: ${file} in ${folder}`);
      }
    }
  });

  it('stops the build on a registration that disagrees with its schema, a name twice, or two schemas for one dataset', async () => {
    const [casualties, timeline] = REGISTRY;
    await assert.rejects(prepareCharts([{ ...casualties!, tag: 'fl-casualty' }]), /registers a schema for "casualties" \(<fl-casualties>\)/);
    await assert.rejects(prepareCharts([casualties!, casualties!]), /two charts are named "casualties"/);
    await assert.rejects(prepareCharts([casualties!, { ...timeline!, dataset: 'casualties' }]), /disagree on the "casualties" dataset's schema/);
  });

  it('builds a story with a chart registered from outside src/charts/: its steps, its data and its no-JS figures', async () => {
    const charts = await prepareCharts(TEST_CHARTS);
    const built = buildStory({ root: ROOT, ...TEST_STORY, charts });
    assert.deepEqual(built.story.charts.tally, { name: 'tally', tag: 'fl-tally', title: 'A tally (test chart)', attributes: ['highlight'] });
    assert.deepEqual(
      built.story.steps.filter((step) => step.chart === 'tally').map((step) => [step.id, step.state.highlight]),
      [['tally-all', ''], ['tally-beta', 'beta'], ['tally-two', 'alpha gamma']],
    );
    assert.equal((built.datasets.tally ?? []).length, 3);
    assert.match(built.html, /<p class="chart-fallback-sentence">The tally counts 15 in 3 rows\. Beta: 7\.<\/p>/);
    assert.match(built.about, /<strong>Test counts<\/strong><ul><li>Test fixture<\/li><\/ul>/);
    // Without the tally in the list, the same story does not build.
    assert.throws(() => buildStory({ root: ROOT, ...TEST_STORY }), /unknown chart "tally"/);
  });
});
