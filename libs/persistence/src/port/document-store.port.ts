/**
 * The document-store port: a small subset of a MongoDB collection that every service codes
 * against. Filters, updates and pipelines ARE MongoDB documents; MongoStore passes them to
 * MongoDB and MemoryStore evaluates them with mingo, so both adapters answer the same.
 * Filters that come from callers must be compiled by @openlines/query first; the store trusts
 * its caller (it only refuses server-side script operators, as a second line of defence).
 */
export type Filter = Record<string, unknown>;
export type SortDocument = Record<string, 1 | -1>;
/** Inclusion (1) or exclusion (0) of fields, as in MongoDB; fields left out are absent. */
export type Projection = Record<string, 0 | 1>;
export type AggregationStage = Record<string, unknown>;

/** MongoDB update operators the port supports; the version field is bumped by the store. */
export interface UpdateDocument {
  $set?: Record<string, unknown>;
  $unset?: Record<string, '' | 1 | true>;
  $inc?: Record<string, number>;
  $min?: Record<string, unknown>;
  $max?: Record<string, unknown>;
  $push?: Record<string, unknown>;
  $addToSet?: Record<string, unknown>;
  $pull?: Record<string, unknown>;
  /** Applied only when an upsert inserts (e.g. the id of a find-or-create). */
  $setOnInsert?: Record<string, unknown>;
}
export const UPDATE_OPERATORS: readonly (keyof UpdateDocument)[] = [
  '$set',
  '$unset',
  '$inc',
  '$min',
  '$max',
  '$push',
  '$addToSet',
  '$pull',
  '$setOnInsert',
];

export interface FindOptions {
  sort?: SortDocument;
  skip?: number;
  limit?: number;
  projection?: Projection;
}
export interface UpdateOptions {
  upsert?: boolean;
}
export interface FindOneAndUpdateOptions extends UpdateOptions {
  /** Which document is updated when several match. */
  sort?: SortDocument;
}
export interface UpdateResult {
  matchedCount: number;
  modifiedCount: number;
  /** The id of the document an upsert inserted. */
  upsertedId?: string;
}
export interface DeleteResult {
  deletedCount: number;
}

/**
 * One collection. Documents carry their own string id (`idField`, default `__id`); a store never
 * shows MongoDB's `_id`. Unique indexes are enforced by both adapters: a duplicate key on insert
 * or update throws OpenLinesError CONFLICT (services build idempotent find-or-create on that).
 */
export interface DocumentStore<T extends object> {
  readonly collectionName: string;
  /** Inserts a copy; fills the id (a UUID) and the version (1) when absent; returns the stored doc. */
  insertOne(doc: T): Promise<T>;
  /** Ordered, as in MongoDB: stops at the first duplicate (CONFLICT), keeping the ones before it. */
  insertMany(docs: readonly T[]): Promise<T[]>;
  find(filter?: Filter, options?: FindOptions): Promise<T[]>;
  findOne(filter: Filter, options?: Omit<FindOptions, 'limit'>): Promise<T | null>;
  count(filter?: Filter): Promise<number>;
  updateOne(filter: Filter, update: UpdateDocument, options?: UpdateOptions): Promise<UpdateResult>;
  updateMany(filter: Filter, update: UpdateDocument): Promise<UpdateResult>;
  /** Returns the document after the update, or null when none matched (and no upsert). */
  findOneAndUpdate(
    filter: Filter,
    update: UpdateDocument,
    options?: FindOneAndUpdateOptions,
  ): Promise<T | null>;
  /**
   * Applies `update` only if the document's version still equals `expectedVersion`, and bumps the
   * version, atomically. CONFLICT (details: id, expectedVersion, currentVersion) when it moved on;
   * NOT_FOUND when there is no such document. Returns the document after the update.
   */
  compareAndSet(id: string, expectedVersion: number, update: UpdateDocument): Promise<T>;
  deleteOne(filter: Filter): Promise<DeleteResult>;
  deleteMany(filter: Filter): Promise<DeleteResult>;
  /** Read-only pipelines: `$out` and `$merge` are refused; `$lookup` joins other collections of the same factory. */
  aggregate<R extends object = Record<string, unknown>>(
    pipeline: readonly AggregationStage[],
  ): Promise<R[]>;
}

export interface IndexDefinition {
  fields: Record<string, 1 | -1>;
  unique?: boolean;
  /** Leave documents that lack every indexed field out of the index (and of its uniqueness). */
  sparse?: boolean;
  name?: string;
}

export interface CollectionDefinition {
  /** The field holding the document's string id; default `__id`. */
  idField?: string;
  /**
   * The optimistic-concurrency version (e.g. `_version`): set to 1 on insert when absent and
   * incremented by every update through the store, so any change makes a stale compareAndSet fail.
   */
  versionField?: string;
  indexes?: readonly IndexDefinition[];
}

/** Creates the stores of one service's database. */
export interface StoreFactory {
  readonly kind: 'memory' | 'mongo' | 'sqlite';
  /** Creating the same collection again returns the same store. */
  createStore<T extends object>(
    collectionName: string,
    definition?: CollectionDefinition,
  ): DocumentStore<T>;
  /** Resolves when the database answers; rejects (UNAVAILABLE) when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
