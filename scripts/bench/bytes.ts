/**
 * What the built site weighs, read from dist/ alone (deterministic, so CI can check it): raw and gzipped (zlib
 * level 9) sizes of the page's HTML, its initial JavaScript, its CSS, the JavaScript loaded later, the map's
 * geography and the embed bundle. Shared by the benchmark (scripts/bench.ts) and the budget test
 * (test/unit/budgets.test.ts).
 *
 * "Initial" JavaScript is what index.html loads before anything happens on the page: its module scripts, its
 * modulepreloads, and everything those import statically (followed through the chunks), and what the page's entry
 * script itself imports with `import()` (the story's entry fetches the page's code once the page has painted:
 * src/entries/boot.ts), with everything that imports statically. JavaScript reached only through other `import()`s (the
 * charts) is "lazy".
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseAst } from 'vite';

export interface FileBytes {
  /** Path relative to dist/, with forward slashes. */
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
}

export interface ByteGroup {
  readonly files: FileBytes[];
  readonly raw: number;
  readonly gzip: number;
}

export interface ByteReport {
  readonly html: ByteGroup;
  readonly initialJs: ByteGroup;
  readonly lazyJs: ByteGroup;
  /** Scripts and styles of the site's other pages (presenter view, embed page) that the story page never loads. */
  readonly otherPages: ByteGroup;
  /** The story page's stylesheets. */
  readonly css: ByteGroup;
  /** The map's geography (TopoJSON), fetched when the map nears the viewport. */
  readonly geography: ByteGroup;
  /** The self-hosted fonts (WOFF2, already compressed: their raw size is what travels), each loaded when text needs it. */
  readonly fonts: ByteGroup;
  /** dist/embed/*.js, or null when the embed bundle has not been built. */
  readonly embed: ByteGroup | null;
}

/** Gzipped size at zlib's best compression (what a well-configured static host sends). */
export function gzipSize(content: Buffer | string): number {
  return gzipSync(content, { level: 9 }).length;
}

function fileBytes(dist: string, file: string): FileBytes {
  const content = readFileSync(join(dist, file));
  return { file, raw: content.length, gzip: gzipSize(content) };
}

function group(files: FileBytes[]): ByteGroup {
  const sorted = [...files].sort((a, b) => b.gzip - a.gzip || a.file.localeCompare(b.file));
  return {
    files: sorted,
    raw: sorted.reduce((sum, file) => sum + file.raw, 0),
    gzip: sorted.reduce((sum, file) => sum + file.gzip, 0),
  };
}

/** Every file under dir, relative to it, with forward slashes. */
function walk(dir: string, root = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path, root) : [relative(root, path).split(sep).join('/')];
  });
}

/** Resolves a URL found in `from` (a dist-relative path) to a dist-relative path, or null if it leaves the site. */
function resolveLocal(from: string, url: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) return null;
  const clean = url.split(/[?#]/)[0]!;
  const resolved = clean.startsWith('/') ? clean.slice(1) : posix.join(posix.dirname(from), clean);
  return resolved.startsWith('..') ? null : posix.normalize(resolved);
}

/** The attribute values of every tag matching `tag` in the HTML whose attributes satisfy `accept`. */
function tagAttributes(html: string, tag: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const match of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))) {
    const attributes: Record<string, string> = {};
    for (const attribute of match[1]!.matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attributes[attribute[1]!.toLowerCase()] = attribute[2] ?? attribute[3] ?? attribute[4] ?? '';
    }
    found.push(attributes);
  }
  return found;
}

/** What an HTML page loads up front: its scripts and modulepreloads, and its stylesheets. */
export function htmlReferences(html: string, page = 'index.html'): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const script of tagAttributes(html, 'script')) {
    const path = script.src ? resolveLocal(page, script.src) : null;
    if (path) scripts.push(path);
  }
  for (const link of tagAttributes(html, 'link')) {
    const rel = (link.rel ?? '').toLowerCase().split(/\s+/);
    const path = link.href ? resolveLocal(page, link.href) : null;
    if (!path) continue;
    if (rel.includes('modulepreload')) scripts.push(path);
    else if (rel.includes('stylesheet')) styles.push(path);
  }
  return { scripts, styles };
}

interface ModuleImports {
  readonly static: string[];
  readonly dynamic: string[];
}

interface StringNode {
  type?: string;
  value?: unknown;
  expressions?: unknown[];
  quasis?: { value?: { cooked?: string | null } }[];
}

/** The string a node spells out: a string literal, or a template literal without expressions (`./chunk.js`). */
function stringValue(node: StringNode): string | null {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions?.length === 0) return node.quasis?.[0]?.value?.cooked ?? null;
  return null;
}

