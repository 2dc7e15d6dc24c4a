/**
 * The build's minifying of Lit `css` templates (src/build/css-templates.ts): comments and runs of white space go,
 * and nothing that changes what a rule means. Each chart's own styles, minified, keep every rule and declaration,
 * inside at-rules too (read by `rules` below: the drawings' reader in src/drawings/svg-style.ts drops at-rules).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CSS_TEMPLATE, minifyCss, minifyCssTemplates } from '../../src/build/css-templates.ts';

test('comments go, and white space becomes one space, none beside a brace, semicolon or comma', () => {
  const css = `
    /* Why the frame is contained. */
    .frame {
      position: relative;   /* for the plot */
      inset: 2.5rem 0 1.5rem;
    }
    .a,
    .b > .c {
      color: red;
    }`;
  assert.equal(minifyCss(css), '.frame{position: relative;inset: 2.5rem 0 1.5rem;}.a,.b > .c{color: red;}');
});

test('a descendant combinator, a calc() and a quoted string keep their spaces', () => {
  assert.equal(minifyCss('.x   :focus-visible { width: calc(100%  -  2px); }'), '.x :focus-visible{width: calc(100% - 2px);}');
  assert.equal(minifyCss(`.q::before { content: "a  /* not a comment */  b"; font-family: 'Source Sans 3', sans-serif; }`), `.q::before{content: "a  /* not a comment */  b";font-family: 'Source Sans 3',sans-serif;}`);
  assert.equal(minifyCss(`[data-geography='failed'] > .sea { fill: var(--_land); }`), `[data-geography='failed'] > .sea{fill: var(--_land);}`);
  assert.equal(minifyCss(`.r::after { content: "a, b; {c}"; }`), `.r::after{content: "a, b; {c}";}`);
});

test('an expression in the template is kept whole', () => {
  assert.equal(minifyCss('.a { color: ${unsafeCSS( "x" )}; }'), '.a{color: ${unsafeCSS( "x" )};}');
});

test('an unclosed comment or string names itself', () => {
  assert.throws(() => minifyCss('.a { color: red; /* open'), /an unclosed comment in a css template: "\/\* open"/);
  assert.throws(() => minifyCss(`.a::before { content: 'open }`), /an unclosed string in a css template/);
});

test('a module: only its css templates change', () => {
  const source = "const note = `keep  /* this */  text`;\nexport const styles = css`\n  .a {\n    color: red; /* why */\n  }\n`;\n";
  assert.equal(minifyCssTemplates(source), "const note = `keep  /* this */  text`;\nexport const styles = css`.a{color: red;}`;\n");
});

test('every chart style sheet, minified, has the same rules, each with the same declarations', () => {
  const files = ['src/charts/shared/theme.ts', 'src/charts/shared/forced-colors.ts', 'src/charts/casualties/casualties.styles.ts', 'src/charts/timeline/timeline.styles.ts', 'src/charts/distance-map/distance-map.styles.ts'];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const bodies = [...source.matchAll(CSS_TEMPLATE)].map((match) => match[1]!);
    assert.ok(bodies.length > 0, `${file} has a css template`);
    for (const body of bodies) assert.deepEqual(rules(minifyCss(body)), rules(withoutComments(body)), file);
  }
});

/** A style sheet's rules as [selector, declarations] pairs, white space normalised: what a browser would read. */
function rules(css: string): [string, string[]][] {
  const out: [string, string[]][] = [];
  const stack: string[] = [];
  let buffer = '';
  for (const c of css) {
    if (c === '{') {
      stack.push(normal(buffer));
      buffer = '';
    } else if (c === '}') {
      const declarations = buffer.split(';').map(normal).filter(Boolean);
      if (declarations.length) out.push([stack.join(' / '), declarations]);
      stack.pop();
      buffer = '';
    } else buffer += c;
  }
  return out;
}

const normal = (text: string) => text.replace(/\s+/g, ' ').replace(/\s*([,>+~])\s*/g, '$1').trim();
const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, ' ');
