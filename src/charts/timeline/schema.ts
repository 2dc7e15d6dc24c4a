/**
 * The timeline's state and data, as plain declarations (see ../casualties/schema.ts for how they are used).
 */
import type { ChartSchema } from '../shared/schema.ts';
import type { DatasetSchema } from '../shared/dataset.ts';
import { splitIds } from '../shared/schema.ts';

export const EVENT_KINDS = ['war', 'terror', 'strike', 'politics', 'military', 'unrest'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const timelineSchema: ChartSchema = {
  name: 'timeline',
  tag: 'fl-timeline',
  attributes: {
    from: { type: 'date', default: '1999-01-01', doc: 'First day of the window shown (yyyy-mm-dd).' },
    to: { type: 'date', default: '2024-12-31', doc: 'Last day of the window shown (yyyy-mm-dd).' },
    highlight: {
      type: 'ids',
      min: 0,
      max: 50,
      noun: 'event',
      default: '',
      doc: 'Space-separated event ids drawn emphasized; the others are muted. Empty: none emphasized.',
    },
    interval: {
      type: 'ids',
      min: 0,
      max: 2,
      noun: 'event',
      default: '',
      doc: 'Two event ids: a bracket between them labelled with the span computed from the data ("39 days").',
    },
  },
  check(state) {
    if (state.from! > state.to!) return { attribute: 'from', message: `from ${state.from} is after to ${state.to}` };
    const interval = splitIds(state.interval ?? '');
    if (interval.length === 1) return { attribute: 'interval', message: `interval takes two event ids, got one ("${state.interval}")` };
    if (interval.length === 2 && interval[0] === interval[1]) return { attribute: 'interval', message: `interval names ${interval[0]} twice` };
    return null;
  },
};

export interface EventRow {
  id: string;
  /** yyyy-mm-dd, or yyyy-mm-ddThh:mm in Moscow time where the time is known. */
  start: string;
  end: string | null;
  label: string;
  /** A shorter label for narrow screens. */
  short: string;
  /** A noun phrase for generated sentences ("the FSB's synagogue raid"); the label when absent. */
  phrase?: string | null;
  kind: EventKind;
  /** Id of a place in places.csv, where the event has one. */
  place: string | null;
  note: string | null;
  source: string;
  confidence: string;
}

export const eventsDataset: DatasetSchema<EventRow> = {
  file: 'events.csv',
  doc: 'Dated events the article argues through, from the Second Chechen War to the night of the attack, and every terror attack the casualty chart compares (the one list of events behind both charts: an attack in casualties.csv must be an event here, with the same name and days).',
  columns: {
    id: { type: 'id', doc: 'Unique id, used by the `highlight` and `interval` attributes.' },
    start: { type: 'datetime', doc: 'Start: yyyy-mm-dd, or yyyy-mm-ddThh:mm (Moscow time, UTC+3) where the time is known.' },
    end: { type: 'datetime', optional: true, doc: 'End, for events that last (a war, three days of voting).' },
    label: { type: 'text', doc: 'The label shown on the chart.' },
    short: { type: 'text', doc: 'A short label for narrow screens.' },
    phrase: {
      type: 'text',
      optional: true,
      doc: 'A noun phrase for the generated description ("the FSB\u2019s synagogue raid"); the label is used when empty.',
    },
    kind: { type: 'enum', values: EVENT_KINDS, doc: 'What kind of event: war, terror, strike, politics, military, unrest.' },
    place: { type: 'id', optional: true, doc: 'Id of the place in places.csv, where there is one.' },
    note: { type: 'text', optional: true, doc: 'Caveats: a disputed start, figures.' },
    source: { type: 'text', doc: 'Where the date comes from.' },
    confidence: { type: 'enum', values: ['C1', 'C2', 'disputed'], doc: 'C2: two or more sources agree; C1: one; disputed.' },
  },
  checkRow(row) {
    // A date-only start is the start of its day, a date-only end the end of its day (voting ran through the 17th).
    const start = row.start.length === 10 ? `${row.start}T00:00` : row.start;
    const end = row.end === null ? null : row.end.length === 10 ? `${row.end}T24:00` : row.end;
    if (end !== null && end < start) return `end ${row.end} is before start ${row.start}`;
    return null;
  },
};
