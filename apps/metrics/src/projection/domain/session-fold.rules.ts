import { LineMetricType, LineSessionState } from '@openlines/contracts';
import { ChangedFact, CreatedFact, MessageFact, ReassignedFact, SessionFact } from './session-fact';
import {
  addSample,
  currentOperator,
  initialFoldState,
  SessionFoldState,
  startCareCycle,
} from './session-fold.state';
import { changeOperator, changeState } from './session-transition.rules';

/**
 * Folds one fact into a copy of `previous` (facts must come in `orderFacts` order). A pure left
 * fold: folding facts one by one as they come equals folding them all at once, which is what
 * makes an incremental projection and a replay from the stream produce the same samples.
 */
export function foldFact(previous: SessionFoldState, fact: SessionFact): SessionFoldState {
  const state = structuredClone(previous);
  switch (fact.kind) {
    case 'created':
      foldCreated(state, fact);
      break;
    case 'changed':
      foldChanged(state, fact);
      break;
    case 'reassigned':
      foldReassigned(state, fact);
      break;
    case 'closed':
      if (state.state !== LineSessionState.Closed)
        changeState(state, LineSessionState.Closed, fact.at, state.userId);
      break;
    case 'message':
      foldMessage(state, fact);
      break;
  }
  return state;
}

export function foldAll(ordered: readonly SessionFact[]): SessionFoldState {
  return ordered.reduce(foldFact, initialFoldState());
}

/** A session opened directly as spam is a blocked client's: it never counts. */
function foldCreated(state: SessionFoldState, fact: CreatedFact): void {
  if (state.created) return;
  state.created = true;
  state.createdAt = fact.at;
  state.botId = fact.botId;
  addSample(state, LineMetricType.sessionsCreated, fact.at, 1);
  if (fact.state === LineSessionState.MarkedAsSpam) state.blocked = true;
  if (state.state === undefined) changeState(state, fact.state, fact.at, fact.userId);
}

function foldChanged(state: SessionFoldState, fact: ChangedFact): void {
  const userId = fact.userId === undefined ? state.userId : (fact.userId ?? undefined);
  if (fact.botId !== undefined) state.botId = fact.botId ?? undefined;
  if (fact.blockedClient === true) state.blocked = true;
  if (fact.state !== undefined && fact.state !== state.state)
    changeState(state, fact.state, fact.at, userId);
  else changeOperator(state, userId, fact.at);
}

/**
 * A reassignment takes a session away from an operator: to another operator, back to a queue or
 * to a bot. Taking one from the queue or from a bot is an assignment, not a reassignment; it is
 * credited to the operator who lost the session.
 */
function foldReassigned(state: SessionFoldState, fact: ReassignedFact): void {
  const from = fact.fromUserId;
  if (from === undefined || fact.toUserId === from) return;
  if (fact.toUserId === undefined && fact.toGroupId === undefined && fact.toBotId === undefined)
    return;
  addSample(state, LineMetricType.reassignments, fact.at, 1, from);
}

/**
 * Client messages count in messagesIn (credited to the operator the session is with), open a
 * run, and the session's very first one opens its first care cycle. A human operator's message
 * counts in messagesOut and answers the open care cycle (firstResponseTime) and the open run
 * (responseTime), both credited to that operator. While the session is spam no clock runs.
 */
function foldMessage(state: SessionFoldState, fact: MessageFact): void {
  if (fact.sender === 'client') {
    addSample(state, LineMetricType.messagesIn, fact.at, 1, currentOperator(state));
    state.clientUnanswered = true;
    if (state.spam) return;
    if (state.runStart === undefined) state.runStart = fact.at;
    if (!state.cycleEverStarted) startCareCycle(state, fact.at);
    return;
  }
  const operator = fact.operatorId;
  addSample(state, LineMetricType.messagesOut, fact.at, 1, operator);
  state.operatorReplied = true;
  state.clientUnanswered = false;
  if (state.spam) return;
  if (state.cycleStart !== undefined) {
    addSample(
      state,
      LineMetricType.firstResponseTime,
      fact.at,
      fact.at - state.cycleStart,
      operator,
    );
    state.cycleStart = undefined;
  }
  if (state.runStart !== undefined) {
    addSample(state, LineMetricType.responseTime, fact.at, fact.at - state.runStart, operator);
    state.runStart = undefined;
  }
}
