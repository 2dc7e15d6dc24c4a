/**
 * Builds dist/embed/frame.js (the host page's iframe sizer, FRONTLINES_EMBED_FRAME=1), then each chart's own
 * embed entry (dist/embed/fl-casualties.js, fl-timeline.js, fl-distance-map.js: one per chart in the registry),
 * one `vite build -c vite.embed.config.ts` each (see FRONTLINES_EMBED_CHART there). Run after the embed bundle;
 * `--outDir DIR` writes them elsewhere (the benchmark builds into a directory of its own); `--config FILE` uses
 * another embed config (one with more charts); `--tags a,b` builds only those charts.
 */
import { spawnSync } from 'node:child_process';
import { CHARTS } from '../src/charts/registry.ts';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const outDir = option('--outDir');
const config = option('--config') ?? 'vite.embed.config.ts';
const tags = option('--tags')?.split(',') ?? CHARTS.map((chart) => chart.tag);
// One build per file: each is self-contained (no shared chunks), which a build with several entries cannot be.
const builds: Record<string, string>[] = [{ FRONTLINES_EMBED_FRAME: '1' }, ...tags.map((tag) => ({ FRONTLINES_EMBED_CHART: tag }))];
for (const env of builds) {
  const result = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '-c', config, '--logLevel', 'warn', ...(outDir ? ['--outDir', outDir] : [])],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
