import { UpdateDocument } from '../port/document-store.port';
import { PlannerOptions, QueryPlan } from '../index/query-planner';

export type Doc = Record<string, unknown>;

/**
 * Where an embedded store keeps one collection's documents and index entries (a Map in memory,
 * tables in SQLite). Every method is synchronous, so a store operation run inside `write` is
 * atomic within the process; the SQLite backend makes it a transaction, atomic across processes.
 */
export interface CollectionBackend {
  /**
   * True when the documents it hands out are the stored objects themselves (memory): the store
   * then copies whatever it returns. False when each read makes fresh objects (SQLite).
   */
  readonly sharesDocuments: boolean;
  /** What its indexes can narrow by (equalities only, or ranges too). */
  readonly planning: PlannerOptions;
  get(id: string): Doc | undefined;
  /** The plan's documents in collection (insertion) order: a superset of the matches. */
  candidates(plan: QueryPlan): Iterable<Doc>;
  /** Stores a new document (id and version already set); CONFLICT on a duplicate id or key. */
  insert(doc: Doc): Doc;
  /**
   * Applies the update to the stored document (never to `target` when documents are shared),
   * checks unique keys, writes it with its index entries. Returns it, or undefined if unchanged.
   */
  replace(target: Doc, update: UpdateDocument): Doc | undefined;
  remove(target: Doc): void;
  /** Runs a read (a consistent snapshot). */
  read<R>(work: () => R): R;
  /** Runs a write: all or nothing, nobody else writing meanwhile. */
  write<R>(work: () => R): R;
  /** One all-or-nothing step inside a write that may stop half-way (insertMany, updateMany). */
  step<R>(work: () => R): R;
}
