/**
 * Datasets: CSV files whose columns are declared once, with types, and read with line-accurate errors.
 *
 * The story build reads `story/data/*.csv` with these schemas (a bad row fails the build as
 * `story/data/places.csv:7: lat "95" is out of range (-90 to 90)`), and an embedded chart reads a `src` file or a
 * `data` property with the same schema, so a reader never sees a half-valid row. Free of DOM and Lit.
 */
import { csvParseRows } from 'd3';
import { isIsoDate, listAllowed } from './schema.ts';

export type ColumnSpec =
  | { readonly type: 'id' | 'text' | 'url'; readonly optional?: boolean; readonly doc: string }
  | { readonly type: 'number'; readonly optional?: boolean; readonly min?: number; readonly max?: number; readonly integer?: boolean; readonly doc: string }
  /** `month`: a date known only to the month may be written yyyy-mm ("from April 2024"). */
  | { readonly type: 'date'; readonly optional?: boolean; readonly month?: boolean; readonly doc: string }
  /** A date with a Moscow time of day, `2024-03-22T19:58`, or a plain date. */
  | { readonly type: 'datetime'; readonly optional?: boolean; readonly doc: string }
  | { readonly type: 'enum'; readonly values: readonly string[]; readonly optional?: boolean; readonly doc: string };

/** A parsed cell: numbers become numbers, everything else stays text; an empty optional cell is null. */
export type Cell = string | number | null;

export interface DatasetSchema<Row> {
  /** File name under story/data/. */
  readonly file: string;
  readonly doc: string;
  readonly columns: { readonly [K in keyof Row]: ColumnSpec };
  /** Checks between columns of one row (an end before its start); returns a message or null. */
  readonly checkRow?: (row: Row) => string | null;
}

export interface RowProblem {
  /** 1-based line in the file (the header is line 1); for a `data` array, the row's index + 1. */
  readonly line: number;
  readonly message: string;
}

export interface DatasetResult<Row> {
  readonly rows: Row[];
  readonly problems: RowProblem[];
}

/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF) with d3's own parser (d3-dsv). Returns each record
 * with the line it starts on, for messages: a record takes one line, plus one for each line break inside its
 * quoted fields. Blank lines are no records (but count as lines).
 */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let line = 1;
  for (const cells of csvParseRows(text)) {
    if (cells.length > 1 || cells[0] !== '') records.push({ line, cells });
    line += 1 + cells.reduce((breaks, cell) => breaks + (cell.match(/\n/g)?.length ?? 0), 0);
  }
  return records;
}

/** Reads CSV text into typed rows. Every row must carry a `source` when the schema has that column. */
/**
 * The most rows a chart takes. Every Frontlines chart draws one mark or more per row; past a few thousand the page
 * would stall for seconds and the picture would be unreadable, so a larger file is refused with a message, before
 * any of it is parsed.
 */
export const MAX_ROWS = 5_000;

function tooMany(count: number): DatasetResult<never> {
  return {
    rows: [],
    problems: [{ line: 0, message: `the data has ${count.toLocaleString('en-GB')} rows; a chart takes at most ${MAX_ROWS.toLocaleString('en-GB')}` }],
  };
}

