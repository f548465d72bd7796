/**
 * Queue order [ours]: priority first, then waiting time, strictly FIFO within a priority, with
 * ageing so that a low-priority session cannot starve: a waiting session's effective priority
 * rises one level per `agingMinutes` (N, config SESSIONS_QUEUE_AGING_MINUTES, default 10) waited,
 * up to the highest level. Because ageing only ever lifts older sessions, two sessions of the same
 * base priority keep their arrival order (the FIFO guarantee holds under ageing too).
 */
import { LineSessionPriority, SESSION_PRIORITY_RANK } from '@openlines/contracts';

const PRIORITY_RANK = SESSION_PRIORITY_RANK;
const TOP_RANK = Math.max(...Object.values(PRIORITY_RANK));

export interface QueuedSession {
  id: string;
  priority: LineSessionPriority;
  /** ISO time the session (last) entered the queue: drives ageing. */
  queuedAt: string;
  /**
   * Arrival tick (see QueueClock): orders sessions that entered within the same millisecond, so
   * FIFO holds for bursts too.
   */
  queueTick: number;
}

/**
 * Monotonic arrival ticks: milliseconds × 1000 plus a counter, never going backwards inside a
 * process. Across replicas the order is as good as their clocks, which is all FIFO can mean there.
 */
export class QueueClock {
  private last = 0;

  tick(now: Date): number {
    this.last = Math.max(now.getTime() * 1000, this.last + 1);
    return this.last;
  }
}

export function effectiveRank(session: QueuedSession, now: Date, agingMinutes: number): number {
  const base = PRIORITY_RANK[session.priority];
  if (agingMinutes <= 0) return base;
  const waitedMs = Math.max(0, now.getTime() - Date.parse(session.queuedAt));
  const steps = Math.floor(waitedMs / (agingMinutes * 60_000));
  return Math.min(TOP_RANK, base + steps);
}

/** Negative when `a` is served before `b`. Ties of rank and time fall back to the id (stable). */
export function compareQueued(a: QueuedSession, b: QueuedSession, now: Date, agingMinutes: number): number {
  const byRank = effectiveRank(b, now, agingMinutes) - effectiveRank(a, now, agingMinutes);
  if (byRank !== 0) return byRank;
  const byTime = a.queueTick - b.queueTick;
  if (byTime !== 0) return byTime;
  // Same rank and same arrival: a higher base priority wins, then the id keeps the order stable.
  const byBase = PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority];
  if (byBase !== 0) return byBase;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function orderQueue<T extends QueuedSession>(sessions: readonly T[], now: Date, agingMinutes: number): T[] {
  return [...sessions].sort((a, b) => compareQueued(a, b, now, agingMinutes));
}
