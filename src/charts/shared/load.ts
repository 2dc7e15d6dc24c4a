/** Loads a chart's `src`: CSV or JSON, with a time limit and messages a reader can act on. */

export const LOAD_TIMEOUT_MS = 10_000;

export class LoadError extends Error {
  constructor(message: string, readonly detail: string) {
    super(message);
  }
}

export async function loadText(src: string, timeoutMs = LOAD_TIMEOUT_MS): Promise<{ text: string; kind: 'csv' | 'json' }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: Response;
  try {
    response = await fetch(src, { signal: controller.signal, credentials: 'same-origin' });
  } catch (error) {
    clearTimeout(timer);
    if (controller.signal.aborted) {
      throw new LoadError(`The data at ${src} did not arrive within ${timeoutMs / 1000} seconds.`, `timeout: ${src}`);
    }
    // fetch rejects with a bare TypeError for network failures and CORS refusals alike.
    throw new LoadError(`The data at ${src} could not be loaded (network error, or the server does not allow this page to read it).`, String(error));
  }
  try {
    if (!response.ok) {
      throw new LoadError(`The data at ${src} could not be loaded (HTTP ${response.status}).`, `${response.status} ${response.statusText}: ${src}`);
    }
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    const path = new URL(src, location.href).pathname.toLowerCase();
    if (type.includes('json') || path.endsWith('.json')) return { text, kind: 'json' };
    if (type.includes('csv') || path.endsWith('.csv') || type.startsWith('text/plain')) return { text, kind: 'csv' };
    throw new LoadError(`The data at ${src} is neither CSV nor JSON (it is ${type || 'of no declared type'}).`, `content-type ${type}: ${src}`);
  } catch (error) {
    if (controller.signal.aborted) {
      throw new LoadError(`The data at ${src} did not arrive within ${timeoutMs / 1000} seconds.`, `timeout: ${src}`);
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
