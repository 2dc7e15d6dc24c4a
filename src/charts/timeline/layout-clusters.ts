/** Dense runs of events on a long axis, drawn as one cluster with one label. */
import { MONTHS, SHORT_MONTHS } from '../shared/wording.ts';
import { DAY, dayMonth } from './layout-dates.ts';
import { type ClusterMark, type LabelMark, type PlacedEvent } from './layout-marks.ts';

/** Windows longer than this are "long": only there are dense runs of events drawn as clusters. */
export const CLUSTER_WINDOW = 3 * 365.25 * DAY;
/** A cluster has at least this many members... */
const CLUSTER_MIN = 3;
/** ...each less than half a year after the one before: on a long axis, half a year is a few pixels. */
export const CLUSTER_GAP = 183 * DAY;

export interface Cluster {
  readonly key: string;
  readonly members: readonly PlacedEvent[];
  readonly start: number;
  readonly end: number;
  readonly p0: number;
  readonly p1: number;
}

/** What a cluster's mark says of it in either orientation: which events it stands for, and where. */
export function clusterIdentity(c: Cluster): Pick<ClusterMark, 'key' | 'ids' | 'names' | 'start' | 'end' | 'p0' | 'p1'> {
  return { key: c.key, ids: c.members.map((g) => g.row.id), names: c.members.map((g) => g.row.label), start: c.start, end: c.end, p0: c.p0, p1: c.p1 };
}

/**
 * Runs of at least three events that are not emphasized, each less than half a year after the one before, in a
 * window longer than three years: those events are too close to label one by one and are labelled as a cluster. Emphasized events keep their own labels and leave any run they fall in. Zoomed
 * windows never cluster, so the story's close-up states are drawn event by event.
 */
export function findClusters(events: readonly PlacedEvent[], domain: readonly [number, number]): Cluster[] {
  if (domain[1] - domain[0] <= CLUSTER_WINDOW) return [];
  const candidates = events.filter((g) => g.emphasis !== 'emphasis' && g.shape === 'point').sort((a, b) => a.start - b.start);
  const runs: PlacedEvent[][] = [];
  for (const g of candidates) {
    const run = runs.at(-1);
    if (run && g.start - run.at(-1)!.start < CLUSTER_GAP) run.push(g);
    else runs.push([g]);
  }
  return runs
    .filter((run) => run.length >= CLUSTER_MIN)
    .map((run) => ({
      key: `cluster-${run[0]!.row.id}`,
      members: run,
      start: Math.min(...run.map((g) => g.start)),
      end: Math.max(...run.map((g) => g.end ?? g.start)),
      p0: Math.min(...run.map((g) => g.p0)),
      p1: Math.max(...run.map((g) => g.p0)),
    }));
}

/** "10 events, September 2023 to March 2024" and "10 events, Sep 2023 to Mar 2024"; within one month, its name once. */
export function clusterWords(cluster: Pick<Cluster, 'members' | 'start' | 'end'>): { full: string; short: string; date: string } {
  const a = new Date(cluster.start);
  const b = new Date(cluster.end);
  const month = (d: Date, names: readonly string[]) => `${names[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  const same = a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth();
  const span = (names: readonly string[]) => (same ? month(a, names) : `${month(a, names)} to ${month(b, names)}`);
  const count = `${cluster.members.length} events`;
  return {
    full: `${count}, ${span(MONTHS)}`,
    short: `${count}, ${span(SHORT_MONTHS)}`,
    date: same ? `${a.getUTCDate()}\u2013${dayMonth(cluster.end)} ${b.getUTCFullYear()}` : `${dayMonth(cluster.start)} ${a.getUTCFullYear()} \u2013 ${dayMonth(cluster.end)} ${b.getUTCFullYear()}`,
  };
}

/** The label of an event placed on its own, or of a cluster. */
type Labelled =
  | { readonly kind: 'event'; readonly g: PlacedEvent }
  | { readonly kind: 'cluster'; readonly c: Cluster };

/** What gets a label: each event outside a cluster, and each cluster, in time order. */
export function labelled(geometry: readonly PlacedEvent[], clusters: readonly Cluster[]): Labelled[] {
  const inCluster = new Set(clusters.flatMap((c) => c.members.map((g) => g.row.id)));
  const out: Labelled[] = [
    ...geometry.filter((g) => !inCluster.has(g.row.id)).map((g) => ({ kind: 'event' as const, g })),
    ...clusters.map((c) => ({ kind: 'cluster' as const, c })),
  ];
  const timeOf = (l: Labelled) => (l.kind === 'event' ? l.g.start : l.c.start);
  return out.sort((a, b) => timeOf(a) - timeOf(b));
}

/** Which cluster each clustered event is in. */
export function clusterOf(clusters: readonly Cluster[]): Map<string, string> {
  return new Map(clusters.flatMap((c) => c.members.map((g) => [g.row.id, c.key] as const)));
}

/** The label of an event in a cluster: none of its own, an empty box at its mark. */
export function silentLabel(x: number, y: number, fontSize: number): LabelMark {
  return { text: '', full: '', abbreviated: 'none', x, y, anchor: 'start', bold: false, fontSize, box: { x0: x, x1: x, y0: y, y1: y }, date: null };
}
