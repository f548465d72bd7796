import { FieldOperator } from '@openlines/contracts';
import { SYSTEM_FIELDS } from './system-fields.definition';

/**
 * The type of a searchable field. Values arrive as JSON, so `date` values are ISO-8601 strings;
 * they are normalised to `Date.prototype.toISOString()` form (UTC, milliseconds, `Z`), the form in
 * which items store their dates, so that string order is time order (see libs/query/README.md).
 */
export type FieldType =
  'string' | 'number' | 'boolean' | 'date' | 'ref' | 'enum' | 'stringArray' | 'refArray' | 'object';

/** A field as the receiving service knows it: what may be asked of it. */
export interface FieldDefinition {
  readonly type: FieldType;
  /** The allowed values of an `enum` field. */
  readonly values?: readonly string[];
  readonly operators: readonly FieldOperator[];
  readonly sortable: boolean;
}

/** What a service writes to declare a field; operators and sortable default by type. */
export interface FieldDeclaration {
  type: FieldType;
  values?: readonly string[];
  /** A subset of the type's operators, to narrow what may be asked. */
  operators?: readonly FieldOperator[];
  sortable?: boolean;
}

/** The whitelist of searchable fields of one entity: name (dotted path allowed) → definition. */
export type EntityFieldSpec = Readonly<Record<string, FieldDefinition>>;

/**
 * Operators each type supports. `eq(null)` / `neq(null)` test absence on every type, which is
 * the only thing an `object` field can be asked (objects are never accepted as values).
 */
export const OPERATORS_BY_TYPE: Readonly<Record<FieldType, readonly FieldOperator[]>> = {
  string: ['eq', 'neq', 'in', 'nin', 'like'],
  number: ['eq', 'neq', 'in', 'nin', 'gt', 'gte', 'lt', 'lte'],
  boolean: ['eq', 'neq'],
  date: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'],
  ref: ['eq', 'neq', 'in', 'nin', 'link'],
  enum: ['eq', 'neq', 'in', 'nin'],
  stringArray: ['eq', 'neq', 'in', 'nin', 'all', 'has'],
  refArray: ['eq', 'neq', 'in', 'nin', 'all', 'has', 'link'],
  object: ['eq', 'neq'],
};

const SORTABLE_BY_DEFAULT: ReadonlySet<FieldType> = new Set<FieldType>([
  'string',
  'number',
  'boolean',
  'date',
  'ref',
  'enum',
]);

/** One segment of a field path: no `$` (operator), no empty segment, no prototype keys. */
const FIELD_SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

function assertFieldName(name: string): void {
  const segments = name.split('.');
  const bad = segments.find((s) => !FIELD_SEGMENT.test(s) || FORBIDDEN_SEGMENTS.has(s));
  if (bad !== undefined) throw new Error(`invalid searchable field name "${name}"`);
}

function resolve(name: string, declaration: FieldDeclaration): FieldDefinition {
  assertFieldName(name);
  const supported = OPERATORS_BY_TYPE[declaration.type];
  if (supported === undefined)
    throw new Error(`field "${name}": unknown type "${declaration.type}"`);
  const operators = declaration.operators ?? supported;
  const unsupported = operators.filter((op) => !supported.includes(op));
  if (unsupported.length > 0) {
    throw new Error(
      `field "${name}" (${declaration.type}) cannot support ${unsupported.join(', ')}`,
    );
  }
  if (
    declaration.type === 'enum' &&
    (declaration.values === undefined || declaration.values.length === 0)
  ) {
    throw new Error(`enum field "${name}" needs its values`);
  }
  const sortable = declaration.sortable ?? SORTABLE_BY_DEFAULT.has(declaration.type);
  if (sortable && !SORTABLE_BY_DEFAULT.has(declaration.type)) {
    throw new Error(`field "${name}" (${declaration.type}) cannot be sortable`);
  }
  return Object.freeze({
    type: declaration.type,
    ...(declaration.values === undefined ? {} : { values: Object.freeze([...declaration.values]) }),
    operators: Object.freeze([...operators]),
    sortable,
  });
}

/**
 * Declares an entity's searchable fields. The system fields of every item (`__id`, `__name`,
 * `__createdAt`, …) are included unless `includeSystemFields` is false; a declaration of the same
 * name replaces the system one. Mistakes here are programming errors and throw at start-up.
 */
export function defineEntityFields(
  fields: Readonly<Record<string, FieldDeclaration>>,
  options: { includeSystemFields?: boolean } = {},
): EntityFieldSpec {
  const all: Record<string, FieldDeclaration> = {
    ...(options.includeSystemFields === false ? {} : SYSTEM_FIELDS),
    ...fields,
  };
  // A prototype-less record: a lookup of "toString" or "__proto__" finds nothing.
  const spec: Record<string, FieldDefinition> = Object.create(null);
  for (const [name, declaration] of Object.entries(all)) spec[name] = resolve(name, declaration);
  return Object.freeze(spec);
}
