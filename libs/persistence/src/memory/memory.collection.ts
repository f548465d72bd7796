import { OpenLinesError } from '@openlines/contracts';
import { ResolvedDefinition } from '../port/collection.definition';
import { UpdateDocument } from '../port/document-store.port';
import { IndexPlan, QueryPlan } from '../index/query-planner';
import { CollectionBackend, Doc } from '../engine/collection.backend';
import { MemoryIndex } from './memory.index';
import { applyUpdate, touches } from './memory-update';

export type { Doc } from '../engine/collection.backend';

/**
 * The documents of one MemoryStore, by id, with every declared index kept in step: each write
 * checks the unique keys first and changes nothing when it throws CONFLICT, then updates the
 * index entries that changed. JavaScript runs one call at a time, so reads and writes need no
 * transaction.
 */
export class MemoryCollection implements CollectionBackend {
  readonly sharesDocuments = true;
  readonly planning = { ranges: false };
  private readonly docs = new Map<string, Doc>();
  /** Insertion order of each id, so that candidates come in the order a scan would see them. */
  private readonly order = new Map<string, number>();
  private inserted = 0;
  private readonly indexes: MemoryIndex[];

  constructor(
    private readonly name: string,
    private readonly definition: ResolvedDefinition,
  ) {
    this.indexes = definition.indexes.map((index) => new MemoryIndex(name, index));
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

  candidates(plan: QueryPlan): Iterable<Doc> {
    if (plan.kind === 'scan') return this.docs.values();
    const ids = plan.kind === 'ids' ? new Set(plan.ids) : this.indexFor(plan).ids(plan);
    const docs: Doc[] = [];
    if (ids.size * 8 > this.docs.size) {
      // Many of them: walking the collection keeps its order without sorting.
      for (const [id, doc] of this.docs) if (ids.has(id)) docs.push(doc);
      return docs;
    }
    const ordered: [number, Doc][] = [];
    for (const id of ids) {
      const doc = this.docs.get(id);
      if (doc !== undefined) ordered.push([this.order.get(id) ?? 0, doc]);
    }
    if (ordered.length > 1) ordered.sort((a, b) => a[0] - b[0]);
    for (const [, doc] of ordered) docs.push(doc);
    return docs;
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
    const keys = this.indexes.map((index) => index.keysOf(doc));
    this.indexes.forEach((index, i) => index.check(keys[i], id));
    this.docs.set(id, doc);
    this.order.set(id, (this.inserted += 1));
    this.indexes.forEach((index, i) => index.update(id, undefined, keys[i]));
    return doc;
  }

  /** Applies the update to a copy, checks unique keys, then swaps it in. */
  replace(target: Doc, update: UpdateDocument): Doc | undefined {
    const id = this.idOf(target);
    const next = structuredClone(target);
    const changed = applyUpdate(next, update);
    if (changed.size === 0) return undefined;
    // Only the indexes on a changed field have entries to move.
    const affected = this.indexes.filter((index) => touches(index.fields, changed));
    const before = affected.map((index) => index.keysOf(target));
    const after = affected.map((index) => index.keysOf(next));
    affected.forEach((index, i) => index.check(after[i], id));
    affected.forEach((index, i) => index.update(id, before[i], after[i]));
    this.docs.set(id, next);
    return next;
  }

  remove(target: Doc): void {
    const id = this.idOf(target);
    this.indexes.forEach((index) => index.update(id, index.keysOf(target), undefined));
    this.docs.delete(id);
    this.order.delete(id);
  }

  read<R>(work: () => R): R {
    return work();
  }

  write<R>(work: () => R): R {
    return work();
  }

  step<R>(work: () => R): R {
    return work();
  }

  private indexFor(plan: IndexPlan): MemoryIndex {
    const index = this.indexes.find((candidate) => candidate.definition === plan.index);
    if (index === undefined) throw new Error(`${this.name} has no index ${plan.name}`);
    return index;
  }
}
