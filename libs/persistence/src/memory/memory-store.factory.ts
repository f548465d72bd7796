import { CollectionDefinition, DocumentStore, StoreFactory } from '../port/document-store.port';
import { MemoryStore } from './memory.store';

/**
 * The stores of one in-process "database". Nothing is persisted: the process's exit loses it
 * all (the embedded mode says so loudly; this factory's `kind` is how it knows).
 */
export class MemoryStoreFactory implements StoreFactory {
  readonly kind = 'memory' as const;
  private readonly stores = new Map<string, MemoryStore<object>>();

  createStore<T extends object>(
    collectionName: string,
    definition?: CollectionDefinition,
  ): DocumentStore<T> {
    let store = this.stores.get(collectionName);
    if (store === undefined) {
      // $lookup reads copies of the sibling collections of this factory.
      store = new MemoryStore<object>(
        collectionName,
        definition,
        (name) => this.stores.get(name)?.snapshot() ?? [],
      );
      this.stores.set(collectionName, store);
    }
    return store as DocumentStore<object> as DocumentStore<T>;
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
