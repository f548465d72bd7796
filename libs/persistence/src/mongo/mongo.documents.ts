import { ResolvedDefinition } from '../port/collection.definition';
import {
  AggregationStage,
  Filter,
  UpdateDocument,
  UpdateResult,
} from '../port/document-store.port';
import * as guards from '../port/store.guards';
import { StoredDocument } from './mongo.schema';

/**
 * How port documents become MongoDB documents and back: `_id` is the document's id, added on
 * the way in and projected away on the way out. Pure functions, tested without a server.
 */
export const HIDE_ID = { _id: 0 } as const;

/** Stages that may run before `_id` is hidden, so that MongoDB can still use indexes for them. */
const LEADING_STAGES = new Set(['$match', '$sort', '$skip', '$limit']);

export function toStoredDocument(doc: object, definition: ResolvedDefinition): StoredDocument {
  const fields = doc as Record<string, unknown>;
  return { ...fields, _id: fields[definition.idField] as string };
}

/**
 * The update MongoDB receives: validated, with the version bumped and, for an upsert, `_id` (and
 * the id field, unless the filter's equality already sets it) given to the document it inserts.
 */
export function toMongoUpdate(
  filter: Filter,
  update: UpdateDocument,
  definition: ResolvedDefinition,
  upsert: boolean,
): UpdateDocument & { $setOnInsert?: Record<string, unknown> } {
  guards.assertNoServerScript(filter, 'filter');
  guards.assertUpdate(update, definition);
  const bumped = guards.withVersionBump(update, definition);
  if (!upsert) return bumped;
  const id = guards.upsertId(filter, update, definition);
  const idInFilter = guards.equalityFields(filter)[definition.idField] !== undefined;
  const $setOnInsert = {
    ...bumped.$setOnInsert,
    _id: id,
    ...(idInFilter ? {} : { [definition.idField]: id }),
  };
  return { ...bumped, $setOnInsert };
}

/**
 * The pipeline MongoDB runs: `_id` is hidden after the leading match/sort/skip/limit stages
 * (which can then use indexes) and before any stage that could show it; a later $group makes its
 * own `_id`, as usual.
 */
export function toMongoPipeline(pipeline: readonly AggregationStage[]): AggregationStage[] {
  guards.assertReadOnlyPipeline(pipeline);
  const lead = pipeline.findIndex(
    (stage) => !Object.keys(stage).every((key) => LEADING_STAGES.has(key)),
  );
  const split = lead === -1 ? pipeline.length : lead;
  return [...pipeline.slice(0, split), { $project: HIDE_ID }, ...pipeline.slice(split)];
}

/** The port's result of a MongoDB update; `upsertedId` is the inserted document's id (= `_id`). */
export function toUpdateResult(result: {
  matchedCount: number;
  modifiedCount: number;
  upsertedId?: unknown;
}): UpdateResult {
  const { matchedCount, modifiedCount, upsertedId } = result;
  const upserted =
    upsertedId === null || upsertedId === undefined ? {} : { upsertedId: String(upsertedId) };
  return { matchedCount, modifiedCount, ...upserted };
}
