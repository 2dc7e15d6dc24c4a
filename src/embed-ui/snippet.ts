/**
 * What an embedder pastes: the snippet for a chart in a given state, as a custom element (the bundle's script tag
 * and the tag with its attributes) or as an iframe (embed.html with the state as query parameters, plus the
 * script that sizes it). Pure string building, so the story's Embed dialog, the docs and the tests agree.
 */
import { escapeHtml } from '../charts/shared/escape.ts';

/** The iframe's height before frame.js sizes it (or without frame.js): a chart at a typical column width. */
export const DEFAULT_FRAME_HEIGHT = 560;

export interface SnippetInput {
  /** Chart name (casualties, timeline, distance-map) and its element (fl-casualties, ...). */
  readonly chart: string;
  readonly tag: string;
  /** The chart's title (its registration's), for the iframe: an iframe needs one, for screen readers. */
  readonly title?: string;
  /** The chart's state: attribute name to value; empty values are left out, so the chart's defaults apply. */
  readonly state: Readonly<Record<string, string>>;
  /** Absolute URL of the folder the site is served from: embed/ and embed.html are found beside it. */
  readonly base: string;
  /** Distinguishes this iframe's height messages from another's on the same page. */
  readonly id?: string;
}

export interface Snippets {
  /** The bundle's script tag and the element. */
  readonly element: string;
  /** The iframe and the script that sizes it. */
  readonly iframe: string;
  /** embed.html?chart=...: the chart alone, on a page of its own. */
  readonly frameUrl: string;
}


export function snippets({ chart, tag, title = 'Frontlines chart', state, base, id }: SnippetInput): Snippets {
  const entries = Object.entries(state).filter(([, value]) => value.trim() !== '');
  const bundle = new URL('embed/frontlines.js', base).href;
  const frameScript = new URL('embed/frame.js', base).href;
  const attributes = entries.map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join('');
  const element = `<script type="module" src="${escapeHtml(bundle)}"></script>\n<${tag}${attributes}></${tag}>`;

  const query = new URLSearchParams({ chart });
  for (const [name, value] of entries) query.set(name, value);
  if (id) query.set('id', id);
  // %20 rather than +: both mean a space, but %20 reads the same to every URL parser.
  const frameUrl = new URL(`embed.html?${query.toString().replace(/\+/g, '%20')}`, base).href;
  const iframe =
    `<iframe src="${escapeHtml(frameUrl)}" title="${escapeHtml(title)}" width="100%" height="${DEFAULT_FRAME_HEIGHT}"` +
    ` style="width: 100%; border: 0" loading="lazy" data-frontlines-embed></iframe>\n` +
    `<script type="module" src="${escapeHtml(frameScript)}"></script>`;
  return { element, iframe, frameUrl };
}
