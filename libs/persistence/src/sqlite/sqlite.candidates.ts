import { QueryPlan } from '../index/query-planner';
import { Doc } from '../engine/collection.backend';
import { SqliteIndexTable } from './sqlite-index.table';
import { StatementCache } from './statement.cache';

/** Ids bound per statement when a filter names many. */
const IDS_PER_STATEMENT = 500;

/** Parsed one by one as mingo asks for them: a findOne may stop at the first match. */
export function* parsed(docs: unknown[]): Generator<Doc> {
  for (const doc of docs) yield JSON.parse(doc as string) as Doc;
}

/**
 * The documents a plan finds in one collection's table, in rowid (insertion) order: by id, by
 * a lookup in an index's side table, or all of them.
 */
export function candidatesOf(
  plan: QueryPlan,
  table: string,
  indexes: readonly SqliteIndexTable[],
  statements: StatementCache,
): Iterable<Doc> {
  if (plan.kind === 'scan')
    return parsed(statements.get(`SELECT doc FROM ${table} ORDER BY rowid`).pluck().all());
  if (plan.kind === 'index') {
    const index = indexes.find((candidate) => candidate.definition === plan.index);
    if (index === undefined) throw new Error(`${table} has no index ${plan.name}`);
    const { sql, params } = index.lookup(plan);
    const select = `SELECT doc FROM ${table} WHERE id IN (${sql}) ORDER BY rowid`;
    return parsed(
      statements
        .get(select)
        .pluck()
        .all(...params),
    );
  }
  const rows: { r: number; doc: string }[] = [];
  for (let i = 0; i < plan.ids.length; i += IDS_PER_STATEMENT) {
    const ids = plan.ids.slice(i, i + IDS_PER_STATEMENT);
    const slots = ids.map(() => '?').join(', ');
    const sql = `SELECT rowid AS r, doc FROM ${table} WHERE id IN (${slots})`;
    rows.push(...(statements.get(sql).all(...ids) as { r: number; doc: string }[]));
  }
  return parsed(rows.sort((a, b) => a.r - b.r).map((row) => row.doc));
}
