import { OpenLinesError } from '@openlines/contracts';
import { indexName } from '../port/collection.definition';
import { IndexDefinition } from '../port/document-store.port';
import {
  IndexEntry,
  KEY_SEPARATOR,
  encodeEntry,
  indexEntries,
  keyValueOf,
  lookupPart,
  uniquePart,
} from '../index/index-keys';
import { IndexPlan } from '../index/query-planner';

type Doc = Record<string, unknown>;

/** A document's keys in one index: per prefix length, its lookup keys; and its unique keys. */
export interface DocKeys {
  readonly prefixes: Set<string>[];
  readonly unique: Map<string, IndexEntry>;
}

/**
 * One declared index of MemoryStore: for each prefix length k of its fields, a map from the
 * encoded first k parts of an entry to the ids of the documents having such an entry; and, for
 * a unique index, who owns each full key (MongoDB's rules: missing is null, so two documents
 * lacking the fields collide, unless the index is sparse and they lack every field).
 */
export class MemoryIndex {
  readonly name: string;
  readonly fields: readonly string[];
  private readonly levels: Map<string, Set<string>>[];
  private readonly owners = new Map<string, string>();

  constructor(
    private readonly collection: string,
    readonly definition: IndexDefinition,
  ) {
    this.name = indexName(definition);
    this.fields = Object.keys(definition.fields);
    this.levels = this.fields.map(() => new Map<string, Set<string>>());
  }

  keysOf(doc: Doc): DocKeys {
    const entries = indexEntries(doc, this.definition);
    const prefixes = this.levels.map(() => new Set<string>());
    for (const entry of entries) {
      let key = '';
      entry.forEach((part, level) => {
        key = level === 0 ? lookupPart(part) : `${key}${KEY_SEPARATOR}${lookupPart(part)}`;
        prefixes[level].add(key);
      });
    }
    const unique = new Map<string, IndexEntry>();
    if (this.definition.unique)
      for (const entry of entries) unique.set(encodeEntry(entry, uniquePart), entry);
    return { prefixes, unique };
  }

  /** Throws CONFLICT when another document (not `id`) holds one of the unique keys. */
  check(keys: DocKeys, id: string): void {
    for (const [key, entry] of keys.unique) {
      const owner = this.owners.get(key);
      if (owner === undefined || owner === id) continue;
      throw OpenLinesError.conflict(`duplicate key in ${this.collection} (index ${this.name})`, {
        collection: this.collection,
        index: this.name,
        keyValue: keyValueOf(this.definition, entry),
      });
    }
  }

  /** Adds the keys of `next` and removes those of `before` it no longer has. */
  update(id: string, before: DocKeys | undefined, next: DocKeys | undefined): void {
    this.levels.forEach((map, level) => {
      const old = before?.prefixes[level] ?? new Set<string>();
      const now = next?.prefixes[level] ?? new Set<string>();
      for (const key of old) if (!now.has(key)) removeFrom(map, key, id);
      for (const key of now) if (!old.has(key)) addTo(map, key, id);
    });
    for (const key of before?.unique.keys() ?? [])
      if (!next?.unique.has(key) && this.owners.get(key) === id) this.owners.delete(key);
    for (const key of next?.unique.keys() ?? []) this.owners.set(key, id);
  }

  /** The ids with an entry matching the plan's equalities (each combination of its values). */
  ids(plan: IndexPlan): Set<string> {
    let keys = [''];
    plan.equalities.forEach((values, i) => {
      const parts = values.map(lookupPart);
      keys = keys.flatMap((key) =>
        parts.map((part) => (i === 0 ? part : `${key}${KEY_SEPARATOR}${part}`)),
      );
    });
    const level = this.levels[plan.equalities.length - 1];
    const found = new Set<string>();
    for (const key of keys) for (const id of level?.get(key) ?? []) found.add(id);
    return found;
  }
}

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  const ids = map.get(key);
  if (ids === undefined) map.set(key, new Set([id]));
  else ids.add(id);
}

function removeFrom(map: Map<string, Set<string>>, key: string, id: string): void {
  const ids = map.get(key);
  if (ids === undefined) return;
  ids.delete(id);
  if (ids.size === 0) map.delete(key);
}
