import { OpenLinesError } from '@openlines/contracts';
import { FilterQuery, Model, PipelineStage, UpdateQuery } from 'mongoose';
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
import * as documents from './mongo.documents';
import { toStoreError } from './mongo.errors';
import { StoredDocument } from './mongo.schema';

/**
 * The production adapter, on a mongoose model with lean reads. `_id` is the document's id
 * (callers never see it: every read projects it away), so compareAndSet is one atomic
 * findOneAndUpdate on `{ _id, version }`.
 */
export class MongoStore<T extends object> implements DocumentStore<T> {
  private indexes: Promise<void> | undefined;

  constructor(
    readonly collectionName: string,
    private readonly model: Model<StoredDocument>,
    private readonly definition: ResolvedDefinition,
  ) {
    // Start building indexes now; a failure is reported by the first operation, not as unhandled.
    this.indexesBuilt().catch(() => undefined);
  }

  /** Unique indexes must exist before any write relies on them; a failed build is retried. */
  private indexesBuilt(): Promise<void> {
    this.indexes ??= this.model.createIndexes().catch((error: unknown) => {
      this.indexes = undefined;
      throw error;
    });
    return this.indexes;
  }

  async insertOne(doc: T): Promise<T> {
    return this.insertMany([doc]).then(([inserted]) => inserted);
  }

  async insertMany(docs: readonly T[]): Promise<T[]> {
    const prepared = docs.map((doc) => guards.prepareInsert(doc, this.definition));
    return this.run(async () => {
      await this.model.insertMany(
        prepared.map((doc) => documents.toStoredDocument(doc, this.definition)),
        { ordered: true, lean: true },
      );
      return prepared.map((doc) => structuredClone(doc));
    });
  }

  async find(filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    guards.assertNoServerScript(filter, 'filter');
    return this.run(() => {
      const query = this.model.find(this.filterOf(filter), {
        ...options.projection,
        ...documents.HIDE_ID,
      });
      if (options.sort !== undefined) query.sort(options.sort);
      if (options.skip !== undefined && options.skip > 0) query.skip(options.skip);
      if (options.limit !== undefined && options.limit > 0) query.limit(options.limit);
      return query.lean<T[]>().exec();
    });
  }

  async findOne(filter: Filter, options: Omit<FindOptions, 'limit'> = {}): Promise<T | null> {
    const [doc] = await this.find(filter, { ...options, limit: 1 });
    return doc ?? null;
  }

  async count(filter: Filter = {}): Promise<number> {
    guards.assertNoServerScript(filter, 'filter');
    return this.run(() => this.model.countDocuments(this.filterOf(filter)).exec());
  }

  async updateOne(
    filter: Filter,
    update: UpdateDocument,
    options: UpdateOptions = {},
  ): Promise<UpdateResult> {
    const upsert = options.upsert === true;
    const prepared = this.mongoUpdate(filter, update, upsert);
    const query = () => this.model.updateOne(this.filterOf(filter), prepared, { upsert }).exec();
    return this.run(async () => documents.toUpdateResult(await query()));
  }

  async updateMany(filter: Filter, update: UpdateDocument): Promise<UpdateResult> {
    const prepared = this.mongoUpdate(filter, update, false);
    const query = () => this.model.updateMany(this.filterOf(filter), prepared).exec();
    return this.run(async () => documents.toUpdateResult(await query()));
  }

  async findOneAndUpdate(
    filter: Filter,
    update: UpdateDocument,
    options: FindOneAndUpdateOptions = {},
  ): Promise<T | null> {
    const upsert = options.upsert === true;
    const prepared = this.mongoUpdate(filter, update, upsert);
    return this.run(() =>
      this.model
        .findOneAndUpdate(this.filterOf(filter), prepared, {
          upsert,
          returnDocument: 'after',
          projection: documents.HIDE_ID,
          ...(options.sort === undefined ? {} : { sort: options.sort }),
        })
        .lean<T>()
        .exec(),
    );
  }

  async compareAndSet(id: string, expectedVersion: number, update: UpdateDocument): Promise<T> {
    const versionField = guards.versionFieldFor(this.definition, update);
    const after = await this.findOneAndUpdate({ _id: id, [versionField]: expectedVersion }, update);
    if (after !== null) return after;
    const current = await this.run(() =>
      this.model
        .findOne({ _id: id }, { [versionField]: 1, ...documents.HIDE_ID })
        .lean<Record<string, unknown>>()
        .exec(),
    );
    if (current === null) throw OpenLinesError.notFound(this.collectionName, id);
    throw guards.versionConflict(this.collectionName, id, expectedVersion, current[versionField]);
  }

  async deleteOne(filter: Filter): Promise<DeleteResult> {
    guards.assertNoServerScript(filter, 'filter');
    return this.run(async () => ({
      deletedCount: (await this.model.deleteOne(this.filterOf(filter)).exec()).deletedCount,
    }));
  }

  async deleteMany(filter: Filter): Promise<DeleteResult> {
    guards.assertNoServerScript(filter, 'filter');
    return this.run(async () => ({
      deletedCount: (await this.model.deleteMany(this.filterOf(filter)).exec()).deletedCount,
    }));
  }

  async aggregate<R extends object = Record<string, unknown>>(
    pipeline: readonly AggregationStage[],
  ): Promise<R[]> {
    const stages = documents.toMongoPipeline(pipeline);
    return this.run(() => this.model.aggregate<R>(stages as unknown as PipelineStage[]).exec());
  }

  private async run<R>(operation: () => Promise<R>): Promise<R> {
    try {
      await this.indexesBuilt();
      return await operation();
    } catch (error) {
      throw toStoreError(error, this.collectionName, this.definition.idField);
    }
  }

  private filterOf(filter: Filter): FilterQuery<StoredDocument> {
    return filter as FilterQuery<StoredDocument>;
  }

  private mongoUpdate(
    filter: Filter,
    update: UpdateDocument,
    upsert: boolean,
  ): UpdateQuery<StoredDocument> {
    return documents.toMongoUpdate(
      filter,
      update,
      this.definition,
      upsert,
    ) as UpdateQuery<StoredDocument>;
  }
}
