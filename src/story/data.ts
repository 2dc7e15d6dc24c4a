/** Loads every dataset in story/data/ with its schema; a bad row becomes a `file:row: message` problem. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { idsOf, readCsv } from '../charts/shared/dataset.ts';
import { listAllowed } from '../charts/shared/schema.ts';
import { DATASETS, type DatasetName } from './charts.ts';
import type { Problem } from './errors.ts';

export type Datasets = { [K in DatasetName]: unknown[] };

export function loadDatasets(root: string, dataDir = 'story/data'): { datasets: Datasets; files: string[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const files: string[] = [];
  const datasets = {} as Datasets;
  for (const [name, schema] of Object.entries(DATASETS) as [DatasetName, (typeof DATASETS)[DatasetName]][]) {
    const file = `${dataDir}/${schema.file}`;
    const path = join(root, file);
    files.push(path);
    if (!existsSync(path)) {
      problems.push({ file, line: 1, column: 0, message: `missing data file (the ${name} dataset: ${schema.doc})` });
      datasets[name] = [];
      continue;
    }
    const result = readCsv(schema as never, readFileSync(path, 'utf8'));
    for (const problem of result.problems) problems.push({ file, line: problem.line, column: 0, message: problem.message });
    datasets[name] = result.rows as unknown[];
  }
  problems.push(...crossCheck(root, dataDir, datasets));
  return { datasets, files, problems };
}

/** References between datasets: an event's place must be a place in places.csv. */
function crossCheck(root: string, dataDir: string, datasets: Datasets): Problem[] {
  const places = idsOf(datasets.places);
  const file = `${dataDir}/${DATASETS.events.file}`;
  const problems: Problem[] = [];
  const events = datasets.events as { id: string; place: string | null }[];
  if (!events.length || !places.length) return problems;
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  for (const event of events) {
    if (event.place && !places.includes(event.place)) {
      const line = lines.findIndex((text) => text.startsWith(`${event.id},`)) + 1;
      problems.push({ file, line: line || 1, column: 0, message: `unknown place "${event.place}" (known: ${listAllowed(places)})` });
    }
  }
  return problems;
}
