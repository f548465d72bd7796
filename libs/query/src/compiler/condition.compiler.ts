import { FIELD_OPERATORS, FieldOperator, ValidationIssue } from '@openlines/contracts';
import { EntityFieldSpec, FieldDefinition } from '../fields/entity-fields.definition';
import { MAX_LIKE_LENGTH, MAX_LIST_VALUES } from '../query.limits';
import { checkScalar, describeValue } from './field-value.checker';
import { likePattern, looksLikeRegexPattern } from './like.pattern';

export type MongoFilter = Record<string, unknown>;

type Operand = string | number | boolean | null | (string | number | boolean | null)[];

const LEAF_KEYS = new Set(['field', 'op', 'value']);

function isOperator(op: unknown): op is FieldOperator {
  return typeof op === 'string' && (FIELD_OPERATORS as readonly string[]).includes(op);
}

/** Checks the value against the operator and the field; pushes issues and returns undefined when bad. */
function checkOperand(
  definition: FieldDefinition,
  op: FieldOperator,
  raw: unknown,
  path: string,
  issues: ValidationIssue[],
): Operand | undefined {
  const scalar = (value: unknown, at: string, nullable: boolean): Operand | undefined => {
    if (value === null && nullable) return null;
    const checked = checkScalar(definition, value);
    if (checked.ok) return checked.value;
    issues.push({ field: at, message: checked.message });
    return undefined;
  };
  switch (op) {
    case 'eq':
    case 'neq':
      return scalar(raw, path, true);
    case 'in':
    case 'nin':
    case 'all': {
      if (
        !Array.isArray(raw) ||
        raw.length > MAX_LIST_VALUES ||
        (op === 'all' && raw.length === 0)
      ) {
        const least = op === 'all' ? 1 : 0;
        issues.push({
          field: path,
          message: `expected a list of ${least} to ${MAX_LIST_VALUES} values`,
        });
        return undefined;
      }
      const values = raw.map((item, i) => scalar(item, `${path}.${i}`, op !== 'all'));
      return values.includes(undefined)
        ? undefined
        : (values as (string | number | boolean | null)[]);
    }
    case 'like':
      if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_LIKE_LENGTH) {
        issues.push({
          field: path,
          message: `expected a text of 1 to ${MAX_LIKE_LENGTH} characters, got ${describeValue(raw)}`,
        });
        return undefined;
      }
      if (looksLikeRegexPattern(raw)) {
        issues.push({
          field: path,
          message: 'like takes plain text, not a regular expression (quantified group refused)',
        });
        return undefined;
      }
      return raw;
    default:
      return scalar(raw, path, false);
  }
}

/** The MongoDB form of one checked condition. Values are scalars here, never operator objects. */
function toMongo(op: FieldOperator, value: Operand): unknown {
  switch (op) {
    case 'eq':
    case 'has':
    case 'link':
      return value;
    case 'neq':
      return { $ne: value };
    case 'like':
      return likePattern(value as string);
    default:
      return { [`$${op}`]: value };
  }
}

/** Validates `{ field, op, value }` against the entity's fields and compiles it. */
export function compileCondition(
  spec: EntityFieldSpec,
  node: Record<string, unknown>,
  path: string,
  issues: ValidationIssue[],
): MongoFilter {
  const before = issues.length;
  const extra = Object.keys(node).filter((key) => !LEAF_KEYS.has(key));
  if (extra.length > 0)
    issues.push({ field: path, message: `unexpected keys ${extra.map(describeValue).join(', ')}` });
  const { field, op } = node;
  const definition =
    typeof field === 'string' && Object.hasOwn(spec, field) ? spec[field] : undefined;
  if (definition === undefined)
    issues.push({ field: `${path}.field`, message: `unknown field ${describeValue(field)}` });
  if (!isOperator(op))
    issues.push({ field: `${path}.op`, message: `unknown operator ${describeValue(op)}` });
  if (!Object.hasOwn(node, 'value'))
    issues.push({ field: `${path}.value`, message: 'is required' });
  if (issues.length > before || definition === undefined || !isOperator(op)) return {};
  if (!definition.operators.includes(op)) {
    issues.push({
      field: `${path}.op`,
      message: `operator "${op}" is not allowed on field "${field}" (${definition.type})`,
    });
    return {};
  }
  const value = checkOperand(definition, op, node.value, `${path}.value`, issues);
  return value === undefined ? {} : { [field as string]: toMongo(op, value) };
}
