/**
 * Writes story/data/README.md from the dataset schemas, so the description of every column is the one the build
 * validates against. `npx tsx scripts/data-readme.ts` rewrites it; a unit test fails when it is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STORY_CHARTS } from '../src/build/charts.ts';
import type { ColumnSpec } from '../src/charts/shared/dataset.ts';

function typeOf(spec: ColumnSpec): string {
  switch (spec.type) {
    case 'number': {
      const range =
        spec.min !== undefined && spec.max !== undefined
          ? `, ${spec.min} to ${spec.max}`
          : spec.min !== undefined
            ? `, at least ${spec.min}`
            : spec.max !== undefined
              ? `, at most ${spec.max}`
              : '';
      return `${spec.integer ? 'whole number' : 'number'}${range}`;
    }
    case 'enum':
      return `one of ${spec.values.map((v) => `\`${v}\``).join(', ')}`;
    case 'date':
      return 'date, yyyy-mm-dd';
    case 'datetime':
      return 'date, yyyy-mm-dd, or date and Moscow time, yyyy-mm-ddThh:mm';
    case 'id':
      return 'id (a-z, 0-9, hyphens)';
    case 'url':
      return 'http(s) URL';
    case 'text':
      return 'text';
  }
}

export function dataReadme(): string {
  const out: string[] = [
    '# Story data',
    '',
    'The figures behind every chart. Each file is CSV (RFC 4180: a header row, fields with commas in double quotes),',
    'read and checked by the story build with the schema its chart declares (`src/charts/<chart>/schema.ts`): a bad',
    'value fails the build with `story/data/FILE.csv:ROW: what is wrong`. Every row names its `source`; where',
    'sources disagree the row says so (`confidence` = `disputed`, and a range where there is one).',
    '',
    'This page is generated from those schemas by `npx tsx scripts/data-readme.ts`; do not edit it by hand.',
    '',
  ];
  for (const [name, schema] of STORY_CHARTS.datasets) {
    out.push(`## ${schema.file}`, '', `Dataset \`${name}\`. ${schema.doc}`, '', '| column | type | required | meaning |', '|---|---|---|---|');
    for (const [column, spec] of Object.entries(schema.columns) as [string, ColumnSpec][]) {
      out.push(`| \`${column}\` | ${typeOf(spec)} | ${spec.optional ? 'no' : 'yes'} | ${spec.doc.replace(/\|/g, '\\|')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = join(import.meta.dirname, '..', 'story', 'data', 'README.md');
  writeFileSync(file, dataReadme());
  console.log(`wrote ${file}`);
}
