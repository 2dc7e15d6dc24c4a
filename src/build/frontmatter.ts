/**
 * Front matter: `key: value` lines between two `---` lines at the top of the story. Deliberately small (no YAML
 * library): the story needs six plain strings, and a plain parser can say which line is wrong.
 */
import type { Problem } from './errors.ts';
import type { StoryMeta } from '../types/story.ts';

const REQUIRED: readonly (keyof StoryMeta)[] = ['kicker', 'title', 'dek', 'byline', 'published', 'original'];
/** `author`: the author's name as credits print it (the byline may be set in capitals); `republished`: the title
 * the article was republished under elsewhere, for the credits. */
const OPTIONAL: readonly (keyof StoryMeta)[] = ['author', 'republished'];
const KEYS: readonly (keyof StoryMeta)[] = [...REQUIRED, ...OPTIONAL];

export interface FrontMatter {
  readonly meta: StoryMeta | null;
  /** The body with the front matter's lines blanked, so Markdown positions keep the file's line numbers. */
  readonly body: string;
  readonly problems: Problem[];
}

export function readFrontMatter(text: string, file: string): FrontMatter {
  const lines = text.split('\n');
  const problems: Problem[] = [];
  if (lines[0]?.trim() !== '---') {
    return { meta: null, body: text, problems: [{ file, line: 1, column: 1, message: `the story must start with front matter (--- then ${REQUIRED.join(', ')}, then ---)` }] };
  }
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end === -1) return { meta: null, body: text, problems: [{ file, line: 1, column: 1, message: 'the front matter has no closing ---' }] };
  const values: Partial<Record<keyof StoryMeta, string>> = {};
  for (let i = 1; i < end; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    const match = /^([a-z]+):\s*(.*)$/.exec(line);
    if (!match) {
      problems.push({ file, line: i + 1, column: 1, message: `expected "key: value" in the front matter, got "${line.trim()}"` });
      continue;
    }
    const key = match[1] as keyof StoryMeta;
    if (!KEYS.includes(key)) {
      problems.push({ file, line: i + 1, column: 1, message: `unknown front matter key "${key}" (allowed: ${KEYS.join(', ')})` });
      continue;
    }
    values[key] = unquote(match[2]!.trim());
  }
  for (const key of REQUIRED) {
    if (!values[key]) problems.push({ file, line: 1, column: 1, message: `the front matter needs ${key}` });
  }
  if (values.original && !/^https?:\/\//.test(values.original)) {
    problems.push({ file, line: lines.findIndex((l) => l.startsWith('original:')) + 1, column: 1, message: 'original must be an http(s) URL' });
  }
  if (values.original && /[?&](utm_|utm\b|fbclid|gclid)/.test(values.original)) {
    problems.push({ file, line: lines.findIndex((l) => l.startsWith('original:')) + 1, column: 1, message: 'original carries a tracking parameter: credit the article\u2019s own address' });
  }
  if (values.published && !/^\d{4}-\d{2}(-\d{2})?$/.test(values.published)) {
    problems.push({ file, line: lines.findIndex((l) => l.startsWith('published:')) + 1, column: 1, message: 'published must be yyyy-mm or yyyy-mm-dd' });
  }
  const body = lines.map((line, i) => (i <= end ? '' : line)).join('\n');
  return { meta: problems.length ? null : (values as StoryMeta), body, problems };
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}
