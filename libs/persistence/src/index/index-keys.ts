import { IndexDefinition } from '../port/document-store.port';

/** An empty array where an index field ends: MongoDB keys it apart from null. */
export const EMPTY_ARRAY: unique symbol = Symbol('empty array');

/**
 * One part of an index key: a value found at the field's path (a scalar, an object, or the
 * empty-array marker), or undefined where the path is missing (MongoDB keys that as null).
 */
export type KeyPart = unknown;
/** One index entry: a part per index field, in the index's field order. */
export type IndexEntry = readonly KeyPart[];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const NUMERIC_SEGMENT = /^\d+$/;

/** Leaf values: each element of an array (nested arrays flattened), the value itself otherwise. */
function pushLeaf(value: unknown, out: KeyPart[]): void {
  if (!Array.isArray(value)) {
    out.push(value);
    return;
  }
  if (value.length === 0) out.push(EMPTY_ARRAY);
  for (const element of value) pushLeaf(element, out);
}

/**
 * Every value a dotted path reaches, with MongoDB's traversal: an array on the way is entered
 * element by element (and also indexed, for a numeric segment); a branch that ends before the
 * path does yields undefined (missing). It errs on the side of finding more values than a query
 * could match (nested arrays are entered too): an index only has to give a superset of matches.
 */
export function valuesAt(doc: unknown, path: string): KeyPart[] {
  if (!path.includes('.') && isPlainObject(doc)) {
    // The common case: a top-level field holding a scalar.
    const value = ownField(doc, path);
    if (!Array.isArray(value)) return [value];
  }
  const segments = path.split('.');
  const out: KeyPart[] = [];
  // An explicit stack: documents may nest deeply, paths are short, but arrays may be long.
  const stack: [unknown, number][] = [[doc, 0]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [value, depth] = next;
    if (depth === segments.length) {
      pushLeaf(value, out);
      continue;
    }
    const segment = segments[depth];
    if (Array.isArray(value)) {
      if (value.length === 0) out.push(undefined);
      if (NUMERIC_SEGMENT.test(segment) && Number(segment) < value.length)
        stack.push([value[Number(segment)], depth + 1]);
      for (let i = value.length - 1; i >= 0; i -= 1) {
        const element: unknown = value[i];
        if (Array.isArray(element)) stack.push([element, depth]);
        else if (isPlainObject(element)) stack.push([ownField(element, segment), depth + 1]);
        else out.push(undefined);
      }
    } else if (isPlainObject(value)) stack.push([ownField(value, segment), depth + 1]);
    else out.push(undefined);
  }
  return out;
}

function ownField(value: Record<string, unknown>, field: string): unknown {
  return Object.hasOwn(value, field) ? value[field] : undefined;
}

/** Between the encoded parts of a key: a control character, which JSON strings never hold raw. */
export const KEY_SEPARATOR = '\u001f';

/** A stable text for a key part, distinct for distinct values (and never equal across types). */
export function encodePart(part: KeyPart, emptyArrayAsNull: boolean): string {
  switch (typeof part) {
    case 'string':
      // Tagged, and never holding the separator raw.
      return part.includes(KEY_SEPARATOR) ? `j${JSON.stringify(part)}` : `s${part}`;
    case 'number':
      return Object.is(part, -0) ? '0' : String(part);
    case 'boolean':
      return part ? 'true' : 'false';
    case 'undefined':
      return 'null';
    case 'symbol':
      return emptyArrayAsNull ? 'null' : '[]';
    default:
      return part === null ? 'null' : `o${JSON.stringify(part)}`;
  }
}

/**
 * The key a lookup finds: missing, null and an empty array are all "null" (a query for null
 * finds them all; the query then decides), every scalar by its type and value.
 */
export const lookupPart = (part: KeyPart): string => encodePart(part, true);
/** The key uniqueness compares: as MongoDB, an empty array is not null. */
export const uniquePart = (part: KeyPart): string => encodePart(part, false);

export function encodeEntry(entry: IndexEntry, encode: (part: KeyPart) => string): string {
  return entry.map(encode).join(KEY_SEPARATOR);
}

/** Distinct parts (by their unique encoding) of one field. */
function distinct(parts: KeyPart[]): KeyPart[] {
  if (parts.length === 1) return parts;
  const seen = new Map<string, KeyPart>();
  for (const part of parts) {
    const key = uniquePart(part);
    if (!seen.has(key)) seen.set(key, part);
  }
  return [...seen.values()];
}

/**
 * The entries a document has in an index, as MongoDB makes them: one per array element
 * (multikey), every combination for a compound index, missing fields as undefined; none at all
 * for a sparse index when every field is missing.
 */
export function indexEntries(doc: unknown, index: IndexDefinition): IndexEntry[] {
  const perField = Object.keys(index.fields).map((field) => distinct(valuesAt(doc, field)));
  if (index.sparse && perField.every((parts) => parts.every((part) => part === undefined)))
    return [];
  if (perField.every((parts) => parts.length === 1)) return [perField.map(([part]) => part)];
  let entries: KeyPart[][] = [[]];
  for (const parts of perField)
    entries = entries.flatMap((entry) => parts.map((part) => [...entry, part]));
  return entries;
}

/** The entry as `{ field: value }`, missing as null: the keyValue of a duplicate-key CONFLICT. */
export function keyValueOf(index: IndexDefinition, entry: IndexEntry): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(index.fields).map((field, i) => {
      const part = entry[i];
      return [field, part === undefined ? null : part === EMPTY_ARRAY ? [] : part];
    }),
  );
}
