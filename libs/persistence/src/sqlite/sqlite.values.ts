import { EMPTY_ARRAY, KeyPart } from '../index/index-keys';

/** What an index column holds: better-sqlite3 binds strings as TEXT, numbers as REAL, Buffers as BLOB. */
export type SqlValue = string | number | Buffer | null;

const FALSE = Buffer.from([0]);
const TRUE = Buffer.from([1]);
/** An object (or an array inside an array) as a key part: a BLOB no scalar lookup equals. */
const OPAQUE = Buffer.from([0xff]);

/**
 * A key part as an index column value. Each type keeps a storage class of its own, so that
 * SQLite compares like with like: strings TEXT, numbers REAL (1 = 1.0), booleans one-byte BLOBs
 * (never equal to 1 or 0, nor to text), null and missing NULL. An empty array is NULL too: a
 * lookup for null then finds it, and mingo decides (uniqueness uses its own encoded key).
 */
export function sqlValue(part: KeyPart): SqlValue {
  switch (typeof part) {
    case 'string':
    case 'number':
      return part;
    case 'boolean':
      return part ? TRUE : FALSE;
    case 'undefined':
      return null;
    default:
      return part === null || part === EMPTY_ARRAY ? null : OPAQUE;
  }
}

/** SQLite identifiers are quoted, so collection and index names may hold any character. */
export function quoted(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

export const docsTableName = (collection: string): string => `docs:${collection}`;
export const docsTable = (collection: string): string => quoted(docsTableName(collection));
export const indexTable = (collection: string, index: string): string =>
  quoted(`index:${collection}:${index}`);
/** Which index tables exist and for which definition (rebuilt when the definition changes). */
export const INDEX_CATALOG = quoted('openlines_indexes');
