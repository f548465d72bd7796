import { ErrorCode, LineSessionState } from '@openlines/contracts';
import { UseCaseKit, operator, system } from '../../../test/support/use-case-kit';
import { AssignToOperatorUseCase } from '../assign-to-operator/assign-to-operator.use-case';
import { CreateSessionUseCase } from '../create/create-session.use-case';
import { MarkAsSpamUseCase } from '../mark-as-spam/mark-as-spam.use-case';
import { UnmarkAsSpamUseCase } from './unmark-as-spam.use-case';

describe('UnmarkAsSpamUseCase', () => {
  let kit: UseCaseKit;
  beforeAll(async () => (kit = await UseCaseKit.start()));
  afterAll(() => kit.close());

  const create = (channelId: string, account: string) =>
    kit.get(CreateSessionUseCase).execute({ channelId, account, actor: system });

  it('returns the session to its operator, or to the queue when the operator has no seat left', async () => {
    const f = kit.seedLine({ _operatorCapacity: 1 });
    const op = await kit.addOperator([f.operatorGroup]);
    const session = await create(f.channel.__id, 'a');
    await kit.get(AssignToOperatorUseCase).execute({ sessionId: session.__id, operatorId: op, actor: system });
    await kit.get(MarkAsSpamUseCase).execute({ sessionId: session.__id, actor: system });
    const other = await create(f.channel.__id, 'b');
    await kit.get(AssignToOperatorUseCase).execute({ sessionId: other.__id, operatorId: op, actor: system });
    const back = await kit.get(UnmarkAsSpamUseCase).execute({ sessionId: session.__id, actor: operator(op) });
    expect(back._state).toBe(LineSessionState.Waiting);
    expect(back._userId).toBeUndefined();
  });

  it('only for the last session of the chain', async () => {
    const f = kit.seedLine();
    const first = await create(f.channel.__id, 'c');
    await kit.get(MarkAsSpamUseCase).execute({ sessionId: first.__id, actor: system });
    await create(f.channel.__id, 'c');
    await expect(kit.get(UnmarkAsSpamUseCase).execute({ sessionId: first.__id, actor: system })).rejects.toMatchObject({
      code: ErrorCode.InvalidTransition,
      details: { reason: 'notLastInChain', state: LineSessionState.MarkedAsSpam },
    });
  });
});