export function readCsv<Row>(schema: DatasetSchema<Row>, text: string): DatasetResult<Row> {
  // Counting line breaks is cheap; parsing a huge file to find out it is too big is not.
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1 && lines <= MAX_ROWS + 1; at = text.indexOf('\n', at + 1)) lines++;
  if (lines > MAX_ROWS + 1) return tooMany(text.split('\n').length - 1);
  const records = parseCsv(text.replace(/^\uFEFF/, ''));
  const columns = Object.keys(schema.columns);
  const header = records.shift();
  if (!header) return { rows: [], problems: [{ line: 1, message: 'the file is empty (expected a header row)' }] };
  const names = header.cells.map((name) => name.trim());
  const missing = columns.filter((column) => !names.includes(column) && !isOptional(schema, column));
  const unknown = names.filter((name) => !columns.includes(name));
  const problems: RowProblem[] = [];
  if (missing.length) problems.push({ line: 1, message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` });
  if (unknown.length) problems.push({ line: 1, message: `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (allowed: ${listAllowed(columns)})` });
  if (problems.length) return { rows: [], problems };
  const objects = records.map(({ line, cells }) => {
    if (cells.length !== names.length) {
      problems.push({ line, message: `has ${cells.length} fields, the header has ${names.length}` });
    }
    const raw: Record<string, string> = {};
    names.forEach((name, i) => (raw[name] = (cells[i] ?? '').trim()));
    return { line, raw };
  });
  if (problems.length) return { rows: [], problems };
  return readObjects(schema, objects);
}

/**
 * Reads already-split rows (a JSON array or a `data` property) with the same checks as CSV.
 * Values may be strings or numbers; the row's position stands in for its line.
 */
export function readRows<Row>(schema: DatasetSchema<Row>, input: unknown): DatasetResult<Row> {
  if (!Array.isArray(input)) {
    return { rows: [], problems: [{ line: 0, message: `data must be an array of rows, got ${describeType(input)}` }] };
  }
  if (input.length > MAX_ROWS) return tooMany(input.length);
  const objects: { line: number; raw: Record<string, string> }[] = [];
  const problems: RowProblem[] = [];
  input.forEach((item, index) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      problems.push({ line: index + 1, message: `row ${index + 1} must be an object, got ${describeType(item)}` });
      return;
    }
    const raw: Record<string, string> = {};
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      if (value === null || value === undefined) raw[key] = '';
      else if (typeof value === 'string' || typeof value === 'number') raw[key] = String(value).trim();
      else {
        problems.push({ line: index + 1, message: `${key} must be text or a number, got ${describeType(value)}` });
      }
    }
    objects.push({ line: index + 1, raw });
  });
  if (problems.length) return { rows: [], problems };
  return readObjects(schema, objects);
}

function readObjects<Row>(schema: DatasetSchema<Row>, objects: { line: number; raw: Record<string, string> }[]): DatasetResult<Row> {
  const rows: Row[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const { line, raw } of objects) {
    const row: Record<string, Cell> = {};
    let ok = true;
    for (const [column, spec] of Object.entries(schema.columns) as [string, ColumnSpec][]) {
      const result = readCell(column, spec, raw[column] ?? '');
      if ('error' in result) {
        problems.push({ line, message: result.error });
        ok = false;
      } else row[column] = result.value;
    }
    for (const key of Object.keys(raw)) {
      if (!(key in schema.columns)) {
        problems.push({ line, message: `unknown field "${key}" (allowed: ${listAllowed(Object.keys(schema.columns))})` });
        ok = false;
      }
    }
    if (!ok) continue;
    if (typeof row.id === 'string') {
      const first = seen.get(row.id);
      if (first !== undefined) {
        problems.push({ line, message: `duplicate id "${row.id}" (first on line ${first})` });
        continue;
      }
      seen.set(row.id, line);
    }
    const rowProblem = schema.checkRow?.(row as Row) ?? checkConfidence(row);
    if (rowProblem) {
      problems.push({ line, message: rowProblem });
      continue;
    }
    rows.push(row as Row);
  }
  return { rows, problems };
}

/**
 * "C2" means two or more independent sources agree, so a row marked C2 must name them: a source that is only an
 * encyclopedia, in one language edition or several, is one source.
 */
function checkConfidence(row: Record<string, Cell>): string | null {
  if (row.confidence !== 'C2' || typeof row.source !== 'string') return null;
  return oneEncyclopedia(row.source) ? 'confidence C2 needs two independent sources; this row names one encyclopedia (mark it C1, or name the second source)' : null;
}

/** True when every source a row names (separated by ";") is an edition of Wikipedia (English, German, ...). */
export function oneEncyclopedia(source: string): boolean {
  const parts = source.split(';').map((part) => part.trim()).filter(Boolean);
  return parts.length > 0 && parts.every((part) => /^(\w+ )?Wikipedia\b/.test(part) || /^(\w+ )?Wikipedia,/.test(part));
}

function readCell(column: string, spec: ColumnSpec, value: string): { value: Cell } | { error: string } {
  if (value === '') {
    if (spec.optional) return { value: null };
    return { error: column === 'source' ? 'missing source (every figure needs one)' : `missing ${column}` };
  }
  switch (spec.type) {
    case 'text':
      return { value };
    case 'url':
      return /^https?:\/\/\S+$/.test(value) ? { value } : { error: `${column} "${value}" is not an http(s) URL` };
    case 'id':
      return /^[a-z0-9][a-z0-9-]*$/.test(value)
        ? { value }
        : { error: `${column} "${value}" is not an id (lower-case letters, digits and hyphens)` };
    case 'number': {
      const number = Number(value.replace(/_/g, ''));
      if (!/^-?\d+(\.\d+)?$/.test(value.replace(/_/g, '')) || !Number.isFinite(number)) {
        return { error: `${column} "${value}" is not a number` };
      }
      if (spec.integer && !Number.isInteger(number)) return { error: `${column} "${value}" is not a whole number` };
      if ((spec.min !== undefined && number < spec.min) || (spec.max !== undefined && number > spec.max)) {
        return { error: `${column} "${value}" is out of range (${spec.min ?? '-inf'} to ${spec.max ?? 'inf'})` };
      }
      return { value: number };
    }
    case 'date':
      if (spec.month && /^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return { value };
      return isIsoDate(value)
        ? { value }
        : { error: `${column} "${value}" is not a date (write yyyy-mm-dd${spec.month ? ', or yyyy-mm where only the month is known' : ''})` };
    case 'datetime': {
      const [date, time] = value.split('T');
      const timeOk = time === undefined || /^([01]\d|2[0-3]):[0-5]\d$/.test(time);
      return isIsoDate(date ?? '') && timeOk
        ? { value }
        : { error: `${column} "${value}" is not a date or date-time (write yyyy-mm-dd or yyyy-mm-ddThh:mm)` };
    }
    case 'enum':
      return spec.values.includes(value)
        ? { value }
        : { error: `${column} "${value}" is not allowed (allowed: ${listAllowed(spec.values)})` };
  }
}

function isOptional<Row>(schema: DatasetSchema<Row>, column: string): boolean {
  return Boolean((schema.columns as Record<string, ColumnSpec>)[column]?.optional);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}

/** The ids of a dataset's rows, for `ids` attributes. */
export function idsOf(rows: readonly unknown[]): string[] {
  return rows.map((row) => (row as { id?: unknown }).id).filter((id): id is string => typeof id === 'string');
}
