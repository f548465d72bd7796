import { ErrorCode, LineSessionState } from '@openlines/contracts';
import { UseCaseKit, system } from '../../../test/support/use-case-kit';
import { CreateSessionUseCase } from '../create/create-session.use-case';
import { AssignToBotUseCase } from './assign-to-bot.use-case';

describe('AssignToBotUseCase', () => {
  let kit: UseCaseKit;
  beforeAll(async () => (kit = await UseCaseKit.start()));
  afterAll(() => kit.close());

  it('gives the session to the line bot; silent is carried on the reassignment', async () => {
    const f = kit.seedLine({ _bot: 'bot-1' });
    const session = await kit.get(CreateSessionUseCase).execute({ channelId: f.channel.__id, account: 'a', actor: system });
    const after = await kit.get(AssignToBotUseCase).execute({ sessionId: session.__id, silent: true, actor: system });
    expect(after).toMatchObject({ _state: LineSessionState.AssignedToBot, _botId: 'bot-1' });
    expect((await kit.stored(session.__id))._outbox.at(-1)?.payload).toMatchObject({ to: { botId: 'bot-1' }, silent: true });
    await expect(kit.get(AssignToBotUseCase).execute({ sessionId: session.__id, silent: false, actor: system })).rejects.toMatchObject({
      code: ErrorCode.InvalidTransition,
      details: { state: LineSessionState.AssignedToBot },
    });
  });

  it('refuses when the line has no bot', async () => {
    const f = kit.seedLine();
    const session = await kit.get(CreateSessionUseCase).execute({ channelId: f.channel.__id, account: 'b', actor: system });
    await expect(kit.get(AssignToBotUseCase).execute({ sessionId: session.__id, silent: false, actor: system })).rejects.toMatchObject({
      code: ErrorCode.InvalidTransition,
      details: { reason: 'noBot', state: LineSessionState.Waiting },
    });
  });
});
