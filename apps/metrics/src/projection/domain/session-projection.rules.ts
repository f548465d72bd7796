import { ContributionDelta, contributionsOf, diffContributions } from './contribution.rules';
import { orderFacts, SessionFact } from './session-fact';
import { foldAll, foldFact } from './session-fold.rules';
import { initialFoldState, SessionFoldState } from './session-fold.state';

/**
 * The projection state of one session: the facts seen so far (in fold order; their event ids
 * are how duplicates are recognised), where the session lives, and the fold of those facts.
 */
export interface SessionProjection {
  sessionId: string;
  lineId?: string;
  channelId?: string;
  facts: SessionFact[];
  fold: SessionFoldState;
}

export interface FactPlacement {
  lineId?: string;
  channelId?: string;
}

export type ApplyFactResult =
  | { duplicate: true }
  | {
      duplicate: false;
      projection: SessionProjection;
      delta: ContributionDelta;
      replayed: boolean;
    };

export function emptyProjection(sessionId: string): SessionProjection {
  return { sessionId, facts: [], fold: initialFoldState() };
}

/**
 * Applies one fact. A fact already seen (same event id) changes nothing. A fact that lands at the
 * end of the fold order — the usual case — is folded onto the stored state; one that arrives late
 * (a gap filled, a redelivery after later events) makes the session's facts fold again from the
 * start, so the result never depends on the arrival order. The delta is what the metric items
 * must gain and lose.
 */
export function applyFact(
  current: SessionProjection,
  fact: SessionFact,
  placement: FactPlacement,
): ApplyFactResult {
  if (current.facts.some((known) => known.eventId === fact.eventId)) return { duplicate: true };
  const facts = orderFacts([...current.facts, fact]);
  const replayed = facts[facts.length - 1] !== fact;
  const fold: SessionFoldState = replayed ? foldAll(facts) : foldFact(current.fold, fact);
  const next: SessionProjection = {
    sessionId: current.sessionId,
    facts,
    fold,
  };
  const lineId = current.lineId ?? placement.lineId;
  const channelId = current.channelId ?? placement.channelId;
  if (lineId !== undefined) next.lineId = lineId;
  if (channelId !== undefined) next.channelId = channelId;
  const delta = diffContributions(
    contributionsOf(current.sessionId, current.lineId, current.channelId, current.fold),
    contributionsOf(next.sessionId, next.lineId, next.channelId, next.fold),
  );
  return { duplicate: false, projection: next, delta, replayed };
}
