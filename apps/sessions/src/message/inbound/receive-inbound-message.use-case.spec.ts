import { LineSessionState, LinesEvents, MessageInboundPayload, inboundMessageEventId } from '@openlines/contracts';
import { UseCaseKit } from '../../../test/support/use-case-kit';
import { LineFixture } from '../../../test/support/sessions-harness';
import { SessionRepository } from '../../session/persistence/session.repository';
import { MessageQueryUseCase } from '../query/message-query.use-case';
import { MESSAGES_COLLECTION } from '../persistence/message.schema';
import { inboundMessageId } from '../domain/message.factory';
import { ReceiveInboundMessageUseCase } from './receive-inbound-message.use-case';

describe('ReceiveInboundMessageUseCase', () => {
  let kit: UseCaseKit;
  beforeAll(async () => (kit = await UseCaseKit.start()));
  afterAll(() => kit.close());

  const inbound = (f: LineFixture, account: string, id: string, text = id): MessageInboundPayload => ({
    eventId: inboundMessageEventId({ channelId: f.channel.__id, chatId: `chat-${account}`, externalMessageId: id }),
    occurredAt: new Date().toISOString(),
    channelId: f.channel.__id,
    lineId: f.line.__id,
    channelType: f.channel._type,
    account,
    externalMessageId: id,
    externalChatId: `chat-${account}`,
    text,
    attachments: [],
    receivedAt: new Date().toISOString(),
  });
  const openOf = (f: LineFixture, account: string) =>
    kit.get(SessionRepository).findOpen(f.line.__id, kit.directory.data.clientOf(f.channel.__id, account).__id);

  it('opens a session with the first message and appends the next; a redelivery changes nothing', async () => {
    const f = kit.seedLine();
    const useCase = kit.get(ReceiveInboundMessageUseCase);
    await useCase.execute(inbound(f, 'ann', 'm1'));
    await useCase.execute(inbound(f, 'ann', 'm2'));
    const session = await openOf(f, 'ann');
    expect(session).toMatchObject({ _state: LineSessionState.Waiting, _messageSeq: 2, _version: 2, _externalChatId: 'chat-ann' });
    await useCase.execute(inbound(f, 'ann', 'm1'));
    expect(await openOf(f, 'ann')).toMatchObject({ _messageSeq: 2, _version: 2 });
    const bodies = (await kit.get(MessageQueryUseCase).allMessages(session!.__id, 0, 10)).items.map((m) => m.body);
    expect(bodies).toEqual(['m1', 'm2']);
    expect((await kit.outboxSubjects(session!.__id)).filter((s) => s === LinesEvents.message.created)).toHaveLength(2);
  });

  it('recognises a message appended by a run that died before storing it, and stores it once', async () => {
    const f = kit.seedLine();
    const useCase = kit.get(ReceiveInboundMessageUseCase);
    await useCase.execute(inbound(f, 'bea', 'x1'));
    const messages = kit.store.createStore(MESSAGES_COLLECTION);
    await messages.deleteOne({ __id: inboundMessageId({ channelId: f.channel.__id, chatId: 'chat-bea', externalMessageId: 'x1' }) });
    await useCase.execute(inbound(f, 'bea', 'x1'));
    const session = await openOf(f, 'bea');
    expect(session?._version).toBe(1);
    expect((await kit.get(MessageQueryUseCase).allMessages(session!.__id, 0, 10)).items.map((m) => m.body)).toEqual(['x1']);
  });

  it('takes the same messenger id from two chats of one channel as two messages', async () => {
    const f = kit.seedLine();
    const useCase = kit.get(ReceiveInboundMessageUseCase);
    await useCase.execute(inbound(f, 'ann', 'w-1', 'Ann here'));
    await useCase.execute(inbound(f, 'bob', 'w-1', 'Bob here'));
    await useCase.execute(inbound(f, 'bob', 'w-1', 'Bob here'));
    const query = kit.get(MessageQueryUseCase);
    for (const [account, text] of [['ann', 'Ann here'], ['bob', 'Bob here']]) {
      const session = await openOf(f, account);
      expect(session?._messageSeq).toBe(1);
      expect((await query.allMessages(session!.__id, 0, 10)).items.map((m) => [m.body, m.externalId])).toEqual([[text, 'w-1']]);
    }
  });

  it("a blocked client's message opens a session marked as spam that later messages join", async () => {
    const f = kit.seedLine();
    kit.directory.data.block(f.channel.__id, 'spam');
    const useCase = kit.get(ReceiveInboundMessageUseCase);
    await useCase.execute(inbound(f, 'spam', 's1'));
    await useCase.execute(inbound(f, 'spam', 's2'));
    const client = kit.directory.data.clientOf(f.channel.__id, 'spam');
    const latest = await kit.get(SessionRepository).findLatest(f.line.__id, client.__id);
    expect(latest).toMatchObject({ _state: LineSessionState.MarkedAsSpam, _messageSeq: 2, _stateBeforeSpam: LineSessionState.Waiting });
    expect(await openOf(f, 'spam')).toBeNull();
  });
});
