import { ErrorCode, LineSessionState, LinesEvents } from '@openlines/contracts';
import { UseCaseKit, operator, system } from '../../../test/support/use-case-kit';
import { CreateSessionUseCase } from '../create/create-session.use-case';
import { AssignToOperatorGroupUseCase } from './assign-to-operator-group.use-case';

describe('AssignToOperatorGroupUseCase', () => {
  let kit: UseCaseKit;
  beforeAll(async () => (kit = await UseCaseKit.start()));
  afterAll(() => kit.close());

  it("puts the operator's session into a group queue, freeing the operator", async () => {
    const f = kit.seedLine();
    const op = await kit.addOperator([f.operatorGroup]);
    const session = await kit.get(CreateSessionUseCase).execute({ channelId: f.channel.__id, account: 'a', actor: operator(op) });
    const useCase = kit.get(AssignToOperatorGroupUseCase);
    const queued = await useCase.execute({ sessionId: session.__id, groupId: f.operatorGroup, actor: operator(op) });
    expect(queued).toMatchObject({ _state: LineSessionState.Waiting, _userGroupId: f.operatorGroup });
    expect(queued._userId).toBeUndefined();
    const stored = await kit.stored(session.__id);
    expect(stored._queuedAt).toBeDefined();
    expect(stored._outbox.at(-1)).toMatchObject({
      subject: LinesEvents.session.reassigned,
      payload: { from: { userId: op }, to: { userGroupId: f.operatorGroup }, reason: 'assignToOperatorGroup' },
    });
    await expect(useCase.execute({ sessionId: session.__id, groupId: f.supervisorGroup, actor: system })).rejects.toMatchObject({
      code: ErrorCode.Forbidden,
    });
  });
});
