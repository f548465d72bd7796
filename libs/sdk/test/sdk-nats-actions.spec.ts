import { createLinesClient, ErrorCode, LineChannelState, LinesClient, LinesError } from '../src';
import { LinesRpc } from '@openlines/contracts';
import { FakeLinesBackend } from './fake-lines-backend';
import { channel, message, session } from './samples';

const OPERATOR = { type: 'operator', id: 'op-1' } as const;

describe('SDK over NATS: messages, channels, creation and errors', () => {
  let backend: FakeLinesBackend;
  let lines: LinesClient;

  beforeAll(async () => {
    backend = await FakeLinesBackend.start();
    backend.on(LinesRpc.sessions.get, (p) => session(String(p.id)));
    lines = createLinesClient({
      servers: process.env.NATS_URL!,
      subjectPrefix: backend.prefix,
      actor: OPERATOR,
    });
  });
  afterAll(async () => {
    await lines?.close();
    await backend?.close();
  });

  it('messages: system message, reply with files, last message and a page of messages', async () => {
    backend.on(LinesRpc.sessions.sendSystemMessage, (p) => ({
      message: message('m-1', { body: String(p.text) }),
      session: session(String(p.sessionId), { _version: 2 }),
    }));
    backend.on(LinesRpc.sessions.sendMessage, (p) => ({
      message: message('m-2', { body: String(p.text), operator: 'op-1' }),
      session: session(String(p.sessionId), { _version: 3 }),
    }));
    backend.on(LinesRpc.sessions.getLastMessage, () => ({ message: null }));
    backend.on(LinesRpc.sessions.getAllMessages, (p) => ({ items: [message(`m-${p.from}`)] }));
    const item = await lines.sessions.get('s-6');
    const note = await item.sendSystemMessage('Priority changed to High');
    expect([note.id, note.data.body, item.data._version]).toEqual([
      'm-1',
      'Priority changed to High',
      2,
    ]);
    const files = [{ name: 'a.pdf', url: 'https://files.example/a.pdf' }];
    await item.sendMessage('Here you are', files);
    expect(backend.last(LinesRpc.sessions.sendMessage)).toEqual({
      sessionId: 's-6',
      actor: OPERATOR,
      text: 'Here you are',
      files,
    });
    expect(await item.getLastMessage()).toBeUndefined();
    const page = await item.getAllMessages(20, 5);
    expect(backend.last(LinesRpc.sessions.getAllMessages)).toEqual({
      sessionId: 's-6',
      from: 20,
      size: 5,
    });
    expect(page[0].id).toBe('m-20');
  });

  it('channels: disconnect and reconnect; a refused reconnect rejects with its code', async () => {
    backend.on(LinesRpc.channels.get, (p) => channel(String(p.id)));
    backend.on(LinesRpc.channels.disconnect, (p) =>
      channel(String(p.id), { _state: LineChannelState.disconnected }),
    );
    backend.on(LinesRpc.channels.reconnect, () => {
      throw new LinesError(
        ErrorCode.InvalidTransition,
        'internal channels cannot be reconnected',
        {},
      );
    });
    const item = await lines.channels.get('ch-9');
    await item.disconnect();
    expect(item.data._state).toBe(LineChannelState.disconnected);
    const failure = await item.reconnect().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LinesError);
    expect(failure).toMatchObject({
      code: ErrorCode.InvalidTransition,
      message: 'internal channels cannot be reconnected',
    });
  });

  it('sessions.create sends the channel id, the account and the actor', async () => {
    backend.on(LinesRpc.sessions.create, (p) =>
      session('s-new', { _channel: String(p.channelId) }),
    );
    const created = await lines.sessions.create({ id: 'ch-2' }, 'telegram_username');
    expect(backend.last(LinesRpc.sessions.create)).toEqual({
      channelId: 'ch-2',
      account: 'telegram_username',
      actor: OPERATOR,
    });
    expect(created.data._channel).toBe('ch-2');
  });

  it('rejects with UNAVAILABLE when no service answers', async () => {
    const orphan = createLinesClient({
      servers: process.env.NATS_URL!,
      subjectPrefix: `${backend.prefix}_none`,
    });
    try {
      await expect(orphan.lines.search().all()).rejects.toMatchObject({
        code: ErrorCode.Unavailable,
      });
    } finally {
      await orphan.close();
    }
  });
});
