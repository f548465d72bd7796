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

/** A CONFLICT of any kind: another writer won, or a unique key is taken. */
export const isConflict = (error: unknown): boolean =>
  error instanceof OpenLinesError && error.code === ErrorCode.Conflict;

/** Only a lost compare-and-set (`writeIfUnchanged`'s CONFLICT carries the expected version). */
export const isVersionConflict = (error: unknown): boolean =>
  isConflict(error) && (error as OpenLinesError).details?.expectedVersion !== undefined;

/**
 * Runs a read-modify-write again while it fails with a retryable CONFLICT (another writer won the
 * race). `attempt` must read fresh state each time; decisions between competitors (assignments)
 * must not be retried, only writes where a lost race means "read again".
 */
export async function retryOnConflict<R>(
  attempt: () => Promise<R>,
  attempts = 5,
  retryOn: (error: unknown) => boolean = isVersionConflict,
): Promise<R> {
  for (let i = 1; ; i += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!retryOn(error) || i >= attempts) throw error;
    }
  }
}
