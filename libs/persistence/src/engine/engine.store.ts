import { ResolvedDefinition } from '../port/collection.definition';
import {
  AggregationStage,
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
import { ScanObserver } from '../index/scan-observer';
import { CollectionBackend, Doc } from './collection.backend';
import { CollectionResolver, aggregateDocuments } from './engine.aggregate';
import { EngineQuery } from './engine.query';
import { EngineWriter } from './engine.writer';

/**
 * The DocumentStore of the embedded adapters (memory, SQLite): MongoDB semantics by mingo, on
 * the candidates the query planner finds through the declared indexes. Each operation runs
 * synchronously inside one backend read or write (never awaiting), so compareAndSet and the
 * unique checks are atomic; the SQLite backend makes each write a transaction.
 */
export class EngineStore<T extends object> implements DocumentStore<T> {
  private readonly query: EngineQuery;
  private readonly writer: EngineWriter;
  /** Stored objects never leave the store: callers get copies (only of what they asked for). */
  private readonly out: <R>(doc: Doc) => R;

  constructor(
    readonly collectionName: string,
    protected readonly definition: ResolvedDefinition,
    protected readonly backend: CollectionBackend,
    scans: ScanObserver,
    private readonly resolveCollection: CollectionResolver,
  ) {
    this.query = new EngineQuery(collectionName, definition, backend, scans);
    this.writer = new EngineWriter(collectionName, definition, backend, this.query);
    this.out = backend.sharesDocuments
      ? <R>(doc: Doc) => structuredClone(doc) as R
      : <R>(doc: Doc) => doc as R;
  }

  async insertOne(doc: T): Promise<T> {
    const prepared = guards.prepareInsert(doc, this.definition) as Doc;
    return this.out(this.backend.write(() => this.backend.insert(prepared)));
  }

  /** Ordered, as in MongoDB: the documents before a duplicate stay inserted. */
  async insertMany(docs: readonly T[]): Promise<T[]> {
    const prepared = docs.map((doc) => guards.prepareInsert(doc, this.definition) as Doc);
    return this.writer.stepwise(prepared, (doc) => this.out<T>(this.backend.insert(doc)));
  }

  async find(filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    const docs = this.backend.read(() => this.query.run(filter, options, 'find'));
    return docs.map((doc) => this.out<T>(doc));
  }

  async findOne(filter: Filter, options: Omit<FindOptions, 'limit'> = {}): Promise<T | null> {
    const query = { ...options, limit: 1 };
    const [doc] = this.backend.read(() => this.query.run(filter, query, 'findOne'));
    return doc === undefined ? null : this.out<T>(doc);
  }

  async count(filter: Filter = {}): Promise<number> {
    return this.backend.read(() => this.query.run(filter, {}, 'count').length);
  }

  async updateOne(
    filter: Filter,
    update: UpdateDocument,
    options: UpdateOptions = {},
  ): Promise<UpdateResult> {
    return this.writer.updateOne(filter, this.prepareUpdate(update), options);
  }

  async updateMany(filter: Filter, update: UpdateDocument): Promise<UpdateResult> {
    return this.writer.updateMany(filter, this.prepareUpdate(update));
  }

  async findOneAndUpdate(
    filter: Filter,
    update: UpdateDocument,
    options: FindOneAndUpdateOptions = {},
  ): Promise<T | null> {
    const after = this.writer.findOneAndUpdate(filter, this.prepareUpdate(update), options);
    return after === undefined ? null : this.out<T>(after);
  }

  async compareAndSet(id: string, expectedVersion: number, update: UpdateDocument): Promise<T> {
    const versionField = guards.versionFieldFor(this.definition, update);
    const prepared = this.prepareUpdate(update);
    return this.out(this.writer.compareAndSet(id, expectedVersion, versionField, prepared));
  }

  async deleteOne(filter: Filter): Promise<DeleteResult> {
    return { deletedCount: this.writer.delete(filter, false) };
  }

  async deleteMany(filter: Filter): Promise<DeleteResult> {
    return { deletedCount: this.writer.delete(filter, true) };
  }

  async aggregate<R extends object = Record<string, unknown>>(
    pipeline: readonly AggregationStage[],
  ): Promise<R[]> {
    const match = (filter: Filter) =>
      this.query.run(filter, {}, 'aggregate').map((doc) => this.out<Doc>(doc));
    return this.backend.read(() =>
      aggregateDocuments(pipeline, match, this.resolveCollection),
    ) as R[];
  }

  private prepareUpdate(update: UpdateDocument): UpdateDocument {
    guards.assertUpdate(update, this.definition);
    return guards.withVersionBump(update, this.definition);
  }
}
