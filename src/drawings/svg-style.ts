/**
 * The stylesheet a drawing made at build time carries: the charts' own styles (the same `css` the elements put in
 * their shadow roots), turned into plain CSS a standalone SVG can use. Inside a chart the marks' colours are theme
 * tokens (`var(--_ink)`, `light-dark(...)`) set on `:host`; a drawing has no host and may be read by a renderer
 * without custom properties (resvg), so every token is replaced by its value, light by default and dark under
 * `prefers-color-scheme: dark` (which a browser applies to an SVG image as it does to the page).
 */
import type { CSSResult } from 'lit';

export type Scheme = 'light' | 'dark';

/** Splits `a, b` at top-level commas (not inside parentheses). */
function splitArgs(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

/** Replaces each `name(args)` call in `text` by `replace(args)`, innermost first where calls nest. */
function replaceCalls(text: string, name: string, replace: (args: string[]) => string): string {
  for (;;) {
    const at = text.lastIndexOf(`${name}(`);
    if (at < 0) return text;
    let depth = 0;
    let end = at + name.length;
    for (; end < text.length; end++) {
      if (text[end] === '(') depth++;
      else if (text[end] === ')' && --depth === 0) break;
    }
    text = text.slice(0, at) + replace(splitArgs(text.slice(at + name.length + 1, end))) + text.slice(end + 1);
  }
}

/** Removes at-rule blocks (`@container`, `@media`), which only size the chart's frame or restyle for forced colours. */
function stripAtRules(css: string): string {
  let out = '';
  let i = 0;
  while (i < css.length) {
    const at = css.indexOf('@', i);
    if (at < 0) break;
    out += css.slice(i, at);
    let depth = 0;
    let j = css.indexOf('{', at);
    for (; j < css.length; j++) {
      if (css[j] === '{') depth++;
      else if (css[j] === '}' && --depth === 0) break;
    }
    i = j + 1;
  }
  return out + css.slice(i);
}

interface Rule {
  readonly selector: string;
  readonly body: string;
}

function rulesOf(css: string): Rule[] {
  const rules: Rule[] = [];
  const plain = stripAtRules(css.replace(/\/\*[\s\S]*?\*\//g, ''));
  for (const match of plain.matchAll(/([^{}]+)\{([^{}]*)\}/g)) rules.push({ selector: match[1]!.trim(), body: match[2]!.trim() });
  return rules;
}

/** Selectors of the chart's box, caption and table: nothing a drawing contains. */
const NOT_IN_A_DRAWING = /(^|[\s,])(figure|figcaption|table|caption|th|td|details|summary|a|button)\b|\.(frame|message|description|source|sr-only)\b/;

/**
 * Plain CSS for a drawing in one colour scheme: the tokens the charts' `:host` rules define, resolved, and every
 * rule about marks with its tokens replaced by their values.
 */
export function drawingCss(styles: readonly CSSResult[], scheme: Scheme, scope = ''): string {
  const rules = styles.flatMap((style) => rulesOf(style.cssText));
  const tokens = new Map<string, string>();
  const resolve = (value: string): string => {
    let out = replaceCalls(value, 'light-dark', ([light, dark]) => (scheme === 'light' ? light! : dark!));
    // `var(--_x)`: a token; `var(--fl-x, fallback)`: a page's override, which a drawing does not have.
    out = replaceCalls(out, 'var', ([name, ...rest]) => {
      const fallback = rest.join(', ');
      return name!.startsWith('--_') ? (tokens.get(name!) ?? fallback) : fallback;
    });
    // `rgb(r g b / a)` as `rgba(r, g, b, a)`: the same colour, in the syntax every SVG renderer reads (resvg too).
    out = out.replace(/rgb\((\d+) (\d+) (\d+) \/ ([\d.]+)\)/g, 'rgba($1, $2, $3, $4)');
    return out;
  };
  for (const rule of rules) {
    if (rule.selector !== ':host') continue;
    for (const declaration of rule.body.split(';')) {
      const colon = declaration.indexOf(':');
      const name = declaration.slice(0, colon).trim();
      if (name.startsWith('--_')) tokens.set(name, resolve(declaration.slice(colon + 1).trim()));
    }
  }
  const out: string[] = [];
  for (const rule of rules) {
    if (rule.selector.includes(':host') || NOT_IN_A_DRAWING.test(rule.selector)) continue;
    const body = rule.body
      .split(';')
      .map((declaration) => declaration.trim())
      .filter((declaration) => declaration && !declaration.startsWith('--'))
      // The plot's placement in its frame is the element's business; a drawing is its own box.
      .filter((declaration) => !/^(position|inset|width|height)\s*:/.test(declaration))
      .map((declaration) => resolve(declaration))
      .join(';');
    // In a page, the rules apply to drawings of this chart only: `svg x` becomes `svg.scope x`, `.x` `svg.scope .x`.
    const selector = scope
      ? rule.selector
          .split(',')
          .map((one) => one.trim())
          .map((one) => (/^svg\b/.test(one) ? one.replace(/^svg/, `svg${scope}`) : `svg${scope} ${one}`))
          .join(',')
      : rule.selector;
    if (body) out.push(`${selector}{${body}}`);
  }
  return out.join('');
}

/** The paper colour of a scheme (the map's sea and the cards' background sit on it). */
export function paperColour(styles: readonly CSSResult[], scheme: Scheme): string {
  const host = styles.flatMap((style) => rulesOf(style.cssText)).find((rule) => rule.selector === ':host' && rule.body.includes('--_paper'));
  const match = /--_paper:\s*var\(--fl-paper,\s*light-dark\(([^,]+),\s*([^)]+)\)\)/.exec(host?.body ?? '');
  return (scheme === 'light' ? match?.[1] : match?.[2])?.trim() ?? (scheme === 'light' ? '#ffffff' : '#121212');
}
