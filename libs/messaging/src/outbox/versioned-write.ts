import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import type { DocumentStore, UpdateDocument } from '@openlines/persistence';
import { OutboxEntry, WithOutbox, pushOutbox } from './embedded-outbox';

/** Bookkeeping fields that no diff may write: the id, the version and the outbox. */
const NOT_DIFFED = new Set(['__id', '_version', 'outbox']);

/** $set of every changed field of `after`, $unset of every field `after` no longer has. */
export function diffUpdate<T extends object>(before: T, after: T): UpdateDocument {
  const set: Record<string, unknown> = {};
  const unset: Record<string, ''> = {};
  const old = before as Record<string, unknown>;
  const next = after as Record<string, unknown>;
  for (const [key, value] of Object.entries(next)) {
    if (NOT_DIFFED.has(key) || value === undefined) continue;
    if (JSON.stringify(value) !== JSON.stringify(old[key])) set[key] = value;
  }
  for (const key of Object.keys(old)) {
    if (!NOT_DIFFED.has(key) && old[key] !== undefined && next[key] === undefined) unset[key] = '';
  }
  return {
    ...(Object.keys(set).length > 0 ? { $set: set } : {}),
    ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
  };
}

export interface Versioned extends WithOutbox {
  _version?: number;
}

/**
 * Writes `update` and its events only if the document is still at `expectedVersion`, and bumps
 * the version: the optimistic lock of every read-modify-write of this service. The version is
 * ours (not the store's), so publishing outbox entries does not count as a change.
 * NOT_FOUND when the document is gone; CONFLICT when it moved on (callers re-read and retry).
 */
export async function writeIfUnchanged<T extends Versioned>(
  store: DocumentStore<T>,
  entity: string,
  id: string,
  expectedVersion: number,
  update: UpdateDocument,
  events: readonly OutboxEntry[],
): Promise<T> {
  const written = await store.findOneAndUpdate(
    { __id: id, _version: expectedVersion },
    { ...update, ...pushOutbox(events), $inc: { _version: 1 } },
  );
  if (written !== null) return written;
  const current = await store.findOne({ __id: id });
  if (current === null) throw OpenLinesError.notFound(entity, id);
  throw OpenLinesError.conflict(`${entity} ${id} changed meanwhile`, {
    id,
    expectedVersion,
    currentVersion: current._version ?? null,
  });
}

/** Runs a read-modify-write again while it hits CONFLICT (another writer won the race). */
export async function retryOnConflict<R>(attempt: () => Promise<R>, attempts = 5): Promise<R> {
  for (let i = 1; ; i += 1) {
    try {
      return await attempt();
    } catch (error) {
      const conflict =
        error instanceof OpenLinesError &&
        error.code === ErrorCode.Conflict &&
        error.details?.expectedVersion !== undefined;
      if (!conflict || i >= attempts) throw error;
    }
  }
}
