import { CollectionDefinition, IndexDefinition } from './document-store.port';

export const DEFAULT_ID_FIELD = '__id';

/** A definition with its defaults filled in. */
export interface ResolvedDefinition {
  readonly idField: string;
  readonly versionField?: string;
  readonly indexes: readonly IndexDefinition[];
}

export function resolveDefinition(definition: CollectionDefinition = {}): ResolvedDefinition {
  const idField = definition.idField ?? DEFAULT_ID_FIELD;
  for (const field of [idField, definition.versionField]) {
    if (field !== undefined && (field.startsWith('$') || field.includes('.') || field === '_id')) {
      throw new Error(
        `id and version fields must be top-level names other than _id, got "${field}"`,
      );
    }
  }
  return {
    idField,
    ...(definition.versionField === undefined ? {} : { versionField: definition.versionField }),
    indexes: definition.indexes ?? [],
  };
}

/** Reads a dotted path; undefined when any step is missing. */
export function valueAt(doc: unknown, path: string): unknown {
  let current: unknown = doc;
  for (const segment of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** The name MongoDB gives an index by default (`a_1_b_-1`), used in messages by both adapters. */
export function indexName(index: IndexDefinition): string {
  return (
    index.name ??
    Object.entries(index.fields)
      .map(([field, order]) => `${field}_${order}`)
      .join('_')
  );
}
