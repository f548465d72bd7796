import { ErrorCode, LineMessageType, LinesEvents } from '@openlines/contracts';
import { UseCaseKit, operator, system } from '../../../test/support/use-case-kit';
import { AssignToBotUseCase } from '../../session/assign-to-bot/assign-to-bot.use-case';
import { CreateSessionUseCase } from '../../session/create/create-session.use-case';
import { MessageQueryUseCase } from '../query/message-query.use-case';
import { SendMessageUseCase } from './send-message.use-case';

describe('SendMessageUseCase', () => {
  let kit: UseCaseKit;
  beforeAll(async () => (kit = await UseCaseKit.start()));
  afterAll(() => kit.close());

  it("stores the operator's reply with the session change and asks for its delivery", async () => {
    const f = kit.seedLine();
    const op = await kit.addOperator([f.operatorGroup]);
    const session = await kit.get(CreateSessionUseCase).execute({ channelId: f.channel.__id, account: 'ann', actor: operator(op) });
    const reply = await kit.get(SendMessageUseCase).execute({ sessionId: session.__id, text: 'Hi Ann', actor: operator(op) });
    expect(reply.message).toMatchObject({ body: 'Hi Ann', operator: op, type: LineMessageType.text, isRead: true });
    expect(reply.session).toMatchObject({ _version: 2, _lastActivityAt: reply.message.__createdAt });
    const stored = await kit.stored(session.__id);
    expect(stored._outbox.slice(-3).map((e) => e.subject)).toEqual([
      LinesEvents.message.created,
      LinesEvents.message.outbound,
      LinesEvents.session.changed,
    ]);
    expect(stored._outbox.at(-2)?.payload).toMatchObject({ account: 'ann', text: 'Hi Ann', messageId: reply.message.__id });
    expect((await kit.get(MessageQueryUseCase).allMessages(session.__id, 0, 10)).items).toEqual([reply.message]);
  });

  it('a file-only reply is a file message; the bot writes as the bot; no reply without someone responsible', async () => {
    const f = kit.seedLine({ _bot: 'bot-7' });
    const session = await kit.get(CreateSessionUseCase).execute({ channelId: f.channel.__id, account: 'bo', actor: system });
    await expect(kit.get(SendMessageUseCase).execute({ sessionId: session.__id, text: 'x', actor: system })).rejects.toMatchObject({
      code: ErrorCode.InvalidTransition,
    });
    await kit.get(AssignToBotUseCase).execute({ sessionId: session.__id, silent: false, actor: system });
    const files = [{ name: 'menu.pdf', url: 'https://example.com/menu.pdf' }];
    const reply = await kit.get(SendMessageUseCase).execute({ sessionId: session.__id, text: '', files, actor: { type: 'bot' } });
    expect(reply.message).toMatchObject({ bot: 'bot-7', type: LineMessageType.file, files });
  });
});
