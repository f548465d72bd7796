import {
  LineSessionState,
  SessionChangedPayload,
  SessionClosedPayload,
  SessionCreatedPayload,
  SessionReassignedPayload,
} from '@openlines/contracts';
import { ChangedFact, SessionFact } from '../domain/session-fact';
import { FactPlacement } from '../domain/session-projection.rules';

/** A session event as the projection takes it: the fact, whose session it is, and where it lives. */
export interface MappedSessionFact {
  sessionId: string;
  fact: SessionFact;
  placement: FactPlacement;
}

const STATES = new Set<string>(Object.values(LineSessionState));

function time(iso: string): number {
  return Date.parse(iso);
}

export function fromSessionCreated(p: SessionCreatedPayload): MappedSessionFact {
  const fact: SessionFact = {
    kind: 'created',
    eventId: p.eventId,
    version: p.version,
    at: time(p.session.__createdAt),
    state: p.session._state,
  };
  if (p.session._userId !== undefined) fact.userId = p.session._userId;
  if (p.session._botId !== undefined) fact.botId = p.session._botId;
  return { sessionId: p.sessionId, fact, placement: { lineId: p.lineId, channelId: p.channelId } };
}

/**
 * Only `_state`, `_userId` and `_botId` matter to metrics: a change of anything else (name,
 * priority, last activity…) maps to nothing.
 */
export function fromSessionChanged(p: SessionChangedPayload): MappedSessionFact | null {
  const fact: ChangedFact = {
    kind: 'changed',
    eventId: p.eventId,
    version: p.version,
    at: time(p.occurredAt),
  };
  let relevant = false;
  for (const change of p.changes) {
    if (
      change.field === '_state' &&
      typeof change.newValue === 'string' &&
      STATES.has(change.newValue)
    ) {
      fact.state = change.newValue as LineSessionState;
      relevant = true;
    } else if (change.field === '_userId') {
      fact.userId = typeof change.newValue === 'string' ? change.newValue : null;
      relevant = true;
    } else if (change.field === '_botId') {
      fact.botId = typeof change.newValue === 'string' ? change.newValue : null;
      relevant = true;
    }
  }
  if (!relevant) return null;
  return { sessionId: p.sessionId, fact, placement: { lineId: p.lineId, channelId: p.channelId } };
}

/** Only a move away from an operator can count (see foldReassigned); the rest maps to nothing. */
export function fromSessionReassigned(p: SessionReassignedPayload): MappedSessionFact | null {
  if (p.from.userId === undefined) return null;
  const fact: SessionFact = {
    kind: 'reassigned',
    eventId: p.eventId,
    version: p.version,
    at: time(p.occurredAt),
    fromUserId: p.from.userId,
  };
  if (p.to.userId !== undefined) fact.toUserId = p.to.userId;
  if (p.to.userGroupId !== undefined) fact.toGroupId = p.to.userGroupId;
  if (p.to.botId !== undefined) fact.toBotId = p.to.botId;
  return { sessionId: p.sessionId, fact, placement: { lineId: p.lineId } };
}

export function fromSessionClosed(p: SessionClosedPayload): MappedSessionFact {
  const at = time(p.session._closedAt ?? p.occurredAt);
  return {
    sessionId: p.sessionId,
    fact: { kind: 'closed', eventId: p.eventId, version: p.version, at },
    placement: { lineId: p.lineId, channelId: p.channelId },
  };
}
