import { ResolvedDefinition } from '../port/collection.definition';
import { Filter, UpdateDocument } from '../port/document-store.port';
import { equalityFields, upsertId } from '../port/store.guards';
import { MingoUpdate, applyMingoUpdate } from './mingo.options';

type Doc = Record<string, unknown>;

/**
 * Applies the update's operators to `doc` in place, one after the other (mingo's updater takes
 * one operator per call; MongoDB refuses two operators on one path, so the order cannot matter).
 * Returns the top-level fields it changed (none: the document is unchanged), so that indexes on
 * other fields are left alone.
 */
export function applyUpdate(doc: Doc, update: UpdateDocument): Set<string> {
  const changed = new Set<string>();
  for (const [operator, argument] of Object.entries(update)) {
    if (operator === '$setOnInsert' || argument === undefined) continue;
    const paths = applyMingoUpdate(doc, { [operator]: argument } as MingoUpdate);
    for (const path of paths) changed.add(topLevel(path));
  }
  return changed;
}

const topLevel = (path: string): string => {
  const dot = path.indexOf('.');
  return dot === -1 ? path : path.slice(0, dot);
};

/** Whether an index reads any of the top-level fields an update changed. */
export function touches(fields: readonly string[], changed: ReadonlySet<string>): boolean {
  return fields.some((field) => changed.has(topLevel(field)));
}

/** The document an upsert inserts: the filter's equalities, then $setOnInsert, then the update. */
export function buildUpsert(
  filter: Filter,
  update: UpdateDocument,
  definition: ResolvedDefinition,
): Doc {
  const doc: Doc = {};
  const seed = equalityFields(filter);
  if (Object.keys(seed).length > 0) applyMingoUpdate(doc, { $set: seed } as MingoUpdate);
  if (update.$setOnInsert !== undefined)
    applyMingoUpdate(doc, { $set: update.$setOnInsert } as MingoUpdate);
  applyUpdate(doc, update);
  doc[definition.idField] = upsertId(filter, update, definition);
  return doc;
}
