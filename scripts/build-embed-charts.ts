/**
 * Builds each chart's own embed entry (dist/embed/fl-casualties.js, fl-timeline.js, fl-distance-map.js), one
 * `vite build -c vite.embed.config.ts` per chart (see FRONTLINES_EMBED_CHART there). Run after the embed bundle;
 * `--outDir DIR` writes them elsewhere (the benchmark builds into a directory of its own).
 */
import { spawnSync } from 'node:child_process';
import { EMBED_CHARTS } from '../vite.embed.config.ts';

const args = process.argv.slice(2);
const outDir = args.includes('--outDir') ? args[args.indexOf('--outDir') + 1] : undefined;
for (const chart of EMBED_CHARTS) {
  const result = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '-c', 'vite.embed.config.ts', '--logLevel', 'warn', ...(outDir ? ['--outDir', outDir] : [])],
    { stdio: 'inherit', env: { ...process.env, FRONTLINES_EMBED_CHART: chart } },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
