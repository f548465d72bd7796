import { LineSessionState } from '@openlines/contracts';

/**
 * The metric projection's own, compact view of the events of one session ("facts"). The
 * listener maps each contract payload to at most one fact; events that change nothing a metric
 * depends on map to none. Times are epoch milliseconds.
 */
interface FactBase {
  eventId: string;
  at: number;
}

/** session.created: the session's first state. */
export interface CreatedFact extends FactBase {
  kind: 'created';
  version: number;
  state: LineSessionState;
  userId?: string;
  botId?: string;
}

/**
 * SessionChanged restricted to the fields metrics follow. `undefined` = field not changed,
 * `null` = field cleared. `blockedClient` is set when the sessions service marks the session as
 * spam because its client is blocked (such sessions never count, see session-fold.rules.ts).
 */
export interface ChangedFact extends FactBase {
  kind: 'changed';
  version: number;
  state?: LineSessionState;
  userId?: string | null;
  botId?: string | null;
  blockedClient?: boolean;
}

/** SessionReassigned: who was responsible before and after. */
export interface ReassignedFact extends FactBase {
  kind: 'reassigned';
  version: number;
  fromUserId?: string;
  toUserId?: string;
  toGroupId?: string;
  toBotId?: string;
}

/** session.closed (its SessionChanged twin usually closes first; whichever comes first wins). */
export interface ClosedFact extends FactBase {
  kind: 'closed';
  version: number;
}

/** message.created by a client or a human operator (bot and system messages stop no clock). */
export interface MessageFact extends FactBase {
  kind: 'message';
  sender: 'client' | 'operator';
  operatorId?: string;
}

export type SessionEventFact = CreatedFact | ChangedFact | ReassignedFact | ClosedFact;
export type SessionFact = SessionEventFact | MessageFact;

/** Within one version: the created snapshot, then the change, its reassignment, the closed snapshot. */
const KIND_RANK: Record<SessionEventFact['kind'], number> = {
  created: 0,
  changed: 1,
  reassigned: 2,
  closed: 3,
};

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Session events are ordered by the session version they carry, never by arrival. */
export function compareSessionFacts(a: SessionEventFact, b: SessionEventFact): number {
  return (
    a.version - b.version ||
    KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
    compareIds(a.eventId, b.eventId)
  );
}

/** Message events carry no session version: they are ordered by their time. */
export function compareMessageFacts(a: MessageFact, b: MessageFact): number {
  return a.at - b.at || compareIds(a.eventId, b.eventId);
}

/**
 * The one order in which a session's facts are folded: session events by version, messages by
 * time, the two merged by time with a session event first on a tie (an assignment and the
 * operator's reply stamped in the same millisecond: the reply comes after the assignment).
 * It depends only on the set of facts, so any arrival order — and a replay — folds the same.
 */
export function orderFacts(facts: readonly SessionFact[]): SessionFact[] {
  const events = facts
    .filter((f): f is SessionEventFact => f.kind !== 'message')
    .sort(compareSessionFacts);
  const messages = facts
    .filter((f): f is MessageFact => f.kind === 'message')
    .sort(compareMessageFacts);
  const ordered: SessionFact[] = [];
  let e = 0;
  let m = 0;
  while (e < events.length || m < messages.length) {
    const event = events[e];
    const message = messages[m];
    if (message === undefined || (event !== undefined && event.at <= message.at)) {
      ordered.push(event as SessionEventFact);
      e += 1;
    } else {
      ordered.push(message);
      m += 1;
    }
  }
  return ordered;
}
