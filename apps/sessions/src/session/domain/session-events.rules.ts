import {
  Actor,
  LineSessionData,
  LineSessionState,
  LinesEvents,
  SessionAssignmentReason,
  SessionChangedPayload,
  SessionCreatedPayload,
  SessionFieldChange,
  SessionReassignedPayload,
} from '@openlines/contracts';
import { PendingEvent } from '../../outbox/pending-event';
import { diffFields, isReassignment, responsibleOf } from './session-diff.rules';

/** Event ids derive from the session version: the same change always yields the same ids. */
export const sessionEventId = (sessionId: string, version: number, kind: string): string =>
  `session.${kind}:${sessionId}:${version}`;

export interface ChangeContext {
  actor: Actor;
  occurredAt: string;
  /** Why the responsible party changed, when it did. */
  reason?: SessionAssignmentReason;
  /** assignToBot(silent): the bot must not start; carried on SessionReassigned as `silent: true`. */
  silent?: boolean;
}

/** Events of a new session: created, and (when someone is responsible already) reassigned. */
export function sessionCreatedEvents(session: LineSessionData, context: ChangeContext): PendingEvent[] {
  const base = { sessionId: session.__id, lineId: session._line, version: session._version, actor: context.actor, occurredAt: context.occurredAt };
  const created: SessionCreatedPayload = {
    ...base,
    eventId: sessionEventId(session.__id, session._version, 'created'),
    channelId: session._channel,
    session,
  };
  const events: PendingEvent[] = [{ eventId: created.eventId, subject: LinesEvents.session.created, payload: created }];
  const to = responsibleOf(session);
  if (isReassignment({}, to)) events.push(reassigned(session, {}, context, 'created'));
  return events;
}

/**
 * Events of one change: SessionChanged with its field list; SessionReassigned when the operator,
 * group or bot changed; session.closed when it reached Closed. Nothing when nothing changed.
 */
export function sessionChangeEvents(before: LineSessionData, after: LineSessionData, context: ChangeContext): PendingEvent[] {
  const changes = diffFields(before, after) as SessionFieldChange[];
  if (changes.length === 0) return [];
  const changed: SessionChangedPayload = {
    eventId: sessionEventId(after.__id, after._version, 'changed'),
    sessionId: after.__id,
    lineId: after._line,
    channelId: after._channel,
    version: after._version,
    changes,
    actor: context.actor,
    occurredAt: context.occurredAt,
  };
  const events: PendingEvent[] = [{ eventId: changed.eventId, subject: LinesEvents.session.changed, payload: changed }];
  const from = responsibleOf(before);
  if (isReassignment(from, responsibleOf(after))) {
    events.push(reassigned(after, from, context, context.reason ?? 'assignToOperator'));
  }
  if (after._state === LineSessionState.Closed && before._state !== LineSessionState.Closed) {
    const closed = {
      eventId: sessionEventId(after.__id, after._version, 'closed'),
      sessionId: after.__id,
      lineId: after._line,
      channelId: after._channel,
      version: after._version,
      actor: context.actor,
      occurredAt: context.occurredAt,
      session: after,
    };
    events.push({ eventId: closed.eventId, subject: LinesEvents.session.closed, payload: closed });
  }
  return events;
}

function reassigned(
  session: LineSessionData,
  from: SessionReassignedPayload['from'],
  context: ChangeContext,
  reason: SessionAssignmentReason,
): PendingEvent {
  const payload: SessionReassignedPayload = {
    eventId: sessionEventId(session.__id, session._version, 'reassigned'),
    sessionId: session.__id,
    lineId: session._line,
    version: session._version,
    from,
    to: responsibleOf(session),
    reason,
    actor: context.actor,
    occurredAt: context.occurredAt,
  };
  const withSilence = context.silent === true ? { ...payload, silent: true } : payload;
  return { eventId: payload.eventId, subject: LinesEvents.session.reassigned, payload: withSilence };
}
