import { OpenLinesError } from '@openlines/contracts';
import { ResolvedDefinition, resolveDefinition, valueAt } from '../port/collection.definition';
import {
  AggregationStage,
  CollectionDefinition,
  DeleteResult,
  DocumentStore,
  Filter,
  FindOneAndUpdateOptions,
  FindOptions,
  UpdateDocument,
  UpdateOptions,
  UpdateResult,
} from '../port/document-store.port';
import * as guards from '../port/store.guards';
import { Doc, MemoryCollection } from './memory.collection';
import { buildUpsert } from './memory-update';
import { CollectionResolver, aggregateDocuments } from './memory.aggregate';
import { mingoQuery } from './mingo.options';

const copy = <R>(doc: Doc): R => structuredClone(doc) as R;

/**
 * The in-process adapter (tests and the embedded dev mode): documents are matched, updated and
 * aggregated by mingo with MongoDB semantics. Every document is deep-copied on the way in and
 * out, so no caller can mutate stored state. Methods are async but never await inside: each runs
 * to completion before another starts (JavaScript is single-threaded), which makes
 * compareAndSet and the unique-index checks atomic.
 */
export class MemoryStore<T extends object> implements DocumentStore<T> {
  private readonly definition: ResolvedDefinition;
  private readonly docs: MemoryCollection;

  constructor(
    readonly collectionName: string,
    definition?: CollectionDefinition,
    private readonly resolveCollection: CollectionResolver = () => [],
  ) {
    this.definition = resolveDefinition(definition);
    this.docs = new MemoryCollection(collectionName, this.definition);
  }

  async insertOne(doc: T): Promise<T> {
    return copy(this.docs.insert(guards.prepareInsert(doc, this.definition) as Doc));
  }

  async insertMany(docs: readonly T[]): Promise<T[]> {
    return docs.map((doc) =>
      copy<T>(this.docs.insert(guards.prepareInsert(doc, this.definition) as Doc)),
    );
  }

  async find(filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    return this.query(filter, options).map((doc) => copy<T>(doc));
  }

  async findOne(filter: Filter, options: Omit<FindOptions, 'limit'> = {}): Promise<T | null> {
    const [doc] = this.query(filter, { ...options, limit: 1 });
    return doc === undefined ? null : copy<T>(doc);
  }

  async count(filter: Filter = {}): Promise<number> {
    return this.query(filter, {}).length;
  }

  async updateOne(
    filter: Filter,
    update: UpdateDocument,
    options: UpdateOptions = {},
  ): Promise<UpdateResult> {
    const prepared = this.prepareUpdate(update);
    const [target] = this.query(filter, { limit: 1 });
    if (target !== undefined) {
      return { matchedCount: 1, modifiedCount: this.docs.replace(target, prepared) ? 1 : 0 };
    }
    if (!options.upsert) return { matchedCount: 0, modifiedCount: 0 };
    const inserted = this.docs.insert(buildUpsert(filter, prepared, this.definition));
    return { matchedCount: 0, modifiedCount: 0, upsertedId: this.docs.idOf(inserted) };
  }

  /** Like MongoDB, not atomic as a whole: a unique-key CONFLICT stops it after earlier documents. */
  async updateMany(filter: Filter, update: UpdateDocument): Promise<UpdateResult> {
    const prepared = this.prepareUpdate(update);
    const targets = this.query(filter, {});
    const modifiedCount = targets.filter((target) => this.docs.replace(target, prepared)).length;
    return { matchedCount: targets.length, modifiedCount };
  }

  async findOneAndUpdate(
    filter: Filter,
    update: UpdateDocument,
    options: FindOneAndUpdateOptions = {},
  ): Promise<T | null> {
    const prepared = this.prepareUpdate(update);
    const [target] = this.query(filter, { limit: 1, sort: options.sort });
    if (target !== undefined) return copy(this.docs.replace(target, prepared) ?? target);
    if (!options.upsert) return null;
    return copy(this.docs.insert(buildUpsert(filter, prepared, this.definition)));
  }

  async compareAndSet(id: string, expectedVersion: number, update: UpdateDocument): Promise<T> {
    const versionField = guards.versionFieldFor(this.definition, update);
    const prepared = this.prepareUpdate(update);
    const current = this.docs.get(id);
    if (current === undefined) throw OpenLinesError.notFound(this.collectionName, id);
    const currentVersion = valueAt(current, versionField);
    if (currentVersion !== expectedVersion) {
      throw guards.versionConflict(this.collectionName, id, expectedVersion, currentVersion);
    }
    return copy(this.docs.replace(current, prepared) ?? current);
  }

  async deleteOne(filter: Filter): Promise<DeleteResult> {
    const [target] = this.query(filter, { limit: 1 });
    if (target !== undefined) this.docs.remove(target);
    return { deletedCount: target === undefined ? 0 : 1 };
  }

  async deleteMany(filter: Filter): Promise<DeleteResult> {
    const targets = this.query(filter, {});
    targets.forEach((target) => this.docs.remove(target));
    return { deletedCount: targets.length };
  }

  async aggregate<R extends object = Record<string, unknown>>(
    pipeline: readonly AggregationStage[],
  ): Promise<R[]> {
    return aggregateDocuments(
      pipeline,
      (filter) => this.query(filter, {}),
      this.resolveCollection,
    ) as R[];
  }

  /** Copies of every stored document: what `$lookup` from another MemoryStore reads. */
  snapshot(): Doc[] {
    return [...this.docs.values()].map((doc) => copy<Doc>(doc));
  }

  /** The matching stored documents themselves; callers copy before handing any out. */
  private query(filter: Filter, options: FindOptions): Doc[] {
    guards.assertNoServerScript(filter, 'filter');
    // A lookup by id reads one entry instead of testing every document.
    const id = filter[this.definition.idField];
    const byId =
      typeof id === 'string' ? [this.docs.get(id)].filter((doc) => doc !== undefined) : undefined;
    // `{ <id>: 'x' }` alone needs no matching at all: the hottest call of every service.
    if (byId !== undefined && Object.keys(filter).length === 1 && options.projection === undefined) {
      return options.skip !== undefined && options.skip > 0 ? [] : byId;
    }
    const cursor = mingoQuery(filter).find<Doc>(
      byId ?? this.docs.values(),
      options.projection ?? {},
    );
    if (options.sort !== undefined) cursor.sort(options.sort);
    if (options.skip !== undefined && options.skip > 0) cursor.skip(options.skip);
    if (options.limit !== undefined && options.limit > 0) cursor.limit(options.limit);
    return cursor.all();
  }

  private prepareUpdate(update: UpdateDocument): UpdateDocument {
    guards.assertUpdate(update, this.definition);
    return guards.withVersionBump(update, this.definition);
  }
}
