import type { Database } from 'better-sqlite3';
import { SqliteIndexTable } from './sqlite-index.table';
import { INDEX_CATALOG, docsTable, indexTable } from './sqlite.values';

type Doc = Record<string, unknown>;
interface Row {
  r: number;
  id: string;
  doc: string;
}

/** The index definition as the catalog records it: a change means the table is rebuilt. */
function signatureOf(index: SqliteIndexTable): string {
  const { fields, unique, sparse } = index.definition;
  return JSON.stringify({ fields, unique: unique === true, sparse: sparse === true });
}

/**
 * Creates a collection's tables, in one transaction: the documents (id, version, JSON text;
 * rowid order is insertion order) and a side table per declared index. An index table is
 * (re)built from the stored documents when it is new or its definition changed, and dropped when
 * the index is no longer declared. Processes sharing the file must declare the same indexes.
 */
export function ensureCollection(
  db: Database,
  collection: string,
  indexes: SqliteIndexTable[],
): void {
  const names = new Set(indexes.map((index) => index.name));
  if (names.size !== indexes.length) throw new Error(`${collection}: two indexes share a name`);
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS ${docsTable(collection)} (id PRIMARY KEY, version, doc TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS ${INDEX_CATALOG} (collection TEXT NOT NULL, name TEXT NOT NULL,
        definition TEXT NOT NULL, multikey INTEGER NOT NULL, PRIMARY KEY (collection, name)) WITHOUT ROWID`);
    const catalog = db
      .prepare(`SELECT name, definition FROM ${INDEX_CATALOG} WHERE collection = ?`)
      .all(collection) as { name: string; definition: string }[];
    const recorded = new Map(catalog.map((row) => [row.name, row.definition]));
    for (const [name] of recorded) {
      if (names.has(name)) continue;
      db.exec(`DROP TABLE IF EXISTS ${indexTable(collection, name)}`);
      db.prepare(`DELETE FROM ${INDEX_CATALOG} WHERE collection = ? AND name = ?`).run(
        collection,
        name,
      );
    }
    for (const index of indexes) {
      const signature = signatureOf(index);
      if (recorded.get(index.name) === signature) continue;
      db.exec(`DROP TABLE IF EXISTS ${index.table}`);
      index.create();
      const record = `INSERT OR REPLACE INTO ${INDEX_CATALOG} VALUES (?, ?, ?, 0)`;
      db.prepare(record).run(collection, index.name, signature);
      build(db, collection, index);
    }
  }).immediate();
}

/** Fills a new index table from the stored documents; a duplicate key fails, as MongoDB's build. */
function build(db: Database, collection: string, index: SqliteIndexTable): void {
  const page = db.prepare(
    `SELECT rowid AS r, id, doc FROM ${docsTable(collection)} WHERE rowid > ? ORDER BY rowid LIMIT 1000`,
  );
  // Page by page: no other statement may run on the connection while one iterates.
  for (
    let after = 0, rows = page.all(after) as Row[];
    rows.length > 0;
    rows = page.all(after) as Row[]
  ) {
    for (const row of rows) {
      const entries = index.rowsOf(JSON.parse(row.doc) as Doc);
      index.check(entries, row.id);
      index.update(row.id, undefined, entries);
    }
    after = rows[rows.length - 1].r;
  }
}
