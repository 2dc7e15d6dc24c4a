/**
 * The charts' and the page's styles are Lit `css` templates in TypeScript, which the bundler keeps as they are
 * written: their comments (the why of each rule, for the next engineer) and indentation reached every reader, a
 * few hundred bytes gzipped in each chart's embed entry. This plugin takes them out of the built code, and nothing
 * else: the source keeps them, and the build-time drawings read the styles from the source.
 */
import type { Plugin } from 'vite';

/**
 * A `css` template's text with its comments removed and each run of white space made one space (none next to a
 * brace, semicolon or comma). Quoted strings are kept as written. A `${...}` expression inside the template is
 * kept whole.
 */
export function minifyCss(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end === -1) throw new Error(`an unclosed comment in a css template: "${text.slice(i, i + 40)}"`);
      i = end + 2;
      out = spaceAfter(out);
      continue;
    }
    if (c === '"' || c === "'") {
      const end = closingQuote(text, i);
      out += text.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (c === '$' && text[i + 1] === '{') {
      const end = closingBrace(text, i + 1);
      out += text.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (/\s/.test(c)) {
      while (i < text.length && /\s/.test(text[i]!)) i++;
      out = spaceAfter(out);
      continue;
    }
    if ('{};,'.includes(c)) out = out.trimEnd();
    out += c;
    i++;
  }
  return out.trim();
}

/** One space after `out`, unless it ends in one already, in nothing, or in a brace, semicolon or comma. */
function spaceAfter(out: string): string {
  return out === '' || / $|[{};,]$/.test(out) ? out : `${out} `;
}

function closingQuote(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  throw new Error(`an unclosed string in a css template: "${text.slice(open, open + 40)}"`);
}

function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`an unclosed \${...} in a css template: "${text.slice(open, open + 40)}"`);
}

/**
 * A `` css`...` `` template in a module's source; its text is the first group. A template whose expressions hold a
 * template literal of their own is not read whole; the charts' styles have none.
 */
export const CSS_TEMPLATE = /\bcss`((?:[^`\\]|\\.)*)`/g;

/** Each `css` template in a module's source, minified (minifyCss). */
export function minifyCssTemplates(source: string): string {
  return source.replace(CSS_TEMPLATE, (_whole, body: string) => `css\`${minifyCss(body)}\``);
}

/** The Vite plugin: every TypeScript module of src/ that has a `css` template, at build time only. */
export function cssTemplatesPlugin(): Plugin {
  return {
    name: 'frontlines-css-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      return { code: minifyCssTemplates(code), map: null };
    },
  };
}
