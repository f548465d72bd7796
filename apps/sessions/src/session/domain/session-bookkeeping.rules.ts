import { LineSessionState } from '@openlines/contracts';
import { isOpenState } from './session.rules';
import { isReassignment, jsonEqual, responsibleOf } from './session-diff.rules';

/** The key of "the client's open session on the line" (unique among sessions). */
export const openKeyOf = (lineId: string, clientId: string): string => `${lineId}|${clientId}`;

/** The fields that follow from a session's state and assignee; no use case sets them by hand. */
export interface BookkeptSession {
  __id: string;
  _line: string;
  _clients: string[];
  _state: LineSessionState;
  _userId?: string;
  _userGroupId?: string;
  _botId?: string;
  _acceptedAt?: string;
  _closedAt?: string;
  _openKey: string;
  _queuedAt?: string;
  _queueTick?: number;
}

/**
 * Derives, for the session after a change: `_acceptedAt` (last reassignment or state change
 * [doc]), `_closedAt`, the queue position (set on entering Waiting, kept while it waits, even
 * when moved to another group's queue, removed on leaving), and `_openKey` (the client's
 * line-wide "one open session" key while open, the session's own id otherwise).
 */
export function withBookkeeping<T extends BookkeptSession>(before: T, after: T, now: Date, tick: number): T {
  const at = now.toISOString();
  const next: T = { ...after };
  const stateChanged = before._state !== after._state;
  if (stateChanged || isReassignment(responsibleOf(before), responsibleOf(after))) next._acceptedAt = at;
  if (stateChanged && after._state === LineSessionState.Closed) next._closedAt = at;
  if (after._state === LineSessionState.Waiting) {
    if (before._state !== LineSessionState.Waiting || before._queueTick === undefined) {
      next._queuedAt = at;
      next._queueTick = tick;
    }
  } else {
    delete next._queuedAt;
    delete next._queueTick;
  }
  next._openKey = isOpenState(after._state) ? openKeyOf(after._line, after._clients[0]) : after.__id;
  return next;
}

/** `$set` / `$unset` that turn `before` into `after`, leaving out the given fields. */
export function documentUpdate(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  skip: ReadonlySet<string>,
): { $set: Record<string, unknown>; $unset: Record<string, ''> } {
  const $set: Record<string, unknown> = {};
  const $unset: Record<string, ''> = {};
  for (const [field, value] of Object.entries(after)) {
    if (skip.has(field) || value === undefined) continue;
    if (!jsonEqual(before[field], value) || !(field in before)) $set[field] = value;
  }
  for (const field of Object.keys(before)) {
    if (!skip.has(field) && before[field] !== undefined && after[field] === undefined) $unset[field] = '';
  }
  return { $set, $unset };
}
