import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { ConnectOptions, Connection, createConnection } from 'mongoose';
import { resolveDefinition } from '../port/collection.definition';
import { CollectionDefinition, DocumentStore, StoreFactory } from '../port/document-store.port';
import { createMongoModel } from './mongo.schema';
import { MongoStore } from './mongo.store';

export interface MongoStoreOptions {
  /** The service's own database; by default the one named in the URL. */
  dbName?: string;
  /** Shown in MongoDB's logs and currentOp. */
  appName?: string;
}

/**
 * One mongoose connection per service database, opened by the first store or ping (so a factory
 * that is never used never connects, and closes at once). Commands issued before the connection
 * is up are buffered by mongoose; server selection gives up after 10 s with UNAVAILABLE instead of
 * hanging. Indexes are built explicitly when a store is created (autoIndex is off).
 */
export class MongoStoreFactory implements StoreFactory {
  readonly kind = 'mongo' as const;
  private readonly connection: Connection = createConnection();
  private readonly connectOptions: ConnectOptions;
  private opened: Promise<unknown> | undefined;
  private readonly stores = new Map<string, MongoStore<object>>();

  constructor(
    private readonly url: string,
    options: MongoStoreOptions = {},
  ) {
    this.connectOptions = {
      ...(options.dbName === undefined ? {} : { dbName: options.dbName }),
      appName: options.appName ?? 'openlines',
      serverSelectionTimeoutMS: 10_000,
      maxPoolSize: 20,
      retryWrites: true,
      // An undefined field is left out, as MemoryStore's callers see it, not stored as null.
      ignoreUndefined: true,
      autoIndex: false,
      autoCreate: true,
    };
  }

  /**
   * Opens the connection once; after a failed first connection (which mongoose does not retry)
   * the next ping or store call tries again, so a readiness probe can bring the service back.
   */
  private open(): Promise<unknown> {
    this.opened ??= this.connection
      .openUri(this.url, { ...this.connectOptions })
      .catch((error: unknown) => {
        this.opened = undefined;
        throw error;
      });
    return this.opened;
  }

  createStore<T extends object>(
    collectionName: string,
    definition?: CollectionDefinition,
  ): DocumentStore<T> {
    let store = this.stores.get(collectionName);
    if (store === undefined) {
      const resolved = resolveDefinition(definition);
      // A failure here is reported by ping() and by the store's operations.
      this.open().catch(() => undefined);
      const model = createMongoModel(this.connection, collectionName, resolved);
      store = new MongoStore<object>(collectionName, model, resolved);
      this.stores.set(collectionName, store);
    }
    return store as DocumentStore<object> as DocumentStore<T>;
  }

  async ping(): Promise<void> {
    try {
      await this.open();
      await this.connection.db?.admin().ping();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new OpenLinesError(ErrorCode.Unavailable, `MongoDB unreachable: ${reason}`);
    }
  }

  /** For test suites that own a scratch database. */
  async dropDatabase(): Promise<void> {
    await this.open();
    await this.connection.dropDatabase();
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
  }
}
