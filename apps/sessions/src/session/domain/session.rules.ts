/**
 * The session state machine: the one place that says which action may run in which state and
 * where it leads. Pure; every use case asks it before writing.
 */
import { LineSessionState } from '@openlines/contracts';

export type SessionState = LineSessionState;
const { Waiting, AssignedToBot, AssignedToOperator, MarkedAsSpam, Closed } = LineSessionState;

export type SessionAction =
  | 'assignToOperator'
  | 'assignToBot'
  | 'assignToOperatorGroup'
  | 'close'
  | 'markAsSpam'
  | 'unmarkAsSpam'
  | 'setPriority'
  | 'update'
  | 'sendMessage'
  | 'sendSystemMessage'
  | 'receiveClientMessage'
  | 'requeue';

const OPEN: readonly SessionState[] = [Waiting, AssignedToBot, AssignedToOperator];
const ALL: readonly SessionState[] = [...OPEN, MarkedAsSpam, Closed];

/** Where an action is allowed from. `update` (name, linked apps) is bookkeeping, allowed always. */
export const ALLOWED_FROM: Readonly<Record<SessionAction, readonly SessionState[]>> = {
  assignToOperator: OPEN,
  // Already with the bot: assigning it again would restart the bot, so it is refused.
  assignToBot: [Waiting, AssignedToOperator],
  assignToOperatorGroup: OPEN,
  close: OPEN,
  markAsSpam: OPEN,
  unmarkAsSpam: [MarkedAsSpam],
  setPriority: OPEN,
  update: ALL,
  // A reply needs someone responsible: the operator (or the bot) the session is assigned to.
  sendMessage: [AssignedToBot, AssignedToOperator],
  sendSystemMessage: OPEN,
  // A spam session keeps collecting its (blocked) sender's messages; see the inbound use case.
  receiveClientMessage: [...OPEN, MarkedAsSpam],
  requeue: [AssignedToOperator],
};

/** The state an action leads to; `null` = the state does not change. */
const TARGET: Readonly<Record<SessionAction, SessionState | null>> = {
  assignToOperator: AssignedToOperator,
  assignToBot: AssignedToBot,
  assignToOperatorGroup: Waiting,
  close: Closed,
  markAsSpam: MarkedAsSpam,
  unmarkAsSpam: null, // restored by restoreAfterSpam()
  setPriority: null,
  update: null,
  sendMessage: null,
  sendSystemMessage: null,
  receiveClientMessage: null,
  requeue: Waiting,
};

export function isOpenState(state: SessionState): boolean {
  return OPEN.includes(state);
}

export function canTransition(action: SessionAction, from: SessionState): boolean {
  return ALLOWED_FROM[action].includes(from);
}

/** Why a transition was refused; the use case turns it into INVALID_TRANSITION with these details. */
export interface TransitionRefusal {
  message: string;
  details: { action: SessionAction; state: SessionState; allowedFrom: SessionState[]; reason?: string };
}

/** The next state, or the refusal naming the current state. */
export function nextState(
  action: SessionAction,
  from: SessionState,
): { ok: true; state: SessionState } | { ok: false; refusal: TransitionRefusal } {
  if (!canTransition(action, from)) {
    return {
      ok: false,
      refusal: {
        message: `${action} is not allowed in state ${from}`,
        details: { action, state: from, allowedFrom: [...ALLOWED_FROM[action]] },
      },
    };
  }
  return { ok: true, state: TARGET[action] ?? from };
}

/**
 * Un-spam returns the session "to work with the same operator": the state it had before, except
 * that an operator with no room left (capacity) gets it back through the queue.
 */
export function restoreAfterSpam(
  stateBeforeSpam: SessionState | undefined,
  operatorHasRoom: boolean,
): SessionState {
  if (stateBeforeSpam === AssignedToOperator) return operatorHasRoom ? AssignedToOperator : Waiting;
  if (stateBeforeSpam === AssignedToBot) return AssignedToBot;
  return Waiting;
}
