import { Injectable } from '@nestjs/common';
import { Actor, LineSessionData, SYSTEM_USER_ID, SessionAssignmentReason } from '@openlines/contracts';
import { correlationHeaders } from '@openlines/messaging';
import { UpdateDocument } from '@openlines/persistence';
import { MessageDocument } from '../message/persistence/message.schema';
import { PendingEvent } from '../outbox/pending-event';
import { SessionOutboxRelay } from '../outbox/session-outbox.relay';
import { CandidateVerdict } from '../routing/domain/operator-choice.rules';
import { QueueClock } from '../routing/domain/queue.rules';
import { documentUpdate, withBookkeeping } from './domain/session-bookkeeping.rules';
import { isReassignment, responsibleOf } from './domain/session-diff.rules';
import { ChangeContext, sessionChangeEvents, sessionCreatedEvents } from './domain/session-events.rules';
import { SessionRepository } from './persistence/session.repository';
import { AssignmentEntry, RECENT_MESSAGE_IDS_KEPT, SessionDocument, toSessionData } from './persistence/session.schema';

/** Fields the update does not copy from the new document: the store bumps the version, the rest are pushed. */
const STORE_MANAGED = new Set(['_version', '_outbox', '_pendingMessages', '_assignments', '_recentMessageIds']);

export interface WriteContext {
  actor: Actor;
  now: Date;
  /** Why the responsible party changes, when it does. */
  reason?: SessionAssignmentReason;
  /** assignToBot(silent): see ChangeContext. */
  silent?: boolean;
  /** The router's reasons, stored with an automatic assignment. */
  decision?: { rule: string; candidates: CandidateVerdict[] };
}

/**
 * A change of one session: the fields to set or remove (state-derived fields such as
 * `_acceptedAt`, `_closedAt`, `_openKey` and the queue position follow by themselves).
 * `messages` are appended (stored by the relay); `events` go before the session's own.
 */
export interface SessionPatch {
  set?: Partial<SessionDocument>;
  unset?: (keyof SessionDocument)[];
  messages?: MessageDocument[];
  events?: PendingEvent[];
  recentMessageIds?: string[];
}

/**
 * The one place a session is written. Each write is one document operation that carries the
 * change, its events (SessionChanged / SessionReassigned / closed, message events) in `_outbox`,
 * its new messages and its assignment record; so state and events cannot be split by a crash.
 * Changes are compare-and-sets on `_version` (CONFLICT when the session moved on).
 */
@Injectable()
export class SessionWriter {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly relay: SessionOutboxRelay,
    private readonly clock: QueueClock,
  ) {}

  /** Inserts a new session; CONFLICT when the client already has an open session on the line. */
  async create(doc: SessionDocument, context: WriteContext, patch: Pick<SessionPatch, 'messages' | 'events'> = {}): Promise<SessionDocument> {
    const data = toSessionData(doc);
    const changeContext = this.changeContext(context);
    const events = [...sessionCreatedEvents(data, changeContext), ...(patch.events ?? [])];
    const responsible = responsibleOf(data);
    const assignments = isReassignment({}, responsible) ? [this.entry(data, {}, context, 'created')] : [];
    const saved = await this.sessions.insert({
      ...doc,
      _outbox: this.withHeaders(events),
      _pendingMessages: patch.messages ?? [],
      _assignments: assignments,
    });
    await this.relay.flush(saved.__id);
    return saved;
  }

  /** Applies the patch to `current` with a compare-and-set; returns `current` when nothing changes. */
  async change(current: SessionDocument, patch: SessionPatch, context: WriteContext): Promise<SessionDocument> {
    const stamps = { __updatedAt: context.now.toISOString(), __updatedBy: context.actor.id ?? SYSTEM_USER_ID };
    const merged: SessionDocument = { ...current, ...patch.set, ...stamps, _version: current._version + 1 };
    for (const field of patch.unset ?? []) delete merged[field];
    const next = withBookkeeping(current, merged, context.now, this.clock.tick(context.now));
    const before = toSessionData(current);
    const after = toSessionData(next);
    const sessionEvents = sessionChangeEvents(before, after, this.changeContext(context));
    const messages = patch.messages ?? [];
    if (sessionEvents.length === 0 && messages.length === 0) return current;
    const from = responsibleOf(before);
    const assignment = isReassignment(from, responsibleOf(after)) ? [this.entry(after, from, context)] : [];
    const { $set, $unset } = documentUpdate({ ...current }, { ...next }, STORE_MANAGED);
    const update: UpdateDocument = { $set };
    if (Object.keys($unset).length > 0) update.$unset = $unset;
    const push: Record<string, unknown> = {
      _outbox: { $each: this.withHeaders([...(patch.events ?? []), ...sessionEvents]) },
    };
    if (messages.length > 0) push._pendingMessages = { $each: messages };
    if (assignment.length > 0) push._assignments = { $each: assignment };
    if (patch.recentMessageIds !== undefined && patch.recentMessageIds.length > 0) {
      push._recentMessageIds = { $each: patch.recentMessageIds, $slice: -RECENT_MESSAGE_IDS_KEPT };
    }
    update.$push = push;
    const saved = await this.sessions.compareAndSet(current.__id, current._version, update);
    await this.relay.flush(saved.__id);
    return saved;
  }

  private changeContext(context: WriteContext): ChangeContext {
    return {
      actor: context.actor,
      occurredAt: context.now.toISOString(),
      ...(context.reason === undefined ? {} : { reason: context.reason }),
      ...(context.silent === true ? { silent: true } : {}),
    };
  }

  private entry(
    after: LineSessionData,
    from: AssignmentEntry['from'],
    context: WriteContext,
    reason: SessionAssignmentReason = context.reason ?? 'assignToOperator',
  ): AssignmentEntry {
    return {
      version: after._version,
      from,
      to: responsibleOf(after),
      reason,
      actor: context.actor,
      occurredAt: context.now.toISOString(),
      ...(context.decision ?? {}),
    };
  }

  private withHeaders(events: PendingEvent[]): PendingEvent[] {
    const headers = correlationHeaders();
    return Object.keys(headers).length === 0 ? events : events.map((event) => ({ ...event, headers }));
  }
}
