import { resolveDefinition } from '../port/collection.definition';
import { CollectionDefinition } from '../port/document-store.port';
import { ScanObserver } from '../index/scan-observer';
import { Doc } from '../engine/collection.backend';
import { CollectionResolver } from '../engine/engine.aggregate';
import { EngineStore } from '../engine/engine.store';
import { MemoryCollection } from './memory.collection';

/**
 * The in-process adapter (tests and the embedded dev mode): documents live in a Map, every
 * declared index in maps of key prefixes to ids, kept in step with each write; queries are
 * planned onto them and evaluated by mingo with MongoDB semantics. Documents are copied on the
 * way in and out (only those a call returns), so no caller can mutate stored state.
 */
export class MemoryStore<T extends object> extends EngineStore<T> {
  private readonly docs: MemoryCollection;

  constructor(
    collectionName: string,
    definition?: CollectionDefinition,
    resolveCollection: CollectionResolver = () => [],
    scans: ScanObserver = new ScanObserver(),
  ) {
    const resolved = resolveDefinition(definition);
    const docs = new MemoryCollection(collectionName, resolved);
    super(collectionName, resolved, docs, scans, resolveCollection);
    this.docs = docs;
  }

  /** Copies of every stored document: what `$lookup` from another MemoryStore reads. */
  snapshot(): Doc[] {
    return [...this.docs.values()].map((doc) => structuredClone(doc));
  }
}
