import { LineMetricType, LineSessionState } from '@openlines/contracts';
import {
  addSample,
  currentOperator,
  removeSamples,
  SessionFoldState,
  startCareCycle,
} from './session-fold.state';

const OPEN_STATES: readonly (LineSessionState | undefined)[] = [
  LineSessionState.Waiting,
  LineSessionState.AssignedToBot,
  LineSessionState.AssignedToOperator,
];

/**
 * The metric effects of one state change `state.state → to` at `at` (spec §8):
 * - leaving Waiting for an operator ends a waitingTime (credited to that operator); leaving it
 *   any other way (bot, spam, close) drops the interval: only an operator assignment ends a wait;
 * - AssignedToBot → Waiting or AssignedToOperator is a bot handoff: a new care cycle;
 * - MarkedAsSpam → an open state is an un-spam: a new care cycle, and a client left unanswered
 *   starts a new run at that moment (the operator could not see the session while it was spam);
 * - a session opening again after Closed withdraws the samples of that close.
 * Mutates `state` (the caller folds on its own copy).
 */
export function changeState(
  state: SessionFoldState,
  to: LineSessionState,
  at: number,
  newUserId: string | undefined,
): void {
  const from = state.state;
  if (from === to) return;
  const operatorBefore = currentOperator(state);
  const assignedBefore = state.assignedAt;

  if (from === LineSessionState.Waiting) {
    if (
      to === LineSessionState.AssignedToOperator &&
      state.waitingSince !== undefined &&
      newUserId !== undefined
    ) {
      addSample(state, LineMetricType.waitingTime, at, at - state.waitingSince, newUserId);
    }
    state.waitingSince = undefined;
  }
  const reopens = OPEN_STATES.includes(to);
  if (from === LineSessionState.AssignedToBot && to !== LineSessionState.AssignedToBot && reopens) {
    startCareCycle(state, at);
  }
  if (from === LineSessionState.MarkedAsSpam && reopens) unmarkSpam(state, at);
  if (reopens && state.closeSampleIds.length > 0) {
    removeSamples(state, state.closeSampleIds);
    state.closeSampleIds = [];
  }

  state.state = to;
  state.userId = newUserId;
  state.assignedAt = to === LineSessionState.AssignedToOperator ? at : undefined;
  switch (to) {
    case LineSessionState.Waiting:
      state.waitingSince = at;
      break;
    case LineSessionState.AssignedToBot:
      if (!state.botHandled) {
        state.botHandled = true;
        addSample(state, LineMetricType.botSessions, at, 1);
      }
      break;
    case LineSessionState.MarkedAsSpam:
      state.spam = true;
      if (state.spamSampleId === undefined) {
        state.spamSampleId = addSample(
          state,
          LineMetricType.sessionsMarkedAsSpam,
          at,
          1,
          operatorBefore,
        );
      }
      stopClocks(state);
      break;
    case LineSessionState.Closed:
      close(
        state,
        at,
        from === LineSessionState.AssignedToOperator ? assignedBefore : undefined,
        operatorBefore,
      );
      break;
    default:
      break;
  }
}

/** The operator of an AssignedToOperator session changed without leaving that state. */
export function changeOperator(
  state: SessionFoldState,
  userId: string | undefined,
  at: number,
): void {
  if (userId === state.userId) return;
  state.userId = userId;
  if (state.state === LineSessionState.AssignedToOperator) state.assignedAt = at;
}

function unmarkSpam(state: SessionFoldState, at: number): void {
  state.spam = false;
  if (state.spamSampleId !== undefined) removeSamples(state, [state.spamSampleId]);
  state.spamSampleId = undefined;
  startCareCycle(state, at);
  if (state.clientUnanswered) state.runStart = at;
}

function stopClocks(state: SessionFoldState): void {
  state.waitingSince = undefined;
  state.cycleStart = undefined;
  state.runStart = undefined;
}

/**
 * sessionsClosed, sessionDuration (created → closed), handlingTime (the closing operator's
 * assignment → close, only when an operator had it) and sessionsAbandoned (no operator reply in
 * the whole session), all credited to the operator the session was with.
 */
function close(
  state: SessionFoldState,
  at: number,
  assignedAt: number | undefined,
  operator: string | undefined,
): void {
  const ids = [addSample(state, LineMetricType.sessionsClosed, at, 1, operator)];
  if (state.createdAt !== undefined) {
    ids.push(addSample(state, LineMetricType.sessionDuration, at, at - state.createdAt, operator));
  }
  if (assignedAt !== undefined) {
    ids.push(addSample(state, LineMetricType.handlingTime, at, at - assignedAt, operator));
  }
  if (!state.operatorReplied)
    ids.push(addSample(state, LineMetricType.sessionsAbandoned, at, 1, operator));
  state.closeSampleIds = ids;
  stopClocks(state);
}
