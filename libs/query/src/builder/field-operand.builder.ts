import { FieldOperator, FilterNode } from '@openlines/contracts';

/** An item or item reference: `{ id }` (ItemRef), `{ data: { __id } }` (Item) or `{ __id }` (data). */
export type ItemLike =
  | { readonly id: string }
  | { readonly __id: string }
  | { readonly data: { readonly __id: string } };

/** What a condition may compare with. Dates travel as ISO strings, items as their ids. */
export type SearchValue = string | number | boolean | Date | ItemLike;

/** A leaf of the filter tree, as built by `f.<field>.<operator>(value)`. */
export type FieldCondition = Extract<FilterNode, { field: string }>;

/** The operators offered on `f.<field>`; the receiving service decides which apply to the field. */
export interface FieldOperand {
  /** Equal to the value; `eq(null)` matches an absent or null field. On arrays: contains it. */
  eq(value: SearchValue | null): FieldCondition;
  /** Not equal; matches documents where the field is absent too. `neq(null)` = present. */
  neq(value: SearchValue | null): FieldCondition;
  in(values: readonly (SearchValue | null)[]): FieldCondition;
  nin(values: readonly (SearchValue | null)[]): FieldCondition;
  /** The array field contains every one of the values. */
  all(values: readonly SearchValue[]): FieldCondition;
  /** The array field contains the value. */
  has(value: SearchValue): FieldCondition;
  /** Case-insensitive substring match (the text is taken literally, never as a pattern). */
  like(text: string): FieldCondition;
  gt(value: string | number | Date): FieldCondition;
  gte(value: string | number | Date): FieldCondition;
  lt(value: string | number | Date): FieldCondition;
  lte(value: string | number | Date): FieldCondition;
  /** The reference (or reference array) field points at that item. */
  link(item: ItemLike | string): FieldCondition;
}

/** `f`: any field name gives its operand; known data keys are offered by the editor. */
export type FieldOperands<D = Record<string, unknown>> = {
  readonly [K in keyof D & string]-?: FieldOperand;
} & { readonly [field: string]: FieldOperand };

/** `g`: the logical groups. */
export interface FilterGroups {
  and(...conditions: FilterNode[]): FilterNode;
  or(...conditions: FilterNode[]): FilterNode;
  not(condition: FilterNode): FilterNode;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Turns a value into what travels: a Date into its ISO string, an item or item ref into its id.
 * Anything else is sent as given and judged by the receiving service.
 */
export function toWireValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) || !isRecord(value)) return value;
  if (typeof value.id === 'string') return value.id;
  if (isRecord(value.data) && typeof value.data.__id === 'string') return value.data.__id;
  if (typeof value.__id === 'string') return value.__id;
  return value;
}

function operand(field: string): FieldOperand {
  const leaf = (op: FieldOperator, value: unknown): FieldCondition => ({
    field,
    op,
    value: toWireValue(value),
  });
  const list = (op: FieldOperator, values: readonly unknown[]): FieldCondition => ({
    field,
    op,
    value: Array.isArray(values) ? values.map(toWireValue) : toWireValue(values),
  });
  return {
    eq: (value) => leaf('eq', value),
    neq: (value) => leaf('neq', value),
    in: (values) => list('in', values),
    nin: (values) => list('nin', values),
    all: (values) => list('all', values),
    has: (value) => leaf('has', value),
    like: (text) => leaf('like', text),
    gt: (value) => leaf('gt', value),
    gte: (value) => leaf('gte', value),
    lt: (value) => leaf('lt', value),
    lte: (value) => leaf('lte', value),
    link: (item) => leaf('link', item),
  };
}

/**
 * `f` is a Proxy so that any field name works on the client; the service validates the names.
 * Symbols and `then` give undefined, so `f` is never mistaken for a promise or an iterable.
 */
export function fieldOperands<D = Record<string, unknown>>(): FieldOperands<D> {
  return new Proxy(Object.create(null) as FieldOperands<D>, {
    get: (_target, property) =>
      typeof property === 'string' && property !== 'then' ? operand(property) : undefined,
  });
}

export const filterGroups: FilterGroups = Object.freeze({
  and: (...conditions: FilterNode[]): FilterNode => ({ and: conditions }),
  or: (...conditions: FilterNode[]): FilterNode => ({ or: conditions }),
  not: (condition: FilterNode): FilterNode => ({ not: condition }),
});
