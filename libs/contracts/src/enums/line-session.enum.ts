/** States of a session [doc]. String values equal the names (the seed writes `LineSessionState.Closed`). */
export enum LineSessionState {
  /** In the queue of the session's operator group. */
  Waiting = 'Waiting',
  AssignedToBot = 'AssignedToBot',
  AssignedToOperator = 'AssignedToOperator',
  MarkedAsSpam = 'MarkedAsSpam',
  Closed = 'Closed',
}

/** [doc] The union of the state values. */
export type LineSessionStateEnumBase = `${LineSessionState}`;

/** Priorities of a session [doc]. */
export enum LineSessionPriority {
  Low = 'Low',
  Medium = 'Medium',
  High = 'High',
}

/** [doc] The union of the priority values. */
export type LineSessionPriorityEnumBase = `${LineSessionPriority}`;

/** A new session gets this priority [ours]. */
export const DEFAULT_SESSION_PRIORITY = LineSessionPriority.Medium;

/** Routing serves higher ranks first, then the longest waiting. */
export const SESSION_PRIORITY_RANK: Readonly<Record<LineSessionPriority, number>> = Object.freeze({
  [LineSessionPriority.Low]: 0,
  [LineSessionPriority.Medium]: 1,
  [LineSessionPriority.High]: 2,
});

/** Sessions in these states are "active": they can be closed and continue with new messages. */
export const OPEN_SESSION_STATES: readonly LineSessionState[] = Object.freeze([
  LineSessionState.Waiting,
  LineSessionState.AssignedToBot,
  LineSessionState.AssignedToOperator,
]);

export function isOpenSessionState(state: LineSessionState): boolean {
  return OPEN_SESSION_STATES.includes(state);
}
