/** Loads every dataset in story/data/ with its schema; a bad row becomes a `file:row: message` problem. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { idsOf, readCsv } from '../charts/shared/dataset.ts';
import { listAllowed } from '../charts/shared/schema.ts';
import { STORY_CHARTS, type StoryCharts } from './charts.ts';
import type { Problem } from './errors.ts';

/** Each dataset the charts read, by name (casualties, events, places): its rows, parsed and checked. */
export type Datasets = Record<string, unknown[]>;

export function loadDatasets(root: string, dataDir = 'story/data', charts: StoryCharts = STORY_CHARTS): { datasets: Datasets; files: string[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const files: string[] = [];
  const datasets = {} as Datasets;
  for (const [name, schema] of charts.datasets) {
    const file = `${dataDir}/${schema.file}`;
    const path = join(root, file);
    files.push(path);
    if (!existsSync(path)) {
      problems.push({ file, line: 1, column: 0, message: `missing data file (the ${name} dataset: ${schema.doc})` });
      datasets[name] = [];
      continue;
    }
    const result = readCsv(schema, readFileSync(path, 'utf8'));
    for (const problem of result.problems) problems.push({ file, line: problem.line, column: 0, message: problem.message });
    datasets[name] = result.rows as unknown[];
  }
  problems.push(...crossCheck(root, dataDir, datasets, charts));
  return { datasets, files, problems };
}

/**
 * References between datasets. An event's place must be a place in places.csv. The events list is the one list of
 * dated events behind both the timeline and the casualty chart: every attack in casualties.csv must be an event in
 * events.csv, with the event's label as its name and the event's days as its dates, so the two charts can never
 * disagree on what happened when.
 */
function crossCheck(root: string, dataDir: string, datasets: Datasets, charts: StoryCharts): Problem[] {
  const problems: Problem[] = [];
  const lineOf = (file: string) => {
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    return (id: string) => lines.findIndex((text) => text.startsWith(`${id},`)) + 1 || 1;
  };
  const places = idsOf(datasets.places ?? []);
  const events = (datasets.events ?? []) as { id: string; place: string | null; label: string; start: string; end: string | null }[];
  const eventsFile = `${dataDir}/${charts.datasets.get('events')?.file ?? 'events.csv'}`;
  if (events.length && places.length) {
    const line = lineOf(eventsFile);
    for (const event of events) {
      if (event.place && !places.includes(event.place)) {
        problems.push({ file: eventsFile, line: line(event.id), column: 0, message: `unknown place "${event.place}" (known: ${listAllowed(places)})` });
      }
    }
  }
  const casualties = (datasets.casualties ?? []) as { id: string; attack: string; attack_name: string; attack_date: string; attack_end: string | null }[];
  if (casualties.length && events.length) {
    const file = `${dataDir}/${charts.datasets.get('casualties')!.file}`;
    const line = lineOf(file);
    const byId = new Map(events.map((event) => [event.id, event]));
    const day = (value: string | null) => (value === null ? null : value.slice(0, 10));
    for (const row of casualties) {
      const event = byId.get(row.attack);
      const at = { file, line: line(row.id), column: 0 };
      if (!event) {
        problems.push({ ...at, message: `attack "${row.attack}" is not an event in ${eventsFile} (known: ${listAllowed(idsOf(events))})` });
        continue;
      }
      const expected: [string, string | null, string | null][] = [
        ['attack_name', row.attack_name, event.label],
        ['attack_date', row.attack_date, day(event.start)],
        ['attack_end', row.attack_end, event.end === null || day(event.end) === day(event.start) ? null : day(event.end)],
      ];
      for (const [column, actual, wanted] of expected) {
        if (actual !== wanted) {
          problems.push({ ...at, message: `${column} "${actual ?? ''}" differs from event ${event.id} in ${eventsFile} ("${wanted ?? ''}")` });
        }
      }
    }
  }
  return problems;
}
