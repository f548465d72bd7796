import { ResolvedDefinition, indexName } from '../port/collection.definition';
import { Filter, IndexDefinition } from '../port/document-store.port';
import {
  FieldConstraint,
  KeyScalar,
  RangeCondition,
  constraintsOf,
  fieldNamesOf,
} from './filter-constraints';

/** Documents by id: the filter names the id (or a list of ids). */
export interface IdPlan {
  readonly kind: 'ids';
  readonly ids: string[];
}
/**
 * Documents whose entries in `index` equal one of `equalities[i]` in each of the first fields,
 * and (where the adapter can use them) lie in `ranges` on the field after those.
 */
export interface IndexPlan {
  readonly kind: 'index';
  readonly index: IndexDefinition;
  readonly name: string;
  readonly equalities: KeyScalar[][];
  readonly ranges: RangeCondition[];
}
/** Every document: nothing in the filter narrows through a declared index. */
export interface ScanPlan {
  readonly kind: 'scan';
  /** The fields the filter names, for the scan report. */
  readonly fields: string[];
}
export type QueryPlan = IdPlan | IndexPlan | ScanPlan;

export interface PlannerOptions {
  /** Whether the adapter narrows by ranges (SQLite) or by equalities only (memory). */
  readonly ranges: boolean;
}

/** Lookups one plan may make (the product of its `$in` lists); a longer prefix is cut. */
export const MAX_LOOKUPS = 100;

function planIndex(
  index: IndexDefinition,
  constraints: Map<string, FieldConstraint>,
  options: PlannerOptions,
): IndexPlan | undefined {
  const fields = Object.keys(index.fields);
  const equalities: KeyScalar[][] = [];
  let lookups = 1;
  for (const field of fields) {
    const values = constraints.get(field)?.values;
    if (values === undefined || lookups * Math.max(1, values.length) > MAX_LOOKUPS) break;
    equalities.push(values);
    lookups *= Math.max(1, values.length);
  }
  const next = fields[equalities.length];
  const ranges = options.ranges && next !== undefined ? (constraints.get(next)?.ranges ?? []) : [];
  if (equalities.length === 0 && ranges.length === 0) return undefined;
  // A sparse index lacks the documents missing every field: only a condition that a missing
  // field cannot meet (an equality without null, or a range) may use it.
  const needsPresent = ranges.length > 0 || equalities.some((values) => !values.includes(null));
  if (index.sparse && !needsPresent) return undefined;
  return { kind: 'index', index, name: indexName(index), equalities, ranges };
}

/** Longest equality prefix, then a usable range, then unique, then fewest lookups. */
function score(plan: IndexPlan): number[] {
  const lookups = plan.equalities.reduce((n, values) => n * Math.max(1, values.length), 1);
  return [
    plan.equalities.length,
    plan.ranges.length > 0 ? 1 : 0,
    plan.index.unique ? 1 : 0,
    -lookups,
  ];
}

function better(a: IndexPlan, b: IndexPlan | undefined): boolean {
  if (b === undefined) return true;
  const [sa, sb] = [score(a), score(b)];
  const differs = sa.findIndex((value, i) => value !== sb[i]);
  return differs !== -1 && sa[differs] > sb[differs];
}

/**
 * Chooses how to find the candidates of a filter: by id, by the declared index with the longest
 * usable equality prefix, or by scanning. Candidates are a SUPERSET of the matches: the adapter
 * still evaluates the whole filter (and sort, skip, limit, projection) on them, so results do
 * not depend on the plan.
 */
export function planQuery(
  filter: Filter,
  definition: ResolvedDefinition,
  options: PlannerOptions,
): QueryPlan {
  const constraints = constraintsOf(filter);
  const ids = constraints.get(definition.idField)?.values;
  // Ids are non-empty strings (the store sees to it): other values find nothing.
  if (ids !== undefined)
    return { kind: 'ids', ids: ids.filter((id): id is string => typeof id === 'string') };
  let best: IndexPlan | undefined;
  for (const index of definition.indexes) {
    const plan = planIndex(index, constraints, options);
    if (plan !== undefined && better(plan, best)) best = plan;
  }
  return best ?? { kind: 'scan', fields: fieldNamesOf(filter) };
}
