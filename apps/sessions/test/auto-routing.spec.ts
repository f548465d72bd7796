import {
  LineSessionData,
  LineSessionPriority,
  LineSessionState,
  LinesEvents,
  LinesRpc,
  OperatorStatusType,
  SessionFieldChange,
} from '@openlines/contracts';
import { uniqueName } from '@openlines/testing';
import { RecordedEvent } from './support/event-recorder';
import { LineFixture, SessionsHarness, system } from './support/sessions-harness';

const S = LinesRpc.sessions;
const CAPACITY = 3;
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** Replays the line's session events in stream order and checks every operator's load after each one. */
class LoadWatcher {
  private readonly sessions = new Map<string, { state?: string; userId?: string }>();
  maxLoad = 0;
  readonly violations: string[] = [];
  readonly routed: { sessionId: string; userId: string; at: number }[] = [];

  constructor(private readonly lineId: string) {}

  onEvent = (event: RecordedEvent): void => {
    const p = event.payload as Record<string, unknown>;
    if (p.lineId !== this.lineId || typeof p.sessionId !== 'string') return;
    const view = this.sessions.get(p.sessionId) ?? {};
    if (event.subject === LinesEvents.session.created) {
      const session = p.session as LineSessionData;
      Object.assign(view, { state: session._state, userId: session._userId });
    }
    if (event.subject === LinesEvents.session.changed) {
      for (const change of p.changes as SessionFieldChange[]) {
        if (change.field === '_state') view.state = change.newValue as string;
        if (change.field === '_userId') view.userId = (change.newValue as string | null) ?? undefined;
      }
    }
    if (event.subject === LinesEvents.session.reassigned && p.reason === 'routing') {
      this.routed.push({ sessionId: p.sessionId, userId: (p.to as { userId: string }).userId, at: Date.now() });
    }
    this.sessions.set(p.sessionId, view);
    const loads = new Map<string, number>();
    for (const s of this.sessions.values()) {
      if (s.state === LineSessionState.AssignedToOperator && s.userId) loads.set(s.userId, (loads.get(s.userId) ?? 0) + 1);
    }
    for (const [userId, load] of loads) {
      this.maxLoad = Math.max(this.maxLoad, load);
      if (load > CAPACITY) this.violations.push(`${userId} had ${load} after ${event.subject} v${String(p.version)}`);
    }
  };
}

describe('automatic routing: 500 sessions for 10 operators of capacity 3', () => {
  let h: SessionsHarness;
  let f: LineFixture;
  let watcher: LoadWatcher;

  beforeAll(async () => {
    h = await SessionsHarness.start();
    f = h.seedLine({ _distribution: 'auto', _operatorCapacity: CAPACITY });
    watcher = new LoadWatcher(f.line.__id);
    h.events.onEvent = watcher.onEvent;
  });
  afterAll(() => h?.close());

  const sessionOfClient = new Map<number, string>();
  const assigned = async () =>
    (
      await h.call<{ items: LineSessionData[] }>(S.search, {
        filter: { and: [{ field: '_line', op: 'eq', value: f.line.__id }, { field: '_state', op: 'eq', value: 'AssignedToOperator' }] },
        size: 1000,
      })
    ).items;

  it('assigns the 30 oldest highest-priority sessions when 10 operators come online at once, never above capacity', async () => {
    const operators = await Promise.all(Array.from({ length: 10 }, () => h.addOperator([f.operatorGroup], OperatorStatusType.offline)));
    const accounts = Array.from({ length: 500 }, (_, i) => `c${i}-${uniqueName('a')}`);
    await Promise.all(accounts.map((account, i) => h.publishInbound(h.inbound(f, account, `${account}-1`, `hello ${i}`))));
    await h.inboundDrained();
    const all = (await h.call<{ items: LineSessionData[] }>(S.search, { filter: { field: '_line', op: 'eq', value: f.line.__id }, size: 1000 })).items;
    expect(all).toHaveLength(500);
    for (const session of all) {
      const client = [...h.directory.clients.values()].find((c) => c.__id === session._clients[0]);
      sessionOfClient.set(accounts.indexOf(client?._username ?? ''), session.__id);
    }
    const setPriority = (i: number, priority: LineSessionPriority) =>
      h.call(S.setPriority, { sessionId: sessionOfClient.get(i), priority, actor: system });
    for (let i = 250; i < 260; i += 1) await setPriority(i, LineSessionPriority.High);
    for (let i = 0; i < 5; i += 1) await setPriority(i, LineSessionPriority.Low);

    await Promise.all(operators.map((operatorId) => h.call(LinesRpc.operators.setStatus, { operatorId, status: OperatorStatusType.online })));
    await h.events.waitFor(() => watcher.routed.length === 30, '30 routed assignments', 30_000);
    // The 10 high-priority sessions, then the 20 oldest medium ones; the old low ones wait.
    const expected = [...range(250, 260), ...range(5, 25)].map((i) => sessionOfClient.get(i));
    expect(watcher.routed.map((r) => r.sessionId)).toEqual(expected);
    expect(new Set((await assigned()).map((s) => s.__id))).toEqual(new Set(expected));
    expect(watcher.violations).toEqual([]);
    expect(watcher.maxLoad).toBe(CAPACITY);
  }, 90_000);

  it('records why each operator was chosen', async () => {
    const [session] = await assigned();
    const { items } = await h.call<{ items: Record<string, unknown>[] }>(S.getAssignmentReasons, { sessionId: session.__id });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ reason: 'routing', to: { userId: session._userId }, rule: expect.stringContaining('fewest active') });
    const candidates = items[0].candidates as { operatorId: string; activeSessions: number; idleSince: string; eligible: boolean }[];
    expect(candidates).toHaveLength(10);
    const chosen = candidates.find((c) => c.operatorId === session._userId);
    expect(chosen?.eligible).toBe(true);
    for (const c of candidates.filter((x) => x.eligible)) expect(c.activeSessions).toBeGreaterThanOrEqual(chosen?.activeSessions ?? 0);
  });

  it('each close assigns the next waiting session within a second: high priority first, then the oldest', async () => {
    const high = [400, 401, 402, 403, 404].map((i) => sessionOfClient.get(i) as string);
    for (const sessionId of high) await h.call(S.setPriority, { sessionId, priority: LineSessionPriority.High, actor: system });
    const expected = [...high, ...range(25, 30).map((i) => sessionOfClient.get(i) as string)];
    for (const next of expected) {
      const [victim] = await assigned();
      const before = watcher.routed.length;
      const closedAt = Date.now();
      await h.call(S.close, { sessionId: victim.__id, actor: system });
      await h.events.waitFor(() => watcher.routed.length > before, 'the next routed assignment', 5000);
      const routed = watcher.routed[before];
      expect(routed.sessionId).toBe(next);
      expect(routed.userId).toBe(victim._userId);
      expect(routed.at - closedAt).toBeLessThan(1000);
    }
    expect(watcher.violations).toEqual([]);
    expect(watcher.maxLoad).toBe(CAPACITY);
  }, 60_000);
});
