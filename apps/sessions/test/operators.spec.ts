import { ErrorCode, LinesRpc, OperatorData, OperatorStatusType } from '@openlines/contracts';
import { uniqueName } from '@openlines/testing';
import { SessionsHarness } from './support/sessions-harness';

const O = LinesRpc.operators;

describe('operator directory and presence over RPC', () => {
  let h: SessionsHarness;

  beforeAll(async () => {
    h = await SessionsHarness.start();
  });
  afterAll(() => h?.close());

  it('upserts an operator (offline at first), keeps presence on update, and sets status', async () => {
    const id = uniqueName('op');
    const group = uniqueName('g');
    const created = await h.call<OperatorData>(O.upsert, { operatorId: id, name: 'Olga', groups: [group, group] });
    expect(created).toMatchObject({ __id: id, __name: 'Olga', _groups: [group], _status: OperatorStatusType.offline });
    const online = await h.call<OperatorData>(O.setStatus, { operatorId: id, status: OperatorStatusType.online });
    expect(online._status).toBe(OperatorStatusType.online);
    expect(Date.parse(online._statusChangedAt)).toBeGreaterThanOrEqual(Date.parse(created._statusChangedAt));
    const renamed = await h.call<OperatorData>(O.upsert, { operatorId: id, groups: [group, 'second'] });
    expect(renamed).toMatchObject({ __name: 'Olga', _groups: [group, 'second'], _status: OperatorStatusType.online });
    expect(await h.call(O.get, { id })).toEqual(renamed);
  });

  it('searches operators by group and status', async () => {
    const group = uniqueName('g');
    const a = await h.addOperator([group], OperatorStatusType.online);
    await h.addOperator([group], OperatorStatusType.away);
    await h.addOperator([uniqueName('other')], OperatorStatusType.online);
    const filter = { and: [{ field: '_groups', op: 'has', value: group }, { field: '_status', op: 'eq', value: 'online' }] };
    const { items } = await h.call<{ items: OperatorData[] }>(O.search, { filter });
    expect(items.map((o) => o.__id)).toEqual([a]);
  });

  it('refuses unknown operators, unknown statuses and unknown fields', async () => {
    expect((await h.failure(O.get, { id: 'nobody' })).code).toBe(ErrorCode.NotFound);
    expect((await h.failure(O.setStatus, { operatorId: 'nobody', status: 'online' })).code).toBe(ErrorCode.NotFound);
    const status = await h.failure(O.setStatus, { operatorId: 'x', status: 'busy' });
    expect(status.code).toBe(ErrorCode.ValidationFailed);
    expect(status.message).toContain('status');
    const extra = await h.failure(O.upsert, { operatorId: 'x', groups: [], admin: true });
    expect(extra.code).toBe(ErrorCode.ValidationFailed);
  });
});
