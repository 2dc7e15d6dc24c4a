/**
 * Reads embed.html's query: which chart, with which attributes. Pure (the charts it knows are passed in: the
 * built story's chart list), so it pulls no chart code into the frame page's first script.
 */
import { listAllowed } from '../charts/shared/schema.ts';

/** Query parameters of embed.html besides the chart's state attributes. */
export const FRAME_PARAMETERS = ['chart', 'id', 'theme', 'height', 'src'] as const;

const MAX_HEIGHT = 5000;

export interface FrameChart {
  readonly tag: string;
  /** The chart's state attributes. */
  readonly attributes: readonly string[];
}

/** The chart named by the query with its attributes, or a message saying what is wrong with the query. */
export function readQuery(
  params: URLSearchParams,
  charts: Readonly<Record<string, FrameChart>>,
): { chart: string; tag: string; attributes: [string, string][] } | { message: string } {
  const chart = params.get('chart');
  const names = Object.keys(charts);
  if (!chart) return { message: `Which chart? Add chart=${names.join(', chart=')} to the address.` };
  const known = Object.hasOwn(charts, chart) ? charts[chart] : undefined;
  if (!known) return { message: `There is no chart called "${chart}" (known: ${names.join(', ')}).` };
  const allowed = [...known.attributes, ...FRAME_PARAMETERS];
  const attributes: [string, string][] = [];
  for (const [name, value] of params) {
    if (!allowed.includes(name)) return { message: `The ${chart} chart has no parameter "${name}" (allowed: ${listAllowed(allowed)}).` };
    if (params.getAll(name).length > 1) return { message: `The parameter "${name}" is given more than once.` };
    if (name === 'theme' && value !== 'light' && value !== 'dark') return { message: `theme "${value}" is not allowed (allowed: light, dark).` };
    if (name === 'height' && !(/^\d+$/.test(value) && Number(value) >= 50 && Number(value) <= MAX_HEIGHT)) {
      return { message: `height "${value}" is not a height in pixels (50 to ${MAX_HEIGHT}).` };
    }
    if (name !== 'chart' && name !== 'id') attributes.push([name, value]);
  }
  return { chart, tag: known.tag, attributes };
}
