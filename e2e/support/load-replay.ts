import { LinesEvents } from '@openlines/contracts';
import { LineSessionData, LineSessionState, SessionFieldChange } from '@openlines/sdk';
import { StoredEvent } from './event-stream';

export interface LoadReplay {
  /** The highest number of sessions one operator held at once. */
  maxLoad: number;
  /** Each moment an operator held more than the capacity (should be none). */
  violations: string[];
  /** Per session, the operators it was given to (SessionReassigned to an operator). */
  assignedTo: Map<string, string[]>;
  events: number;
}

/**
 * Replays one line's session events in stream order (the order every consumer sees), keeping each
 * session's state and operator, and checks every operator's load after each event. A session
 * leaving its operator is published before the capacity seat is given back, so a later
 * assignment of that seat always comes later in the stream.
 */
export function replayLoads(
  events: readonly StoredEvent[],
  lineId: string,
  capacity: number,
): LoadReplay {
  const sessions = new Map<string, { state?: string; userId?: string }>();
  const loads = new Map<string, Set<string>>();
  const result: LoadReplay = { maxLoad: 0, violations: [], assignedTo: new Map(), events: 0 };
  for (const event of events) {
    const p = event.payload;
    if (p.lineId !== lineId || typeof p.sessionId !== 'string') continue;
    result.events += 1;
    const view = sessions.get(p.sessionId) ?? {};
    if (event.subject === LinesEvents.session.created) {
      const session = p.session as LineSessionData;
      Object.assign(view, { state: session._state, userId: session._userId });
    }
    if (event.subject === LinesEvents.session.changed) {
      for (const change of p.changes as SessionFieldChange[]) {
        if (change.field === '_state') view.state = change.newValue as string;
        if (change.field === '_userId')
          view.userId = (change.newValue as string | null) ?? undefined;
      }
    }
    if (event.subject === LinesEvents.session.reassigned) {
      const to = (p.to as { userId?: string }).userId;
      if (to !== undefined)
        result.assignedTo.set(p.sessionId, [...(result.assignedTo.get(p.sessionId) ?? []), to]);
    }
    sessions.set(p.sessionId, view);
    for (const held of loads.values()) held.delete(p.sessionId);
    if (view.state === LineSessionState.AssignedToOperator && view.userId !== undefined) {
      const held = loads.get(view.userId) ?? new Set<string>();
      loads.set(view.userId, held.add(p.sessionId));
      result.maxLoad = Math.max(result.maxLoad, held.size);
      if (held.size > capacity)
        result.violations.push(
          `${view.userId} held ${held.size} after ${event.subject} of ${p.sessionId} v${String(p.version)}`,
        );
    }
  }
  return result;
}