/** A built chunk's static imports (import/export ... from) and dynamic imports (import() with a string). */
export function chunkImports(code: string, file: string): ModuleImports {
  const found: ModuleImports = { static: [], dynamic: [] };
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const record = node as { type?: string; source?: StringNode };
    const literal = record.source ? stringValue(record.source) : null;
    if (literal && ['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration'].includes(record.type ?? '')) {
      const path = resolveLocal(file, literal);
      if (path) found.static.push(path);
    } else if (literal && record.type === 'ImportExpression') {
      const path = resolveLocal(file, literal);
      if (path) found.dynamic.push(path);
    }
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'source' && value && typeof value === 'object') visit(value);
    }
  };
  visit(parseAst(code).body);
  return found;
}

/** Initial chunks (the entries and their static imports, transitively) and lazy chunks (reached by import()). */
export function jsGraph(dist: string, entries: readonly string[]): { initial: string[]; lazy: string[] } {
  const initial = new Set<string>();
  const lazy = new Set<string>();
  const imports = new Map<string, ModuleImports>();
  const importsOf = (file: string): ModuleImports => {
    let found = imports.get(file);
    if (!found) {
      found = existsSync(join(dist, file)) ? chunkImports(readFileSync(join(dist, file), 'utf8'), file) : { static: [], dynamic: [] };
      imports.set(file, found);
    }
    return found;
  };
  const reach = (roots: Iterable<string>, into: Set<string>, dynamicFound: string[]): void => {
    const queue = [...roots];
    while (queue.length) {
      const file = queue.shift()!;
      if (into.has(file) || !file.endsWith('.js')) continue;
      into.add(file);
      const found = importsOf(file);
      queue.push(...found.static);
      dynamicFound.push(...found.dynamic);
    }
  };
  const dynamicRoots: string[] = [];
  reach(entries, initial, dynamicRoots);
  const pending = dynamicRoots.filter((file) => !initial.has(file));
  while (pending.length) {
    const more: string[] = [];
    const reached = new Set<string>();
    reach(pending.splice(0), reached, more);
    for (const file of reached) if (!initial.has(file)) lazy.add(file);
    pending.push(...more.filter((file) => !initial.has(file) && !lazy.has(file)));
  }
  return { initial: [...initial], lazy: [...lazy] };
}

/** Is this dist file the map's geography? TopoJSON under a geo/ folder or named *.topo*.json. */
export function isGeography(file: string): boolean {
  return /\.json$/i.test(file) && (/(^|\/)geo\//i.test(file) || /\.topo[^/]*\.json$/i.test(file));
}

/** Measures dist/ (the story page is dist/index.html). Throws when there is no build. */
export function measureBytes(dist = 'dist'): ByteReport {
  const indexPath = join(dist, 'index.html');
  if (!existsSync(indexPath)) throw new Error(`${indexPath} does not exist: build first (npx vite build)`);
  const html = readFileSync(indexPath, 'utf8');
  const { scripts, styles } = htmlReferences(html);
  const all = walk(dist);
  const inEmbed = (file: string): boolean => file.startsWith('embed/');
  const entries = tagAttributes(html, 'script').flatMap((script) => (script.src ? [resolveLocal('index.html', script.src)] : [])).filter((file): file is string => file !== null);
  const pageCode = entries.flatMap((file) => (existsSync(join(dist, file)) ? chunkImports(readFileSync(join(dist, file), 'utf8'), file).dynamic : []));
  const { initial, lazy } = jsGraph(dist, [...scripts, ...pageCode]);
  const otherJs = all.filter((file) => file.endsWith('.js') && !inEmbed(file) && !initial.includes(file) && !lazy.includes(file));
  const otherCss = all.filter((file) => file.endsWith('.css') && !inEmbed(file) && !styles.includes(file));
  const embedFiles = all.filter((file) => inEmbed(file) && file.endsWith('.js'));
  return {
    html: group([fileBytes(dist, 'index.html')]),
    initialJs: group(initial.filter((file) => existsSync(join(dist, file))).map((file) => fileBytes(dist, file))),
    lazyJs: group(lazy.filter((file) => existsSync(join(dist, file))).map((file) => fileBytes(dist, file))),
    otherPages: group([...otherJs, ...otherCss].map((file) => fileBytes(dist, file))),
    css: group(styles.filter((file) => existsSync(join(dist, file))).map((file) => fileBytes(dist, file))),
    geography: group(all.filter((file) => isGeography(file) && !inEmbed(file)).map((file) => fileBytes(dist, file))),
    fonts: group(all.filter((file) => /\.woff2?$/.test(file) && !inEmbed(file)).map((file) => fileBytes(dist, file))),
    embed: embedFiles.length ? group(embedFiles.map((file) => fileBytes(dist, file))) : null,
  };
}

/** "12.3 kB" (1 kB = 1000 bytes, as Vite and Lighthouse count). */
export function formatKb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/**
 * What a page that embeds with one entry of dist/embed/ loads: the entry and its static imports (the chunks it
 * shares with the other entries included), as one group; null when the entry is not built.
 */
export function embedEntryBytes(dist: string, entry: string): ByteGroup | null {
  const file = `embed/${entry}`;
  if (!existsSync(join(dist, file))) return null;
  const { initial } = jsGraph(dist, [file]);
  return group(initial.filter((path) => existsSync(join(dist, path))).map((path) => fileBytes(dist, path)));
}
