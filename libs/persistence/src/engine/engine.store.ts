import { OpenLinesError } from '@openlines/contracts';
import { ResolvedDefinition, valueAt } from '../port/collection.definition';
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
import { buildUpsert } from '../memory/memory-update';
import { CollectionBackend, Doc } from './collection.backend';
import { CollectionResolver, aggregateDocuments } from './engine.aggregate';
import { EngineQuery } from './engine.query';

/**
 * The DocumentStore of the embedded adapters (memory, SQLite): MongoDB semantics by mingo, on
 * the candidates the query planner finds through the declared indexes. Each operation runs
 * synchronously inside one backend read or write (never awaiting), so compareAndSet and the
 * unique checks are atomic; the SQLite backend makes each write a transaction.
 */
export class EngineStore<T extends object> implements DocumentStore<T> {
  private readonly query: EngineQuery;
  private readonly out: <R>(doc: Doc) => R;

  constructor(
    readonly collectionName: string,
    protected readonly definition: ResolvedDefinition,
    protected readonly backend: CollectionBackend,
    scans: ScanObserver,
    private readonly resolveCollection: CollectionResolver,
  ) {
    this.query = new EngineQuery(collectionName, definition, backend, scans);
    // Stored objects never leave the store: callers get copies (only of what they asked for).
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
    return this.stepwise(prepared, (doc) => this.out<T>(this.backend.insert(doc)));
  }

  async find(filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    return this.backend.read(() =>
      this.query.run(filter, options, 'find').map((doc) => this.out<T>(doc)),
    );
  }

  async findOne(filter: Filter, options: Omit<FindOptions, 'limit'> = {}): Promise<T | null> {
    const [doc] = this.backend.read(() =>
      this.query.run(filter, { ...options, limit: 1 }, 'findOne'),
    );
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
    const prepared = this.prepareUpdate(update);
    return this.backend.write(() => {
      const [target] = this.query.run(filter, { limit: 1 }, 'updateOne');
      if (target !== undefined)
        return { matchedCount: 1, modifiedCount: this.backend.replace(target, prepared) ? 1 : 0 };
      if (!options.upsert) return { matchedCount: 0, modifiedCount: 0 };
      const inserted = this.backend.insert(buildUpsert(filter, prepared, this.definition));
      return { matchedCount: 0, modifiedCount: 0, upsertedId: this.idOf(inserted) };
    });
  }

  /** Like MongoDB, not atomic as a whole: a unique-key CONFLICT stops it after earlier documents. */
  async updateMany(filter: Filter, update: UpdateDocument): Promise<UpdateResult> {
    const prepared = this.prepareUpdate(update);
    let matchedCount = 0;
    const modified = await this.stepwise(
      () => {
        const targets = this.query.run(filter, {}, 'updateMany');
        matchedCount = targets.length;
        return targets;
      },
      (target) => this.backend.replace(target, prepared) !== undefined,
    );
    return { matchedCount, modifiedCount: modified.filter(Boolean).length };
  }

  async findOneAndUpdate(
    filter: Filter,
    update: UpdateDocument,
    options: FindOneAndUpdateOptions = {},
  ): Promise<T | null> {
    const prepared = this.prepareUpdate(update);
    const after = this.backend.write(() => {
      const [target] = this.query.run(filter, { limit: 1, sort: options.sort }, 'findOneAndUpdate');
      if (target !== undefined) return this.backend.replace(target, prepared) ?? target;
      if (!options.upsert) return undefined;
      return this.backend.insert(buildUpsert(filter, prepared, this.definition));
    });
    return after === undefined ? null : this.out<T>(after);
  }

  async compareAndSet(id: string, expectedVersion: number, update: UpdateDocument): Promise<T> {
    const versionField = guards.versionFieldFor(this.definition, update);
    const prepared = this.prepareUpdate(update);
    return this.out(
      this.backend.write(() => {
        const current = this.backend.get(id);
        if (current === undefined) throw OpenLinesError.notFound(this.collectionName, id);
        const currentVersion = valueAt(current, versionField);
        if (currentVersion !== expectedVersion)
          throw guards.versionConflict(this.collectionName, id, expectedVersion, currentVersion);
        return this.backend.replace(current, prepared) ?? current;
      }),
    );
  }

  async deleteOne(filter: Filter): Promise<DeleteResult> {
    return this.backend.write(() => {
      const [target] = this.query.run(filter, { limit: 1 }, 'deleteOne');
      if (target !== undefined) this.backend.remove(target);
      return { deletedCount: target === undefined ? 0 : 1 };
    });
  }

  async deleteMany(filter: Filter): Promise<DeleteResult> {
    return this.backend.write(() => {
      const targets = this.query.run(filter, {}, 'deleteMany');
      targets.forEach((target) => this.backend.remove(target));
      return { deletedCount: targets.length };
    });
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

  protected idOf(doc: Doc): string {
    return doc[this.definition.idField] as string;
  }

  /**
   * Runs `each` on the items in one write, each as its own all-or-nothing step; the first
   * failure ends the write keeping the steps before it, then is thrown.
   */
  private async stepwise<I, R>(
    items: readonly I[] | (() => readonly I[]),
    each: (item: I) => R,
  ): Promise<R[]> {
    const failure: { error?: unknown } = {};
    const done = this.backend.write(() => {
      const results: R[] = [];
      for (const item of typeof items === 'function' ? items() : items) {
        try {
          results.push(this.backend.step(() => each(item)));
        } catch (error) {
          failure.error = error;
          break;
        }
      }
      return results;
    });
    if ('error' in failure) throw failure.error;
    return done;
  }

  private prepareUpdate(update: UpdateDocument): UpdateDocument {
    guards.assertUpdate(update, this.definition);
    return guards.withVersionBump(update, this.definition);
  }
}
