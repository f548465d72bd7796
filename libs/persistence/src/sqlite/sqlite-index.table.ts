import type { Database } from 'better-sqlite3';
import { OpenLinesError } from '@openlines/contracts';
import { indexName } from '../port/collection.definition';
import { IndexDefinition } from '../port/document-store.port';
import { IndexEntry, encodeEntry, indexEntries, keyValueOf, uniquePart } from '../index/index-keys';
import { IndexPlan } from '../index/query-planner';
import { StatementCache } from './statement.cache';
import { INDEX_CATALOG, SqlValue, indexTable, quoted, sqlValue } from './sqlite.values';

type Doc = Record<string, unknown>;
/** A document's rows in one index table: its distinct entries by their encoded key. */
export type IndexRows = Map<string, IndexEntry>;

const RANGE_SQL = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' } as const;

/**
 * The side table of one declared index: a row per entry of each document (one per array
 * element for a multikey field), with the typed key columns k0, k1, … (SQLite-indexed, for
 * lookups and ranges), the encoded key `u` (the primary key of a unique index: uniqueness with
 * MongoDB's rules, the same encoding as MemoryStore's) and the document id.
 */
export class SqliteIndexTable {
  readonly name: string;
  readonly table: string;
  readonly fields: readonly string[];
  private readonly columns: string[];
  /** Once a document had several entries, for good (MongoDB's multikey flag), in the catalog. */
  private multikey = false;

  constructor(
    private readonly db: Database,
    private readonly statements: StatementCache,
    private readonly collection: string,
    readonly definition: IndexDefinition,
  ) {
    this.name = indexName(definition);
    this.table = indexTable(collection, this.name);
    this.fields = Object.keys(definition.fields);
    this.columns = this.fields.map((_, i) => `k${i}`);
  }

  create(): void {
    const key = this.definition.unique ? 'PRIMARY KEY (u)' : 'PRIMARY KEY (u, id)';
    const keys = this.columns.join(', ');
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${this.table} (u TEXT NOT NULL, id NOT NULL, ${keys}, ${key}) WITHOUT ROWID;
       CREATE INDEX IF NOT EXISTS ${quoted(`${this.table}:keys`)} ON ${this.table} (${keys})`,
    );
  }

  rowsOf(doc: Doc): IndexRows {
    const rows: IndexRows = new Map();
    for (const entry of indexEntries(doc, this.definition))
      rows.set(encodeEntry(entry, uniquePart), entry);
    return rows;
  }

  /** Throws CONFLICT when another document (not `id`) holds one of the keys of a unique index. */
  check(rows: IndexRows, id: string): void {
    if (!this.definition.unique) return;
    const owner = this.statements.get(`SELECT id FROM ${this.table} WHERE u = ?`).pluck();
    for (const [key, entry] of rows) {
      const holder = owner.get(key) as string | undefined;
      if (holder === undefined || holder === id) continue;
      throw OpenLinesError.conflict(`duplicate key in ${this.collection} (index ${this.name})`, {
        collection: this.collection,
        index: this.name,
        keyValue: keyValueOf(this.definition, entry),
      });
    }
  }

  /** Writes the rows `after` has and `before` had not, deletes those it no longer has. */
  update(id: string, before: IndexRows | undefined, after: IndexRows | undefined): void {
    const remove = this.statements.get(`DELETE FROM ${this.table} WHERE u = ? AND id = ?`);
    for (const key of before?.keys() ?? []) if (!after?.has(key)) remove.run(key, id);
    const slots = this.columns.map(() => '?').join(', ');
    const insert = this.statements.get(`INSERT INTO ${this.table} VALUES (?, ?, ${slots})`);
    for (const [key, entry] of after ?? [])
      if (!before?.has(key)) insert.run(key, id, ...entry.map(sqlValue));
    if (after !== undefined && after.size > 1 && !this.multikey) {
      this.statements
        .get(`UPDATE ${INDEX_CATALOG} SET multikey = 1 WHERE collection = ? AND name = ?`)
        .run(this.collection, this.name);
      this.multikey = true;
    }
  }

  /** Read in the query's transaction: another process may have made it multikey meanwhile. */
  private isMultikey(): boolean {
    if (this.multikey) return true;
    const flag = this.statements
      .get(`SELECT multikey FROM ${INDEX_CATALOG} WHERE collection = ? AND name = ?`)
      .pluck()
      .get(this.collection, this.name);
    this.multikey = flag !== 0;
    return this.multikey;
  }

  /**
   * A SELECT of the ids the plan finds, with its parameters: one lookup per combination of the
   * equalities' values (`IS`, so that null finds NULL), each bounded by the ranges.
   */
  lookup(plan: IndexPlan): { sql: string; params: SqlValue[] } {
    let combinations: SqlValue[][] = [[]];
    for (const values of plan.equalities)
      combinations = combinations.flatMap((combo) =>
        values.map((value) => [...combo, sqlValue(value)]),
      );
    const ranged = this.columns[plan.equalities.length];
    // Two bounds on one field may be met by two elements of an array: on one row only when
    // no document has several entries.
    const bounds =
      plan.ranges.length > 1 && this.isMultikey() ? plan.ranges.slice(0, 1) : plan.ranges;
    const ranges = bounds.map((range) => `${ranged} ${RANGE_SQL[range.op]} ?`);
    const conditions = [...plan.equalities.map((_, i) => `${this.columns[i]} IS ?`), ...ranges];
    const select = `SELECT id FROM ${this.table} WHERE ${conditions.join(' AND ')}`;
    const rangeValues = bounds.map((range) => range.value);
    if (combinations.length === 0) return { sql: 'SELECT NULL AS id WHERE 0', params: [] };
    return {
      sql: combinations.map(() => select).join(' UNION ALL '),
      params: combinations.flatMap((combo) => [...combo, ...rangeValues]),
    };
  }
}
