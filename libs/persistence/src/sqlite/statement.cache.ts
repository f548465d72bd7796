import type { Database, Statement } from 'better-sqlite3';

/** Prepared statements by their SQL: preparing costs more than running a small query. */
export class StatementCache {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Database) {}

  get(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      // Lookups with many `$in` values make many shapes: keep the cache bounded.
      if (this.statements.size >= 500) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
