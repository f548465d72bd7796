import { Filter } from '../port/document-store.port';
import { lookupPart } from './index-keys';

/** A value an index lookup can find: the scalars (a lookup for null finds missing fields too). */
export type KeyScalar = string | number | boolean | null;
export type RangeOperator = '$gt' | '$gte' | '$lt' | '$lte';
export interface RangeCondition {
  readonly op: RangeOperator;
  readonly value: string | number;
}

/** What a filter says about one field that an index can use: values it must equal, ranges. */
export interface FieldConstraint {
  /** The field equals one of these (absent: no usable equality). */
  values?: KeyScalar[];
  ranges: RangeCondition[];
}

const RANGE_OPERATORS = new Set<string>(['$gt', '$gte', '$lt', '$lte']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isKeyScalar(value: unknown): value is KeyScalar {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  return typeof value === 'number' && !Number.isNaN(value);
}

/**
 * A range bound an index can use: a number, or a string whose code units all sort the same in
 * JavaScript (UTF-16) as in SQLite (UTF-8 bytes), i.e. none from the surrogate range up.
 */
function isRangeBound(value: unknown): value is string | number {
  if (typeof value === 'number') return !Number.isNaN(value);
  if (typeof value !== 'string') return false;
  for (let i = 0; i < value.length; i += 1) if (value.charCodeAt(i) >= 0xd800) return false;
  return true;
}

/**
 * Of two equalities on one field, the one with fewer values: both hold, so either narrows (not
 * their intersection: on an array field each may be met by a different element).
 */
function narrower(a: KeyScalar[] | undefined, b: KeyScalar[]): KeyScalar[] {
  return a === undefined || b.length < a.length ? b : a;
}

/** The condition on one field: a plain scalar, or an operator document. */
function constrain(constraint: FieldConstraint, condition: unknown): void {
  if (isKeyScalar(condition)) {
    constraint.values = narrower(constraint.values, [condition]);
    return;
  }
  if (!isRecord(condition) || Array.isArray(condition) || condition instanceof RegExp) return;
  const operators = Object.entries(condition);
  if (operators.length === 0 || operators.some(([op]) => !op.startsWith('$'))) return;
  for (const [op, operand] of operators) {
    if (op === '$eq' && isKeyScalar(operand))
      constraint.values = narrower(constraint.values, [operand]);
    else if (op === '$in' && Array.isArray(operand) && operand.every(isKeyScalar))
      constraint.values = narrower(constraint.values, dedupe(operand));
    else if (op === '$all' && Array.isArray(operand)) {
      // Every one of them is there: any one of them narrows.
      const scalar = operand.find(isKeyScalar);
      if (scalar !== undefined) constraint.values = narrower(constraint.values, [scalar]);
    } else if (RANGE_OPERATORS.has(op) && isRangeBound(operand))
      constraint.ranges.push({ op: op as RangeOperator, value: operand });
  }
}

function dedupe(values: KeyScalar[]): KeyScalar[] {
  const seen = new Map(values.map((value) => [lookupPart(value), value]));
  return [...seen.values()];
}

/**
 * The constraints of a filter's top level and of its `$and` (all must hold, so each narrows);
 * `$or`, `$nor`, `$not`, `$expr`, regular expressions, objects and arrays as operands narrow
 * nothing. Walked with an explicit stack: filters may nest deeply.
 */
export function constraintsOf(filter: Filter): Map<string, FieldConstraint> {
  const constraints = new Map<string, FieldConstraint>();
  const stack: unknown[] = [filter];
  for (let part = stack.pop(); part !== undefined; part = stack.pop()) {
    if (!isRecord(part) || Array.isArray(part)) continue;
    for (const [key, condition] of Object.entries(part)) {
      if (key === '$and' && Array.isArray(condition)) for (const c of condition) stack.push(c);
      if (key.startsWith('$')) continue;
      const constraint = constraints.get(key) ?? { ranges: [] };
      constrain(constraint, condition);
      constraints.set(key, constraint);
    }
  }
  return constraints;
}

/** Every field name a filter mentions, at any logical depth: what a scan report names. */
export function fieldNamesOf(filter: Filter): string[] {
  const names = new Set<string>();
  const stack: unknown[] = [filter];
  for (let part = stack.pop(); part !== undefined; part = stack.pop()) {
    if (!isRecord(part)) continue;
    if (Array.isArray(part)) {
      for (const element of part) stack.push(element);
      continue;
    }
    for (const [key, condition] of Object.entries(part)) {
      if (['$and', '$or', '$nor'].includes(key)) stack.push(condition);
      else if (!key.startsWith('$')) names.add(key);
    }
  }
  return [...names].sort();
}
