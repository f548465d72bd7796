import { OpenLinesError } from '@openlines/contracts';
import { ResolvedDefinition } from '../port/collection.definition';
import { UpdateDocument } from '../port/document-store.port';
import { MemoryUniqueIndex } from './memory-unique.index';
import { applyUpdate } from './memory-update';

export type Doc = Record<string, unknown>;

/**
 * The documents of one MemoryStore, by id, with their unique indexes kept in step: every write
 * checks the keys first and changes nothing when it throws CONFLICT.
 */
export class MemoryCollection {
  private readonly docs = new Map<string, Doc>();
  private readonly uniques: MemoryUniqueIndex[];

  constructor(
    private readonly name: string,
    private readonly definition: ResolvedDefinition,
  ) {
    this.uniques = definition.indexes
      .filter((index) => index.unique)
      .map((index) => new MemoryUniqueIndex(name, index));
  }

  idOf(doc: Doc): string {
    return doc[this.definition.idField] as string;
  }

  get(id: string): Doc | undefined {
    return this.docs.get(id);
  }

  values(): IterableIterator<Doc> {
    return this.docs.values();
  }

  insert(doc: Doc): Doc {
    const id = this.idOf(doc);
    if (this.docs.has(id)) {
      const { idField } = this.definition;
      throw OpenLinesError.conflict(`duplicate id in ${this.name}: ${id}`, {
        collection: this.name,
        index: idField,
        keyValue: { [idField]: id },
      });
    }
    this.uniques.forEach((index) => index.check(doc, id));
    this.docs.set(id, doc);
    this.uniques.forEach((index) => index.add(doc, id));
    return doc;
  }

  /** Applies the update to a copy, checks unique keys, then swaps it in. Returns the new doc, or undefined if unchanged. */
  replace(target: Doc, update: UpdateDocument): Doc | undefined {
    const id = this.idOf(target);
    const next = structuredClone(target);
    if (!applyUpdate(next, update)) return undefined;
    this.uniques.forEach((index) => index.check(next, id));
    this.uniques.forEach((index) => index.remove(target, id));
    this.uniques.forEach((index) => index.add(next, id));
    this.docs.set(id, next);
    return next;
  }

  remove(target: Doc): void {
    const id = this.idOf(target);
    this.uniques.forEach((index) => index.remove(target, id));
    this.docs.delete(id);
  }
}
