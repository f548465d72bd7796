import { OpenLinesError, ValidationIssue } from '@openlines/contracts';
import { EntityFieldSpec } from '../fields/entity-fields.definition';
import { MongoFilter, compileCondition } from './condition.compiler';
import { assertFilterBounds } from './filter-bounds.guard';

/** A plain JSON object: not an array, a RegExp, a Date or anything with a foreign prototype. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Recursion is safe here: assertFilterBounds has already bounded the depth. */
function compileNode(
  spec: EntityFieldSpec,
  node: unknown,
  path: string,
  issues: ValidationIssue[],
): MongoFilter {
  if (!isPlainObject(node)) {
    issues.push({ field: path, message: 'expected a condition object' });
    return {};
  }
  const keys = Object.keys(node);
  const group = keys.length === 1 ? keys[0] : undefined;
  if (group === 'and' || group === 'or') {
    const list = node[group];
    if (!Array.isArray(list) || list.length === 0) {
      issues.push({
        field: `${path}.${group}`,
        message: 'expected a non-empty list of conditions',
      });
      return {};
    }
    return {
      [`$${group}`]: list.map((child, i) =>
        compileNode(spec, child, `${path}.${group}.${i}`, issues),
      ),
    };
  }
  // MongoDB's $not applies to one field's operator only; $nor of one filter negates any filter.
  if (group === 'not') return { $nor: [compileNode(spec, node.not, `${path}.not`, issues)] };
  if (Object.hasOwn(node, 'field') || Object.hasOwn(node, 'op'))
    return compileCondition(spec, node, path, issues);
  issues.push({
    field: path,
    message: 'expected {and: [...]}, {or: [...]}, {not: ...} or {field, op, value}',
  });
  return {};
}

export function validationFailure(what: string, issues: ValidationIssue[]): OpenLinesError {
  const summary = issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
  return OpenLinesError.validation(`invalid ${what}: ${summary}`, issues);
}

/**
 * Validates a wire filter tree (FilterNode of @openlines/contracts) against the entity's fields
 * and compiles it to a MongoDB filter. No filter (undefined or null) matches everything. Every
 * problem is reported at once as VALIDATION_FAILED with the path of each bad node.
 */
export function compileFilter(spec: EntityFieldSpec, filter: unknown): MongoFilter {
  if (filter === undefined || filter === null) return {};
  assertFilterBounds(filter);
  const issues: ValidationIssue[] = [];
  const compiled = compileNode(spec, filter, 'filter', issues);
  if (issues.length > 0) throw validationFailure('search filter', issues);
  return compiled;
}
