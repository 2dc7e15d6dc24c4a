/**
 * Reads embed.html's query: which chart, with which attributes. Pure, so Node tests can check every bad query.
 */
import { listAllowed } from '../charts/shared/schema.ts';
import { EMBED_CHARTS, FRAME_PARAMETERS } from './charts.ts';

const MAX_HEIGHT = 5000;

/** The chart named by the query with its attributes, or a message saying what is wrong with the query. */
export function readQuery(params: URLSearchParams): { chart: string; attributes: [string, string][] } | { message: string } {
  const chart = params.get('chart');
  const names = Object.keys(EMBED_CHARTS);
  if (!chart) return { message: `Which chart? Add chart=${names.join(', chart=')} to the address.` };
  const known = EMBED_CHARTS[chart];
  if (!known) return { message: `There is no chart called "${chart}" (known: ${names.join(', ')}).` };
  const allowed = [...Object.keys(known.attributes), ...FRAME_PARAMETERS];
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
  return { chart, attributes };
}

