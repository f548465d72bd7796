import { randomUUID } from 'node:crypto';
import { OpenLinesError } from '@openlines/contracts';
import { ResolvedDefinition } from './collection.definition';
import { AggregationStage, Filter, UPDATE_OPERATORS, UpdateDocument } from './document-store.port';

/** Operators that run code on the database server; never accepted, whoever asks. */
const SCRIPT_OPERATORS = new Set(['$where', '$function', '$accumulator']);
/** Stages that write; the port's aggregate is read-only. */
const WRITE_STAGES = new Set(['$out', '$merge']);

function refuse(what: string, message: string): OpenLinesError {
  return OpenLinesError.validation(`invalid ${what}: ${message}`, [{ field: what, message }]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Walks a filter or pipeline with an explicit stack (no recursion) looking for script operators. */
export function assertNoServerScript(document: unknown, what: string): void {
  const stack: unknown[] = [document];
  const seen = new Set<object>();
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (!isRecord(next) || seen.has(next)) continue;
    seen.add(next);
    for (const [key, value] of Object.entries(next)) {
      if (SCRIPT_OPERATORS.has(key)) throw refuse(what, `${key} is not allowed`);
      if (isRecord(value)) stack.push(value);
    }
  }
}

export function assertReadOnlyPipeline(pipeline: readonly AggregationStage[]): void {
  assertNoServerScript(pipeline, 'aggregation pipeline');
  const write = pipeline
    .flatMap((stage) => Object.keys(stage))
    .find((key) => WRITE_STAGES.has(key));
  if (write !== undefined) throw refuse('aggregation pipeline', `${write} is not allowed`);
}

function touches(update: UpdateDocument, field: string, operators = UPDATE_OPERATORS): boolean {
  return operators.some((op) =>
    Object.keys(update[op] ?? {}).some((path) => path === field || path.startsWith(`${field}.`)),
  );
}

/**
 * Only the port's operators, each with an object argument; the id never changes (it may be set
 * by $setOnInsert, for an upsert); `_id` is the adapters' business.
 */
export function assertUpdate(update: UpdateDocument, definition: ResolvedDefinition): void {
  const keys = Object.keys(update);
  if (keys.length === 0) throw refuse('update', 'no update operator');
  const unknown = keys.find((key) => !(UPDATE_OPERATORS as readonly string[]).includes(key));
  if (unknown !== undefined) throw refuse('update', `unsupported operator ${unknown}`);
  if (keys.some((key) => !isRecord(update[key as keyof UpdateDocument])))
    throw refuse('update', 'operator arguments must be objects');
  const changing = UPDATE_OPERATORS.filter((op) => op !== '$setOnInsert');
  if (touches(update, definition.idField, changing))
    throw refuse('update', `${definition.idField} cannot change`);
  if (touches(update, '_id')) throw refuse('update', '_id is internal to the store');
}

/** Adds `$inc: { version: 1 }` unless the caller manages the version field in this update. */
export function withVersionBump(
  update: UpdateDocument,
  definition: ResolvedDefinition,
): UpdateDocument {
  const { versionField } = definition;
  if (versionField === undefined || touches(update, versionField)) return update;
  return { ...update, $inc: { ...update.$inc, [versionField]: 1 } };
}

/** The version field of a compare-and-set, which the store alone increments. */
export function versionFieldFor(definition: ResolvedDefinition, update: UpdateDocument): string {
  const { versionField } = definition;
  if (versionField === undefined)
    throw new Error('compareAndSet needs a versionField in the collection definition');
  if (touches(update, versionField))
    throw refuse('update', `compareAndSet manages ${versionField} itself`);
  return versionField;
}

/** A deep copy of a new document, with its id (a UUID when absent) and its first version. */
export function prepareInsert<T extends object>(doc: T, definition: ResolvedDefinition): T {
  const copy = structuredClone(doc) as Record<string, unknown>;
  if (Object.hasOwn(copy, '_id')) throw refuse('document', '_id is internal to the store');
  const id = copy[definition.idField];
  if (id === undefined) copy[definition.idField] = randomUUID();
  else if (typeof id !== 'string' || id.length === 0)
    throw refuse('document', `${definition.idField} must be a non-empty string`);
  if (definition.versionField !== undefined && copy[definition.versionField] === undefined)
    copy[definition.versionField] = 1;
  return copy as T;
}

/**
 * The fields an upsert copies from its filter into the new document, as MongoDB does:
 * top-level equalities (plain values or `$eq`), also inside `$and`.
 */
export function equalityFields(filter: Filter): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const visit = (part: Filter): void => {
    for (const [key, value] of Object.entries(part)) {
      if (key === '$and' && Array.isArray(value)) value.filter(isRecord).forEach(visit);
      if (key.startsWith('$')) continue;
      const operators = isRecord(value) && !Array.isArray(value) ? Object.keys(value) : [];
      if (operators.length > 0 && operators.every((op) => op.startsWith('$'))) {
        if (Object.hasOwn(value as object, '$eq'))
          fields[key] = (value as Record<string, unknown>).$eq;
      } else fields[key] = value;
    }
  };
  visit(filter);
  return fields;
}

/** The id a new upserted document gets: set on insert, or equal in the filter, or a new UUID. */
export function upsertId(
  filter: Filter,
  update: UpdateDocument,
  definition: ResolvedDefinition,
): string {
  const candidates = [
    update.$setOnInsert?.[definition.idField],
    equalityFields(filter)[definition.idField],
  ];
  const id = candidates.find((value) => value !== undefined);
  if (id === undefined) return randomUUID();
  if (typeof id !== 'string' || id.length === 0)
    throw refuse('upsert', `${definition.idField} must be a non-empty string`);
  return id;
}

/** The CONFLICT of a compareAndSet whose expected version is no longer the document's. */
export function versionConflict(
  collection: string,
  id: string,
  expectedVersion: number,
  currentVersion: unknown,
): OpenLinesError {
  const message = `${collection} ${id} is at version ${String(currentVersion)}, not ${expectedVersion}`;
  return OpenLinesError.conflict(message, { collection, id, expectedVersion, currentVersion });
}
