import { OpenLinesError } from '@openlines/contracts';
import { indexName, valueAt } from '../port/collection.definition';
import { IndexDefinition } from '../port/document-store.port';

type Doc = Record<string, unknown>;

/**
 * A unique index of MemoryStore, with MongoDB's rules: a missing field counts as null (so two
 * documents lacking it collide) unless the index is sparse and the document lacks every field.
 * An array value is keyed as a whole (MongoDB keys each element; our unique keys are scalars).
 */
export class MemoryUniqueIndex {
  readonly name: string;
  private readonly fields: string[];
  private readonly owners = new Map<string, string>();

  constructor(
    private readonly collection: string,
    private readonly definition: IndexDefinition,
  ) {
    this.name = indexName(definition);
    this.fields = Object.keys(definition.fields);
  }

  private keyOf(doc: Doc): string | undefined {
    const values = this.fields.map((field) => valueAt(doc, field));
    if (this.definition.sparse && values.every((value) => value === undefined)) return undefined;
    return JSON.stringify(values.map((value) => value ?? null));
  }

  /** Throws CONFLICT when another document (not `id`) holds doc's key. */
  check(doc: Doc, id: string): void {
    const key = this.keyOf(doc);
    const owner = key === undefined ? undefined : this.owners.get(key);
    if (owner === undefined || owner === id) return;
    const keyValue = Object.fromEntries(
      this.fields.map((field) => [field, valueAt(doc, field) ?? null]),
    );
    throw OpenLinesError.conflict(`duplicate key in ${this.collection} (index ${this.name})`, {
      collection: this.collection,
      index: this.name,
      keyValue,
    });
  }

  add(doc: Doc, id: string): void {
    const key = this.keyOf(doc);
    if (key !== undefined) this.owners.set(key, id);
  }

  remove(doc: Doc, id: string): void {
    const key = this.keyOf(doc);
    if (key !== undefined && this.owners.get(key) === id) this.owners.delete(key);
  }
}
