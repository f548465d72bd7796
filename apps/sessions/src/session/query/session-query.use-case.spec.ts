import { ErrorCode, LineSessionState } from '@openlines/contracts';
import { UseCaseKit, system } from '../../../test/support/use-case-kit';
import { AssignToOperatorUseCase } from '../assign-to-operator/assign-to-operator.use-case';
import { CreateSessionUseCase } from '../create/create-session.use-case';
import { SessionQueryUseCase } from './session-query.use-case';

describe('SessionQueryUseCase', () => {
  let kit: UseCaseKit;
  beforeAll(async () => (kit = await UseCaseKit.start()));
  afterAll(() => kit.close());

  it('gets, searches, counts (public fields only) and lists assignment reasons', async () => {
    const f = kit.seedLine();
    const op = await kit.addOperator([f.operatorGroup]);
    const create = (account: string) => kit.get(CreateSessionUseCase).execute({ channelId: f.channel.__id, account, actor: system });
    const a = await create('a');
    const b = await create('b');
    await kit.get(AssignToOperatorUseCase).execute({ sessionId: b.__id, operatorId: op, actor: system });
    const query = kit.get(SessionQueryUseCase);
    const got = await query.get(a.__id);
    expect(got).toEqual(a);
    expect(Object.keys(got).some((key) => ['_outbox', '_openKey', '_assignments'].includes(key))).toBe(false);
    const waiting = { and: [{ field: '_line', op: 'eq', value: f.line.__id }, { field: '_state', op: 'eq', value: LineSessionState.Waiting }] };
    expect((await query.search({ filter: waiting })).items.map((s) => s.__id)).toEqual([a.__id]);
    expect(await query.count({ filter: { field: '_line', op: 'eq', value: f.line.__id } })).toEqual({ count: 2 });
    await expect(query.search({ filter: { field: '_openKey', op: 'eq', value: 'x' } })).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    expect((await query.assignmentReasons(b.__id)).items).toEqual([
      expect.objectContaining({ reason: 'assignToOperator', from: {}, to: { userId: op }, actor: system, version: 2 }),
    ]);
    await expect(query.get('missing')).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });
});
