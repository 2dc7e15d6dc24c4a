/**
 * A chart's state schema: the attributes a chart accepts and the values each may take.
 *
 * One schema serves three checks: the story build validates every step against it (so a typo fails the build
 * with file:line), an embedded chart validates its attributes at run time (so a typo shows a message in the
 * chart's box), and the docs list it. Keep this module free of DOM and Lit so Node can import it.
 */

export type AttributeSpec =
  | { readonly type: 'enum'; readonly values: readonly string[]; readonly default: string; readonly doc: string }
  | { readonly type: 'date'; readonly default: string; readonly doc: string }
  | {
      /** Space-separated ids of rows in the chart's dataset (its `id` column), plus any `extra` names. */
      readonly type: 'ids';
      readonly min: number;
      readonly max: number;
      readonly extra?: readonly string[];
      readonly default: string;
      /** What one id names, for messages: "place", "event". */
      readonly noun: string;
      readonly doc: string;
    };

export interface ChartSchema {
  /** The name a story step uses: `chart=casualties`. */
  readonly name: string;
  /** The custom element that draws it. */
  readonly tag: string;
  readonly attributes: Readonly<Record<string, AttributeSpec>>;
  /** Constraints between attributes (a window that ends before it starts); returns a message or null. */
  readonly check?: (state: Readonly<Record<string, string>>) => Problem | null;
}

export interface Problem {
  readonly attribute: string;
  readonly message: string;
}

export type ChartState = Record<string, string>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written yyyy-mm-dd (rejects 2024-02-30). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Lists at most `limit` names, so a message about a 300-row dataset stays one line. */
export function listAllowed(values: readonly string[], limit = 12): string {
  const shown = values.slice(0, limit).join(', ');
  return values.length > limit ? `${shown}, ... ${values.length - limit} more` : shown;
}

/** Splits an ids attribute ("kstovo border") into its ids. */
export function splitIds(value: string): string[] {
  return value.trim().split(/\s+/).filter(Boolean);
}

/**
 * Checks a state against a schema. `knownIds` are the ids of the chart's dataset, for `ids` attributes.
 * Unknown attributes are reported too: a misspelt attribute name would otherwise be silently ignored.
 */
export function validateState(
  schema: ChartSchema,
  state: Readonly<Record<string, string>>,
  knownIds: readonly string[],
): Problem[] {
  const problems: Problem[] = [];
  const names = Object.keys(schema.attributes);
  for (const [attribute, value] of Object.entries(state)) {
    const spec = schema.attributes[attribute];
    if (!spec) {
      problems.push({
        attribute,
        message: `unknown attribute "${attribute}" for chart ${schema.name} (allowed: ${listAllowed(names)})`,
      });
      continue;
    }
    const problem = checkValue(attribute, spec, value, knownIds);
    if (problem) problems.push(problem);
  }
  if (problems.length === 0 && schema.check) {
    const problem = schema.check(resolveState(schema, state));
    if (problem) problems.push(problem);
  }
  return problems;
}

function checkValue(attribute: string, spec: AttributeSpec, value: string, knownIds: readonly string[]): Problem | null {
  switch (spec.type) {
    case 'enum':
      return spec.values.includes(value)
        ? null
        : { attribute, message: `${attribute} "${value}" is not allowed (allowed: ${listAllowed(spec.values)})` };
    case 'date':
      return isIsoDate(value)
        ? null
        : { attribute, message: `${attribute} "${value}" is not a date (write yyyy-mm-dd, e.g. 2024-03-22)` };
    case 'ids': {
      const ids = splitIds(value);
      const allowed = [...knownIds, ...(spec.extra ?? [])];
      for (const id of ids) {
        if (!allowed.includes(id)) {
          return { attribute, message: `unknown ${spec.noun} "${id}" in ${attribute} (known: ${listAllowed(allowed)})` };
        }
      }
      if (ids.length < spec.min || ids.length > spec.max) {
        const count = spec.min === spec.max ? `${spec.min}` : `${spec.min} to ${spec.max}`;
        return { attribute, message: `${attribute} takes ${count} ${spec.noun} ids, got ${ids.length} ("${value}")` };
      }
      return null;
    }
  }
}

/** The full state: every attribute of the schema, the given value or its default. */
export function resolveState(schema: ChartSchema, state: Readonly<Record<string, string>>): ChartState {
  const resolved: ChartState = {};
  for (const [name, spec] of Object.entries(schema.attributes)) resolved[name] = state[name] ?? spec.default;
  return resolved;
}
