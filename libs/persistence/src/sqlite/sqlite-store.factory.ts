import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { resolveDefinition } from '../port/collection.definition';
import { CollectionDefinition, DocumentStore, StoreFactory } from '../port/document-store.port';
import { ScanObserver, ScanOptions } from '../index/scan-observer';
import { Doc } from '../engine/collection.backend';
import { EngineStore } from '../engine/engine.store';
import { SqliteCollection } from './sqlite.collection';
import { StatementCache } from './statement.cache';
import { docsTable, docsTableName } from './sqlite.values';

export interface SqliteStoreOptions extends ScanOptions {
  /** The database file (one per service database); its directory is created when missing. */
  file: string;
  /** How long a write waits for another process's write to finish; default 5 s. */
  busyTimeoutMs?: number;
}

/**
 * The durable embedded adapter: one SQLite file per service database, opened in WAL mode with
 * `synchronous = NORMAL` (a committed operation survives the process being killed). Documents
 * and index entries live in tables (see libs/persistence/README.md for why), every operation
 * is one transaction, and SQLite's file lock makes writes atomic across processes, so replicas
 * on one machine may share the file.
 */
export class SqliteStoreFactory implements StoreFactory {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly statements: StatementCache;
  private readonly scans: ScanObserver;
  private readonly collections = new Map<string, SqliteCollection>();
  private readonly stores = new Map<string, DocumentStore<object>>();

  constructor(options: SqliteStoreOptions) {
    mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true });
    this.db = new Database(options.file, { timeout: options.busyTimeoutMs ?? 5_000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.statements = new StatementCache(this.db);
    this.scans = new ScanObserver(options);
  }

  createStore<T extends object>(
    collectionName: string,
    definition?: CollectionDefinition,
  ): DocumentStore<T> {
    let store = this.stores.get(collectionName);
    if (store === undefined) {
      const resolved = resolveDefinition(definition);
      const collection = new SqliteCollection(this.db, this.statements, collectionName, resolved);
      store = new EngineStore<object>(collectionName, resolved, collection, this.scans, (name) =>
        this.lookup(name),
      );
      this.collections.set(collectionName, collection);
      this.stores.set(collectionName, store);
    }
    return store as DocumentStore<T>;
  }

  /** `$lookup` joins the sibling collection's documents (all of them: a scan, reported). */
  private lookup(collection: string): Doc[] {
    this.scans.scanned({ collection, operation: '$lookup', fields: [] });
    const known = this.collections.get(collection);
    if (known !== undefined) return known.all();
    const table = docsTable(collection);
    const exists = this.db
      .prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`)
      .get(docsTableName(collection));
    if (exists === undefined) return [];
    const docs = this.db
      .prepare(`SELECT doc FROM ${table} ORDER BY rowid`)
      .pluck()
      .all() as string[];
    return docs.map((doc) => JSON.parse(doc) as Doc);
  }

  async ping(): Promise<void> {
    try {
      this.db.prepare('SELECT 1').get();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new OpenLinesError(ErrorCode.Unavailable, `SQLite store unavailable: ${reason}`);
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
    this.stores.clear();
    this.collections.clear();
  }

  /** Nest calls this on shutdown when the factory is a provider. */
  onApplicationShutdown(): Promise<void> {
    return this.close();
  }
}
