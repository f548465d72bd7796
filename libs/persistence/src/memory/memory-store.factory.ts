import { CollectionDefinition, DocumentStore, StoreFactory } from '../port/document-store.port';
import { ScanObserver, ScanOptions } from '../index/scan-observer';
import { MemoryStore } from './memory.store';

export type MemoryStoreOptions = ScanOptions;

/**
 * The stores of one in-process "database". Nothing is persisted: the process's exit loses it
 * all (the embedded mode says so loudly; this factory's `kind` is how it knows).
 */
export class MemoryStoreFactory implements StoreFactory {
  readonly kind = 'memory' as const;
  private readonly stores = new Map<string, MemoryStore<object>>();
  private readonly scans: ScanObserver;

  constructor(options: MemoryStoreOptions = {}) {
    this.scans = new ScanObserver(options);
  }

  createStore<T extends object>(
    collectionName: string,
    definition?: CollectionDefinition,
  ): DocumentStore<T> {
    let store = this.stores.get(collectionName);
    if (store === undefined) {
      store = new MemoryStore<object>(
        collectionName,
        definition,
        (name) => this.lookup(name),
        this.scans,
      );
      this.stores.set(collectionName, store);
    }
    return store as DocumentStore<object> as DocumentStore<T>;
  }

  /**
   * $lookup joins copies of a whole sibling collection (mingo stages modify their input): a scan,
   * reported as such; no service pipeline joins.
   */
  private lookup(collection: string): Record<string, unknown>[] {
    this.scans.scanned({ collection, operation: '$lookup', fields: [] });
    return this.stores.get(collection)?.snapshot() ?? [];
  }

  async ping(): Promise<void> {
    // Always reachable: it lives in this process.
  }

  async close(): Promise<void> {
    this.stores.clear();
  }

  /** Nest calls this on shutdown when the factory is a provider. */
  onApplicationShutdown(): Promise<void> {
    return this.close();
  }
}
