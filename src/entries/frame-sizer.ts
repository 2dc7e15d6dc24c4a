/**
 * dist/embed/frame.js: sizes iframe embeds of Frontlines charts to their content. A page that embeds a chart as
 * an iframe adds this once, anywhere:
 *
 *   <iframe src="https://example.org/frontlines/embed.html?chart=timeline" data-frontlines-embed height="520"
 *     title="..." style="width: 100%; border: 0"></iframe>
 *   <script type="module" src="https://example.org/frontlines/embed/frame.js"></script>
 *
 * The chart page inside the frame (embed.html) posts `{ type: 'frontlines:height', id, height }` to its parent
 * when it loads and whenever its content changes size, in the manner of pym.js; this script sets the height of the
 * iframe the message came from. Without it the iframe keeps its `height` attribute, and the chart still shows.
 *
 * It only trusts what it can check: the message must come from the window of an iframe marked
 * `data-frontlines-embed` on this page, and the height must be a number of pixels in a sane range. Loading it
 * twice adds one listener, not two.
 */
import { HEIGHT_MESSAGE, MEASURE_MESSAGE, type HeightMessage } from '../embed-ui/messages.ts';

const SELECTOR = 'iframe[data-frontlines-embed]';
/** More than any chart with its data table open; a larger value is a mistake or mischief. */
const MAX_HEIGHT = 20_000;
const INSTALLED = Symbol.for('frontlines.embed.frames');

function embeds(): HTMLIFrameElement[] {
  return [...document.querySelectorAll<HTMLIFrameElement>(SELECTOR)];
}

function onMessage(event: MessageEvent): void {
  const data = event.data as Partial<HeightMessage> | null;
  if (!data || typeof data !== 'object' || data.type !== HEIGHT_MESSAGE) return;
  const height = typeof data.height === 'number' ? Math.ceil(data.height) : NaN;
  if (!Number.isFinite(height) || height <= 0 || height > MAX_HEIGHT) return;
  // The sender's window identifies the iframe; the id is there for pages that listen for themselves.
  const frame = embeds().find((candidate) => candidate.contentWindow !== null && candidate.contentWindow === event.source);
  if (frame && frame.style.height !== `${height}px`) frame.style.height = `${height}px`;
}

const host = window as unknown as Record<symbol, boolean>;
if (!host[INSTALLED]) {
  host[INSTALLED] = true;
  window.addEventListener('message', onMessage);
  // Frames that loaded before this script ran have posted their height already: ask again. Frames still loading
  // will post theirs when they load.
  for (const frame of embeds()) frame.contentWindow?.postMessage({ type: MEASURE_MESSAGE }, '*');
}
