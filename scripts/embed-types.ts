/**
 * Finishes the embed's TypeScript declarations after `tsc -p tsconfig.embed.json` has written them to
 * dist/embed/types/ (run by `npm run build`):
 * - relative imports keep the `.ts` extension the sources use; a consumer's compiler looks for `.js`, so they
 *   are rewritten (`./schema.ts` -> `./schema.js`, which TypeScript maps to `./schema.d.ts`);
 * - side-effect imports (`import 'd3-transition'`) say nothing about types, and would ask a consumer to install
 *   the module: they are dropped;
 * - dist/embed/frontlines.d.ts, beside frontlines.js, re-exports the entry, so `import ... from './frontlines.js'`
 *   and the HTMLElementTagNameMap entries (`document.querySelector('fl-timeline')` is an FlTimeline) type-check.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const EMBED = 'dist/embed';
const TYPES = join(EMBED, 'types');

function declarationFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? declarationFiles(path) : path.endsWith('.d.ts') ? [path] : [];
  });
}

export function rewriteDeclaration(text: string): string {
  return text
    .replace(/^import ['"][^'"]+['"];\n/gm, '')
    .replace(/((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]+)\.ts(['"])/g, '$1$2.js$3');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(join(TYPES, 'entries', 'embed.d.ts'))) {
    console.error(`${TYPES}/entries/embed.d.ts is missing: run tsc -p tsconfig.embed.json first`);
    process.exit(1);
  }
  const files = declarationFiles(TYPES);
  for (const file of files) writeFileSync(file, rewriteDeclaration(readFileSync(file, 'utf8')));
  writeFileSync(
    join(EMBED, 'frontlines.d.ts'),
    [
      '// Types of frontlines.js: the chart elements (FlCasualties, FlTimeline, FlDistanceMap), their row types',
      "// and the tag names (document.querySelector('fl-timeline') is an FlTimeline). The classes extend Lit's",
      "// LitElement: install `lit` where these types are read for the complete picture.",
      "export * from './types/entries/embed.js';",
      '',
    ].join('\n'),
  );
  console.log(`${EMBED}/frontlines.d.ts and ${files.length} declaration files in ${TYPES}`);
}
