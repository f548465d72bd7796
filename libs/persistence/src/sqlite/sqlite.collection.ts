import type { Database, Transaction } from 'better-sqlite3';
import { OpenLinesError } from '@openlines/contracts';
import { ResolvedDefinition } from '../port/collection.definition';
import { UpdateDocument } from '../port/document-store.port';
import { QueryPlan } from '../index/query-planner';
import { CollectionBackend, Doc } from '../engine/collection.backend';
import { applyUpdate, touches } from '../memory/memory-update';
import { SqliteIndexTable } from './sqlite-index.table';
import { candidatesOf, parsed } from './sqlite.candidates';
import { ensureCollection } from './sqlite.catalog';
import { StatementCache } from './statement.cache';
import { docsTable } from './sqlite.values';

type Work = (work: () => unknown) => unknown;

/**
 * One collection in a SQLite file: the documents as JSON text in their table, each declared
 * index in its side table, written together. Reads parse fresh objects, so nothing is shared
 * with callers. Writes run in a `BEGIN IMMEDIATE` transaction: SQLite's lock makes them atomic
 * across every process that opens the file.
 */
export class SqliteCollection implements CollectionBackend {
  readonly sharesDocuments = false;
  readonly planning = { ranges: true };
  private readonly table: string;
  private readonly indexes: SqliteIndexTable[];
  private readonly transaction: Transaction<Work>;

  constructor(
    db: Database,
    private readonly statements: StatementCache,
    private readonly name: string,
    private readonly definition: ResolvedDefinition,
  ) {
    this.table = docsTable(name);
    this.indexes = definition.indexes.map(
      (index) => new SqliteIndexTable(db, statements, name, index),
    );
    ensureCollection(db, name, this.indexes);
    this.transaction = db.transaction((work: () => unknown) => work());
  }

  get(id: string): Doc | undefined {
    const doc = this.statements.get(`SELECT doc FROM ${this.table} WHERE id = ?`).pluck().get(id);
    return doc === undefined ? undefined : (JSON.parse(doc as string) as Doc);
  }

  candidates(plan: QueryPlan): Iterable<Doc> {
    return candidatesOf(plan, this.table, this.indexes, this.statements);
  }

  insert(doc: Doc): Doc {
    const id = this.idOf(doc);
    if (this.statements.get(`SELECT 1 FROM ${this.table} WHERE id = ?`).get(id) !== undefined) {
      const { idField } = this.definition;
      throw OpenLinesError.conflict(`duplicate id in ${this.name}: ${id}`, {
        collection: this.name,
        index: idField,
        keyValue: { [idField]: id },
      });
    }
    const rows = this.indexes.map((index) => index.rowsOf(doc));
    this.indexes.forEach((index, i) => index.check(rows[i], id));
    const insert = this.statements.get(
      `INSERT INTO ${this.table} (id, version, doc) VALUES (?, ?, ?)`,
    );
    insert.run(id, this.versionOf(doc), JSON.stringify(doc));
    this.indexes.forEach((index, i) => index.update(id, undefined, rows[i]));
    return doc;
  }

  /** `target` was parsed for this write: the update is applied to it in place. */
  replace(target: Doc, update: UpdateDocument): Doc | undefined {
    const id = this.idOf(target);
    const before = this.indexes.map((index) => index.rowsOf(target));
    const changed = applyUpdate(target, update);
    if (changed.size === 0) return undefined;
    // Only the indexes on a changed field have rows to move.
    const affected = this.indexes.flatMap((index, i) =>
      touches(index.fields, changed) ? [i] : [],
    );
    const after = this.indexes.map((index, i) =>
      affected.includes(i) ? index.rowsOf(target) : before[i],
    );
    affected.forEach((i) => this.indexes[i].check(after[i], id));
    const write = this.statements.get(`UPDATE ${this.table} SET version = ?, doc = ? WHERE id = ?`);
    write.run(this.versionOf(target), JSON.stringify(target), id);
    affected.forEach((i) => this.indexes[i].update(id, before[i], after[i]));
    return target;
  }

  remove(target: Doc): void {
    const id = this.idOf(target);
    this.statements.get(`DELETE FROM ${this.table} WHERE id = ?`).run(id);
    this.indexes.forEach((index) => index.update(id, index.rowsOf(target), undefined));
  }

  read<R>(work: () => R): R {
    return this.transaction.deferred(work) as R;
  }

  write<R>(work: () => R): R {
    return this.transaction.immediate(work) as R;
  }

  /** Inside a write, a nested transaction is a SAVEPOINT: it alone rolls back when it throws. */
  step<R>(work: () => R): R {
    return this.transaction(work) as R;
  }

  /** Every document, parsed: what a `$lookup` from a sibling collection joins. */
  all(): Doc[] {
    return [
      ...parsed(this.statements.get(`SELECT doc FROM ${this.table} ORDER BY rowid`).pluck().all()),
    ];
  }

  private idOf(doc: Doc): string {
    return doc[this.definition.idField] as string;
  }

  private versionOf(doc: Doc): number | null {
    const version =
      this.definition.versionField === undefined ? undefined : doc[this.definition.versionField];
    return typeof version === 'number' ? version : null;
  }
}
