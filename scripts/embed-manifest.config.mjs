/**
 * Configuration of @custom-elements-manifest/analyzer for dist/embed/custom-elements.json, the machine-readable
 * description of the embed's elements (editors, Storybook and linters read it). Run by `npm run build`:
 * `cem analyze --config scripts/embed-manifest.config.mjs`.
 *
 * Two things the analyzer cannot see by itself, taught here by a small plugin (which also keeps the manifest to
 * the element modules and their public members):
 * - the charts register themselves through the project's `define(tag, Class)` helper (it tolerates a second
 *   definition), not `customElements.define`, so their tag names come from those calls;
 * - the theme's custom properties are declared once, on the shared style sheets (`themeTokens` in
 *   src/charts/shared/theme.ts, each chart's `<chart>.styles.ts`), not on each element's class.
 */
export default {
  globs: ['src/charts/**/*.ts'],
  outdir: 'dist/embed',
  litelement: true,
  // The manifest ships with the embed; the (private) package.json does not point to it.
  packagejson: false,
  plugins: [frontlinesCharts()],
};

function frontlinesCharts() {
  /** module path -> css properties declared with @cssproperty on its style sheets */
  const sheetProperties = new Map();
  /** module path -> [{ tag, className }] from define('fl-x', FlX) */
  const definitions = new Map();

  const modulePath = (moduleDoc) => moduleDoc.path.replace(/^\//, '');

  return {
    name: 'frontlines-charts',
    analyzePhase({ ts, node, moduleDoc }) {
      const path = modulePath(moduleDoc);
      // `export const themeTokens = css`...`` with `@cssproperty --name - description` in its comment.
      if (ts.isVariableStatement(node)) {
        for (const doc of node.jsDoc ?? []) {
          for (const tag of doc.tags ?? []) {
            if (tag.tagName.getText() !== 'cssproperty') continue;
            const text = typeof tag.comment === 'string' ? tag.comment : (tag.comment ?? []).map((part) => part.text).join('');
            const match = /^\s*(--[\w-]+)\s*-?\s*(.*)$/s.exec(text);
            if (!match) continue;
            const list = sheetProperties.get(path) ?? [];
            list.push({ name: match[1], description: match[2].trim() });
            sheetProperties.set(path, list);
          }
        }
      }
      // define('fl-timeline', FlTimeline), or define(CASUALTIES_TAG, FlCasualties) with a const of the module.
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'define' && node.arguments.length === 2) {
        const [tagArg, classArg] = node.arguments;
        if (!ts.isIdentifier(classArg)) return;
        let tag = ts.isStringLiteralLike(tagArg) ? tagArg.text : null;
        if (!tag && ts.isIdentifier(tagArg)) tag = constantString(ts, node.getSourceFile(), tagArg.text);
        if (!tag) return;
        const list = definitions.get(path) ?? [];
        list.push({ tag, className: classArg.text });
        definitions.set(path, list);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const themeProperties = sheetProperties.get('src/charts/shared/theme.ts') ?? [];
      for (const moduleDoc of customElementsManifest.modules) {
        const path = modulePath(moduleDoc);
        // The helper's own `customElements.define(tag, element)` reads as a definition of an element named "tag".
        moduleDoc.exports = moduleDoc.exports?.filter(
          (e) => e.kind !== 'custom-element-definition' || moduleDoc.declarations?.some((d) => d.name === e.declaration.name),
        );
        for (const { tag, className } of definitions.get(path) ?? []) {
          const declaration = moduleDoc.declarations?.find((d) => d.name === className);
          if (!declaration) continue;
          declaration.tagName = tag;
          declaration.customElement = true;
          moduleDoc.exports ??= [];
          if (!moduleDoc.exports.some((e) => e.kind === 'custom-element-definition' && e.name === tag)) {
            moduleDoc.exports.push({ kind: 'custom-element-definition', name: tag, declaration: { name: className, module: moduleDoc.path } });
          }
          // The shared tokens, then the chart's own style sheet (src/charts/<chart>/<chart>.styles.ts), then what the
          // class itself documents: a later description of the same property wins (the map's own --fl-aspect).
          const own = sheetProperties.get(path.replace(/\.ts$/, '.styles.ts')) ?? [];
          const merged = new Map();
          for (const property of [...themeProperties, ...own, ...(declaration.cssProperties ?? [])]) merged.set(property.name, property);
          declaration.cssProperties = [...merged.values()];
        }
      }
      // Only the modules that declare elements (the charts and their base class): layouts, schemas and style
      // sheets are internals, and would make the manifest ten times the size.
      customElementsManifest.modules = customElementsManifest.modules.filter((moduleDoc) =>
        moduleDoc.declarations?.some((declaration) => declaration.customElement),
      );
      // A page that embeds a chart uses its public members; private and protected ones are how it draws.
      for (const moduleDoc of customElementsManifest.modules) {
        for (const declaration of moduleDoc.declarations ?? []) {
          if (declaration.members) declaration.members = declaration.members.filter((member) => !member.privacy || member.privacy === 'public');
        }
      }
    },
  };
}

/** The value of `const NAME = 'text'` at the top level of a source file, or null. */
function constantString(ts, sourceFile, name) {
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === name && declaration.initializer && ts.isStringLiteralLike(declaration.initializer)) {
        return declaration.initializer.text;
      }
    }
  }
  return null;
}
