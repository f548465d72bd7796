import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { TransitionRefusal } from './session.rules';

/** The errors of session commands, with the details callers rely on. */
export const SessionErrors = {
  notFound: (sessionId: string) => OpenLinesError.notFound('session', sessionId),

  /** A refused transition names the current state (details.state). */
  invalidTransition: (refusal: TransitionRefusal) => OpenLinesError.invalidTransition(refusal.message, { ...refusal.details }),

  forbidden: (action: string, reason: string, details: Record<string, unknown> = {}) =>
    OpenLinesError.forbidden(`${action} refused: ${reason}`, { action, reason, ...details }),

  /** Another operator took the session first (taking from the queue lost the race). */
  alreadyTaken: (sessionId: string, state: string, userId: string | undefined) =>
    OpenLinesError.conflict(`session ${sessionId} is already assigned to another operator`, {
      reason: 'taken',
      sessionId,
      state,
      userId,
    }),

  /** The session changed between reading and writing it (compare-and-set lost). */
  changedConcurrently: (sessionId: string) =>
    OpenLinesError.conflict(`session ${sessionId} was changed concurrently; read it again`, {
      reason: 'version',
      sessionId,
    }),

  atCapacity: (operatorId: string, capacity: number) =>
    OpenLinesError.conflict(`operator ${operatorId} already has ${capacity} active sessions on this line`, {
      reason: 'capacity',
      operatorId,
      capacity,
    }),

  openSessionExists: (sessionId: string) =>
    OpenLinesError.conflict(`the client already has an open session on this line: ${sessionId}`, {
      reason: 'openSessionExists',
      sessionId,
    }),

  lineHasNoBot: (lineId: string, state: string) =>
    OpenLinesError.invalidTransition(`line ${lineId} has no bot`, { action: 'assignToBot', state, reason: 'noBot' }),

  spamNotAllowed: (channelType: string, state: string) =>
    OpenLinesError.invalidTransition(`sessions of ${channelType} channels cannot be marked as spam`, {
      action: 'markAsSpam',
      state,
      channelType,
      reason: 'channelType',
    }),

  notLastInChain: (sessionId: string, state: string) =>
    OpenLinesError.invalidTransition(
      `session ${sessionId} is not the last in the client's chain of sessions on this line`,
      { action: 'unmarkAsSpam', state, reason: 'notLastInChain' },
    ),
};

export function isConflict(error: unknown): error is OpenLinesError {
  return error instanceof OpenLinesError && error.code === ErrorCode.Conflict;
}
