import { ErrorCode, LineChannelType, LineSessionState, OperatorStatusType } from '@openlines/contracts';
import { UseCaseKit, operator, system } from '../../../test/support/use-case-kit';
import { CreateSessionUseCase } from '../create/create-session.use-case';
import { MarkAsSpamUseCase } from './mark-as-spam.use-case';

describe('MarkAsSpamUseCase', () => {
  let kit: UseCaseKit;
  beforeAll(async () => (kit = await UseCaseKit.start()));
  afterAll(() => kit.close());

  it('an online operator marks a session as spam; the state before is kept for un-spam', async () => {
    const f = kit.seedLine();
    const op = await kit.addOperator([f.operatorGroup]);
    const away = await kit.addOperator([f.operatorGroup], OperatorStatusType.away);
    const session = await kit.get(CreateSessionUseCase).execute({ channelId: f.channel.__id, account: 'a', actor: operator(op) });
    const useCase = kit.get(MarkAsSpamUseCase);
    await expect(useCase.execute({ sessionId: session.__id, actor: operator(away) })).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    const spam = await useCase.execute({ sessionId: session.__id, actor: operator(op) });
    expect(spam._state).toBe(LineSessionState.MarkedAsSpam);
    expect((await kit.stored(session.__id))._stateBeforeSpam).toBe(LineSessionState.AssignedToOperator);
  });

  it.each([LineChannelType.internal, LineChannelType.support] as const)('refuses sessions of %s channels', async (type) => {
    const f = kit.seedLine({}, type);
    const session = await kit.get(CreateSessionUseCase).execute({ channelId: f.channel.__id, account: 'x', actor: system });
    await expect(kit.get(MarkAsSpamUseCase).execute({ sessionId: session.__id, actor: system })).rejects.toMatchObject({
      code: ErrorCode.InvalidTransition,
      details: { channelType: type, state: LineSessionState.Waiting },
    });
  });
});
