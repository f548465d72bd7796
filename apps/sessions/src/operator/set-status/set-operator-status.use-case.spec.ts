import { ErrorCode, LineSessionState, OperatorStatusType } from '@openlines/contracts';
import { UseCaseKit, operator } from '../../../test/support/use-case-kit';
import { CreateSessionUseCase } from '../../session/create/create-session.use-case';
import { SetOperatorStatusUseCase } from './set-operator-status.use-case';

describe('SetOperatorStatusUseCase', () => {
  let kit: UseCaseKit;
  beforeAll(async () => (kit = await UseCaseKit.start()));
  afterAll(() => kit.close());

  it('going offline requeues sessions only on lines that say so', async () => {
    const keep = kit.seedLine();
    const requeue = kit.seedLine({ _requeueOnOffline: true });
    const op = await kit.addOperator([keep.operatorGroup, requeue.operatorGroup]);
    const create = kit.get(CreateSessionUseCase);
    const kept = await create.execute({ channelId: keep.channel.__id, account: 'k', actor: operator(op) });
    const moved = await create.execute({ channelId: requeue.channel.__id, account: 'm', actor: operator(op) });
    const after = await kit.get(SetOperatorStatusUseCase).execute({ operatorId: op, status: OperatorStatusType.offline });
    expect(after._status).toBe(OperatorStatusType.offline);
    expect(await kit.stored(kept.__id)).toMatchObject({ _state: LineSessionState.AssignedToOperator, _userId: op });
    const requeued = await kit.stored(moved.__id);
    expect(requeued._state).toBe(LineSessionState.Waiting);
    expect(requeued._assignments.at(-1)).toMatchObject({ reason: 'operatorOffline', from: { userId: op }, to: {} });
  });

  it('refuses an unknown operator', async () => {
    await expect(kit.get(SetOperatorStatusUseCase).execute({ operatorId: 'ghost', status: OperatorStatusType.online })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
  });
});
