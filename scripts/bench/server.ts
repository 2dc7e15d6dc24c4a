/**
 * A static file server for dist/ on 127.0.0.1 (any free port) that compresses as a static host does: brotli when
 * the browser accepts it, else gzip, for text types (HTML, JS, CSS, JSON, CSV, SVG), each file compressed once.
 * What a page loads as it opens (the pages at the top, assets/, the style sheets) is compressed before the server
 * listens, as a static host serves files compressed ahead of time: compressing on the first request held up
 * whichever page the bench loaded first (brotli at quality 11 takes a while on a busy machine), and Lighthouse
 * takes a slow response for a slow server and lengthens every request it simulates. The rest (the drawings, share
 * pages and embed bundle: megabytes) is compressed when first asked for.
 * Extra pages can be served from memory (the reference pages).
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;
const compressed = new Map<string, Buffer>();

/** The body as the browser asked for it, and its content-encoding (none for binary types). */
function encode(key: string, type: string, body: Buffer | string, accept: string): { body: Buffer | string; encoding?: string } {
  if (!COMPRESSIBLE.test(type)) return { body };
  const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : undefined;
  if (!encoding) return { body };
  const cacheKey = `${encoding}:${key}`;
  let out = compressed.get(cacheKey);
  if (!out) {
    out =
      encoding === 'br'
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        : gzipSync(body, { level: 9 });
    compressed.set(cacheKey, out);
  }
  return { body: out, encoding };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** Every file under root, recursively. */
function filesUnder(root: string): string[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(root, entry.name)) : [join(root, entry.name)],
  );
}

export async function serveStatic(root: string, extraPages: Record<string, string> = {}): Promise<StaticServer> {
  const opening = (file: string): boolean => {
    const path = relative(root, file);
    return !path.includes(sep) || path.startsWith(`assets${sep}`) || path.endsWith('.css');
  };
  for (const file of filesUnder(root).filter(opening)) {
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const body = readFileSync(file);
    for (const accept of ['br', 'gzip']) encode(normalize(file), type, body, accept);
  }
  for (const [pathname, html] of Object.entries(extraPages)) {
    for (const accept of ['br', 'gzip']) encode(`${root}:${pathname}`, CONTENT_TYPES['.html']!, html, accept);
  }
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const send = (status: number, type: string, raw: Buffer | string, key = ''): void => {
      const { body, encoding } = status === 200 ? encode(key, type, raw, String(request.headers['accept-encoding'] ?? '')) : { body: raw };
      response.writeHead(status, {
        'content-type': type,
        'content-length': Buffer.byteLength(body),
        'cache-control': 'no-cache',
        vary: 'accept-encoding',
        ...(encoding ? { 'content-encoding': encoding } : {}),
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    const extra = extraPages[pathname];
    if (extra !== undefined) return send(200, CONTENT_TYPES['.html']!, extra, `${root}:${pathname}`);
    let file = normalize(join(root, pathname));
    if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) return send(403, 'text/plain', 'forbidden');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return send(404, 'text/plain', 'not found');
    send(200, CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', readFileSync(file), file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The no-JavaScript floor: the same page with every script and modulepreload removed (styles kept). */
export function referencePage(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>\s*/gi, '')
    .replace(/<link\b[^>]*\brel\s*=\s*["']?modulepreload["']?[^>]*>\s*/gi, '');
}
