/**
 * The casualty chart's state and data, as plain declarations: the story build validates steps and
 * `story/data/casualties.csv` with these, and the element validates its attributes and embedded data.
 */
import type { ChartSchema } from '../shared/schema.ts';
import type { DatasetSchema } from '../shared/dataset.ts';

export const CASUALTY_VIEWS = ['preliminary', 'toll', 'compare'] as const;
export type CasualtyView = (typeof CASUALTY_VIEWS)[number];

export const casualtiesSchema: ChartSchema = {
  name: 'casualties',
  tag: 'fl-casualties',
  attributes: {
    view: {
      type: 'enum',
      values: CASUALTY_VIEWS,
      default: 'preliminary',
      doc: '`preliminary`: the first reported toll, one mark per person; `toll`: how the official count rose, as a step line over dates; `compare`: the latest toll against earlier attacks on Russian soil.',
    },
  },
};

/** How a reported figure was qualified: "at least 40", "more than 100", "about 130". */
export const QUALIFIERS = ['exact', 'at-least', 'more-than', 'about'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export interface CasualtyRow {
  /** Unique id of this report. */
  id: string;
  /** The attack reported on; rows with the same attack are successive reports of one toll. */
  attack: string;
  attack_name: string;
  attack_date: string;
  attack_end: string | null;
  /** The date of the report (for successive reports; yyyy-mm where only the month is known); empty for a settled toll. */
  reported: string | null;
  killed: number;
  killed_high: number | null;
  killed_qualifier: Qualifier;
  injured: number | null;
  injured_high: number | null;
  injured_qualifier: Qualifier | null;
  note: string | null;
  source: string;
  confidence: string;
}

export const casualtiesDataset: DatasetSchema<CasualtyRow> = {
  file: 'casualties.csv',
  doc: 'Reported deaths and injuries: successive official counts for the Crocus City Hall attack, and the settled tolls of earlier terror attacks on Russian soil.',
  columns: {
    id: { type: 'id', doc: 'Unique id of the row.' },
    attack: { type: 'id', doc: 'Id of the attack; several rows with one attack are successive reports. In the story, the id of the attack in events.csv (whose label and days the next three columns repeat; the build checks they agree).' },
    attack_name: { type: 'text', doc: 'Name of the attack, as shown on the chart.' },
    attack_date: { type: 'date', doc: 'First day of the attack.' },
    attack_end: { type: 'date', optional: true, doc: 'Last day, for an attack over several days.' },
    reported: {
      type: 'date',
      optional: true,
      month: true,
      doc: 'Date of the report, for successive counts (yyyy-mm where only the month is known); empty for a settled toll.',
    },
    killed: { type: 'number', integer: true, min: 0, doc: 'People killed (the lower figure where sources disagree).' },
    killed_high: { type: 'number', integer: true, min: 0, optional: true, doc: 'Higher figure, where sources disagree.' },
    killed_qualifier: { type: 'enum', values: QUALIFIERS, doc: 'How the figure was qualified: exact, at-least, more-than, about.' },
    injured: { type: 'number', integer: true, min: 0, optional: true, doc: 'People injured, where reported.' },
    injured_high: { type: 'number', integer: true, min: 0, optional: true, doc: 'Higher figure of injured, where sources disagree.' },
    injured_qualifier: { type: 'enum', values: QUALIFIERS, optional: true, doc: 'How the injured figure was qualified.' },
    note: { type: 'text', optional: true, doc: 'What the figure counts, or why sources differ.' },
    source: { type: 'text', doc: 'Who reported the figure, and where.' },
    confidence: { type: 'enum', values: ['C1', 'C2', 'disputed'], doc: 'C2: two or more independent sources agree; C1: one source; disputed: sources disagree.' },
  },
  checkRow(row) {
    if (row.killed_high !== null && row.killed_high < row.killed) return `killed_high ${row.killed_high} is below killed ${row.killed}`;
    if (row.injured_high !== null && (row.injured === null || row.injured_high < row.injured)) return 'injured_high needs an injured figure at or below it';
    if (row.injured !== null && row.injured_qualifier === null) return 'injured needs an injured_qualifier';
    if (row.attack_end !== null && row.attack_end < row.attack_date) return `attack_end ${row.attack_end} is before attack_date ${row.attack_date}`;
    if (row.reported !== null && row.reported < row.attack_date.slice(0, row.reported.length)) return `reported ${row.reported} is before the attack (${row.attack_date})`;
    return null;
  },
};
