import { LineSessionData, LineSessionState, LinesRpc, OperatorStatusType } from '@openlines/contracts';
import { waitFor } from '@openlines/testing';
import { LineFixture, SessionsHarness, system } from './support/sessions-harness';

const S = LinesRpc.sessions;
const O = LinesRpc.operators;

describe('routing rules: presence, distribution and requeue', () => {
  let h: SessionsHarness;

  beforeAll(async () => {
    h = await SessionsHarness.start();
  });
  afterAll(() => h?.close());

  const get = (id: string) => h.call<LineSessionData>(S.get, { id });
  const until = (id: string, check: (s: LineSessionData) => boolean, what: string) =>
    waitFor(async () => check(await get(id)), { what, timeoutMs: 5000 });
  const setStatus = (operatorId: string, status: OperatorStatusType) => h.call(O.setStatus, { operatorId, status });

  it('an operator coming online is offered the waiting sessions before the reply; away and full operators get none', async () => {
    const f = h.seedLine({ _distribution: 'auto', _operatorCapacity: 2 });
    const away = await h.addOperator([f.operatorGroup], OperatorStatusType.away);
    const later = await h.addOperator([f.operatorGroup], OperatorStatusType.offline);
    const first = await h.openSession(f);
    const second = await h.openSession(f);
    const third = await h.openSession(f);
    // setStatus replies after the routing it caused (runs of a line are serialised, so also after earlier ones).
    await setStatus(later, OperatorStatusType.online);
    expect((await get(first.__id))._userId).toBe(later);
    expect((await get(second.__id))._userId).toBe(later);
    expect((await get(third.__id))._state).toBe(LineSessionState.Waiting);
    const fresh = await h.addOperator([f.operatorGroup]);
    expect((await get(third.__id))._userId).toBe(fresh);
    const { items } = await h.call<{ items: { candidates: { operatorId: string; excludedBecause?: string }[] }[] }>(
      S.getAssignmentReasons,
      { sessionId: third.__id },
    );
    const why = Object.fromEntries(items[0].candidates.map((c) => [c.operatorId, c.excludedBecause ?? 'eligible']));
    expect(why).toEqual({ [away]: 'away', [later]: 'atCapacity', [fresh]: 'eligible' });
  });

  it('manual distribution never assigns by itself', async () => {
    const f = h.seedLine({ _distribution: 'manual' });
    const session = await h.openSession(f);
    await h.addOperator([f.operatorGroup]); // routes the line, and replies after that run
    expect((await get(session.__id))._state).toBe(LineSessionState.Waiting);
  });

  it('ties go to the operator idle the longest', async () => {
    const f = h.seedLine({ _distribution: 'auto', _operatorCapacity: 5 });
    const early = await h.addOperator([f.operatorGroup]);
    const late = await h.addOperator([f.operatorGroup]);
    const s1 = await h.openSession(f);
    await until(s1.__id, (s) => s._userId === early, 'the longest idle operator first');
    const s2 = await h.openSession(f);
    await until(s2.__id, (s) => s._userId === late, 'then the other one (fewer sessions)');
    await h.call(S.close, { sessionId: s1.__id, actor: system });
    await h.call(S.close, { sessionId: s2.__id, actor: system });
    const s3 = await h.openSession(f);
    // Both are empty again: `early` got their last session before `late`, so has been idle longer.
    await until(s3.__id, (s) => s._userId === early, 'the longest idle again');
  });

  it('going offline keeps the sessions, unless the line requeues them', async () => {
    const keep = h.seedLine({ _distribution: 'auto', _operatorCapacity: 3 });
    const requeue: LineFixture = h.seedLine({ _distribution: 'auto', _operatorCapacity: 3, _requeueOnOffline: true });
    const leaving = await h.addOperator([keep.operatorGroup, requeue.operatorGroup]);
    const kept = await h.openSession(keep);
    const moved = await h.openSession(requeue);
    await until(kept.__id, (s) => s._userId === leaving, 'first assignment');
    await until(moved.__id, (s) => s._userId === leaving, 'second assignment');
    const stays = await h.addOperator([requeue.operatorGroup], OperatorStatusType.away);
    await setStatus(leaving, OperatorStatusType.offline);
    // Requeued, and away operators take nothing new: it waits.
    expect(await get(kept.__id)).toMatchObject({ _state: LineSessionState.AssignedToOperator, _userId: leaving });
    const requeued = await get(moved.__id);
    expect(requeued._state).toBe(LineSessionState.Waiting);
    expect(requeued._userId).toBeUndefined();
    const reasons = await h.call<{ items: { reason: string }[] }>(S.getAssignmentReasons, { sessionId: moved.__id });
    expect(reasons.items.map((r) => r.reason)).toEqual(['routing', 'operatorOffline']);
    await setStatus(stays, OperatorStatusType.online);
    expect((await get(moved.__id))._userId).toBe(stays);
  });
});
