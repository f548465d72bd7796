import { ResolvedDefinition } from '../port/collection.definition';
import { Filter, UpdateDocument } from '../port/document-store.port';
import { equalityFields, upsertId } from '../port/store.guards';
import { MingoUpdate, applyMingoUpdate } from './mingo.options';

type Doc = Record<string, unknown>;

/**
 * Applies the update's operators to `doc` in place, one after the other (mingo's updater takes
 * one operator per call; MongoDB refuses two operators on one path, so the order cannot matter).
 * Returns whether anything changed.
 */
export function applyUpdate(doc: Doc, update: UpdateDocument): boolean {
  let changed = false;
  for (const [operator, argument] of Object.entries(update)) {
    if (operator === '$setOnInsert' || argument === undefined) continue;
    const paths = applyMingoUpdate(doc, { [operator]: argument } as MingoUpdate);
    changed = paths.length > 0 || changed;
  }
  return changed;
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
