/**
 * A chart's data table, as data and as HTML: one renderer for every place a chart shows its data (the element's
 * "Show the data", and the figures the build writes for the no-JS page, print and the presenter view), so they
 * show the same table. Pure and DOM-free: the build runs it in Node; the element puts its HTML into the shadow
 * root. Every text goes through the one escape.
 */
import { escapeHtml } from './escape.ts';

/** A table cell: its text, and an optional second line in smaller type (a note, coordinates). */
export type TableCell = string | { readonly text: string; readonly detail: string };

/** A chart's data table for one state, as the element, the no-JS page and print show it. */
export interface ChartTable {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly TableCell[])[];
  /** The column that names each row (a row header). */
  readonly headerColumn: number;
  /** Each row's datum id (`data-id` on its `tr`), so a row can be found by the datum it shows. */
  readonly ids?: readonly string[];
  /** A class per column, on its head and cells (`number` sets figures right-aligned). */
  readonly columnClasses?: readonly string[];
  /** What the table says when it has no rows. */
  readonly empty?: string;
}

function attributes(pairs: Readonly<Record<string, string>>): string {
  return Object.entries(pairs)
    .filter(([, value]) => value)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
}

/** `label` is the cell's column, for a narrow screen where the rows stack and the column heads are not shown. */
function cell(tag: 'th' | 'td', value: TableCell, attrs: Readonly<Record<string, string>>): string {
  const open = `<${tag}${attributes(attrs)}>`;
  if (typeof value === 'string') return `${open}${escapeHtml(value)}</${tag}>`;
  const detail = value.detail ? `<span class="detail">${escapeHtml(value.detail)}</span>` : '';
  return `${open}${escapeHtml(value.text)}${detail}</${tag}>`;
}

/** The table as HTML: column heads, a row header per row (`headerColumn`), each cell's detail on a line of its own. */
export function tableHtml({ caption, columns, rows, headerColumn, ids = [], columnClasses = [], empty = '' }: ChartTable): string {
  const classOf = (i: number) => columnClasses[i] ?? '';
  const th = columns.map((name, i) => cell('th', name, { scope: 'col', class: classOf(i) })).join('');
  const body = rows.length
    ? rows
        .map((row, r) => {
          const cells = row.map((value, i) =>
            i === headerColumn
              ? cell('th', value, { scope: 'row', class: classOf(i) })
              : cell('td', value, { class: classOf(i), 'data-label': columns[i] ?? '' }),
          );
          return `<tr${attributes({ 'data-id': ids[r] ?? '' })}>${cells.join('')}</tr>`;
        })
        .join('')
    : empty
      ? `<tr><td colspan="${columns.length}">${escapeHtml(empty)}</td></tr>`
      : '';
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}
