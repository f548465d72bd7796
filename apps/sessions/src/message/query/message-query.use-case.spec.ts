import { ErrorCode } from '@openlines/contracts';
import { UseCaseKit, system } from '../../../test/support/use-case-kit';
import { CreateSessionUseCase } from '../../session/create/create-session.use-case';
import { SendSystemMessageUseCase } from '../send-system-message/send-system-message.use-case';
import { MessageQueryUseCase } from './message-query.use-case';

describe('MessageQueryUseCase', () => {
  let kit: UseCaseKit;
  beforeAll(async () => (kit = await UseCaseKit.start()));
  afterAll(() => kit.close());

  it('pages oldest first, gives the last message, searches and counts', async () => {
    const f = kit.seedLine();
    const session = await kit.get(CreateSessionUseCase).execute({ channelId: f.channel.__id, account: 'a', actor: system });
    const query = kit.get(MessageQueryUseCase);
    expect(await query.lastMessage(session.__id)).toEqual({ message: null });
    for (const text of ['a', 'b', 'c']) await kit.get(SendSystemMessageUseCase).execute({ sessionId: session.__id, text, actor: system });
    expect((await query.allMessages(session.__id, 1, 1)).items.map((m) => m.body)).toEqual(['b']);
    expect((await query.lastMessage(session.__id)).message?.body).toBe('c');
    const inSession = { field: 'session', op: 'eq', value: session.__id };
    expect(await query.count({ filter: inSession })).toEqual({ count: 3 });
    expect((await query.search({ filter: inSession, sort: [{ field: '__createdAt', ascending: false }], size: 1 })).items).toHaveLength(1);
    await expect(query.search({ filter: { field: '_seq', op: 'eq', value: 1 } })).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    await expect(query.allMessages('missing', 0, 10)).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });
});
