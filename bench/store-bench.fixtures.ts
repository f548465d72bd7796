import { SESSIONS_DEFINITION } from '../apps/sessions/src/session/persistence/session.schema';

/** The sessions collection's declarations, exactly as apps/sessions declares them. */
export const SESSIONS = SESSIONS_DEFINITION;

export type SessionDoc = Record<string, unknown> & { __id: string };

const STATES = ['Waiting', 'AssignedToOperator', 'AssignedToBot', 'Closed', 'MarkedAsSpam'];
export const LINES = 10;

/** A session-like document: about 1 kB of JSON, five recent message ids, one client. */
export function sessionDoc(i: number): SessionDoc {
  const line = `line-${i % LINES}`;
  const client = `client-${i}`;
  // Every line has sessions in every state.
  const state = STATES[Math.floor(i / LINES) % STATES.length];
  const at = new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString();
  return {
    __id: `s-${i}`,
    __name: `Session ${i}`,
    __createdAt: at,
    __createdBy: 'system',
    __updatedAt: at,
    __updatedBy: 'system',
    _line: line,
    _channel: `channel-${i % 20}`,
    _clients: [client],
    _state: state,
    _openKey: state === 'Closed' ? `s-${i}` : `${line}|${client}`,
    _priority: i % 3,
    _createdTick: i,
    _messageSeq: 5,
    _recentMessageIds: Array.from({ length: 5 }, (_, k) => `m-${i}-${k}`),
    _outbox: [],
    _pendingMessages: [],
    _assignments: [{ at, rule: 'queue', candidates: [{ operator: `op-${i % 50}`, ok: true }] }],
    _apps: [],
    _account: `account-${i}`,
    __deletedAt: null,
    ...(state === 'AssignedToOperator' ? { _userId: `op-${i % 50}` } : {}),
  };
}

/** Deterministic pseudo-random integers below n (mulberry32), so that runs compare. */
export function randomFrom(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
  };
}

/** Latency percentiles of a run of timed calls, in microseconds. */
export async function timed(runs: number, call: (i: number) => Promise<unknown>): Promise<string> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await call(i);
    times.push((performance.now() - started) * 1000);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))];
  const us = (value: number) => (value < 100 ? value.toFixed(1) : Math.round(value).toString());
  return `${us(at(0.5))} / ${us(at(0.99))}`;
}
