import { LINE_DEFAULTS } from '@openlines/contracts';

/**
 * A line's first-response target (`_targetReplySeconds`) over time, learnt from line.changed
 * events. A first response is "within target" against the target in force when it was given,
 * so the answer depends only on the events, not on when they arrive.
 */
export interface TargetChange {
  eventId: string;
  at: number;
  target: number;
  /** The target before this change, when the event says (absent for a new line). */
  previous?: number;
}

export interface LineTargetHistory {
  lineId: string;
  /** Ordered by time, then event id. */
  changes: TargetChange[];
}

export const DEFAULT_TARGET_SECONDS: number = LINE_DEFAULTS._targetReplySeconds;

function byTime(a: TargetChange, b: TargetChange): number {
  return a.at - b.at || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);
}

/**
 * The target in force at `at`: the last change at or before it; before the first known change,
 * the value that change replaced, or the default of a new line.
 */
export function targetAt(history: LineTargetHistory | undefined, at: number): number {
  const changes = history?.changes ?? [];
  let target = changes[0]?.previous ?? DEFAULT_TARGET_SECONDS;
  for (const change of changes) {
    if (change.at > at) break;
    target = change.target;
  }
  return target;
}

/** Adds a change; `null` when it is already known or changes no target at any time. */
export function recordTargetChange(
  history: LineTargetHistory,
  change: TargetChange,
): LineTargetHistory | null {
  if (history.changes.some((known) => known.eventId === change.eventId)) return null;
  const changes = [...history.changes, change].sort(byTime);
  const next = { lineId: history.lineId, changes };
  const times = [...new Set([Number.NEGATIVE_INFINITY, ...changes.map((c) => c.at)])];
  const differs = times.some((time) => targetAt(history, time) !== targetAt(next, time));
  return differs ? next : null;
}

/** Whether a first response of `valueMs` met the target (inclusive). */
export function isWithinTarget(valueMs: number, targetSeconds: number): boolean {
  return valueMs <= targetSeconds * 1000;
}
