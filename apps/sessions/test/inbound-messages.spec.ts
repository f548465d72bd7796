import {
  LineMessageData,
  LineSessionData,
  LineSessionState,
  LinesEvents,
  LinesRpc,
  MessageInboundPayload,
} from '@openlines/contracts';
import { uniqueName } from '@openlines/testing';
import { LineFixture, SessionsHarness, system } from './support/sessions-harness';

const S = LinesRpc.sessions;

describe('inbound messages (durable consumer of message.inbound)', () => {
  let h: SessionsHarness;

  beforeAll(async () => {
    h = await SessionsHarness.start();
  });
  afterAll(() => h?.close());

  const drained = () => h.inboundDrained();

  const sessionsOf = (f: LineFixture) =>
    h.call<{ items: LineSessionData[] }>(S.search, { filter: { field: '_line', op: 'eq', value: f.line.__id }, size: 1000 });
  const messagesOf = (sessionId: string) =>
    h.call<{ items: LineMessageData[] }>(S.getAllMessages, { sessionId, size: 10_000 });

  it('opens a Waiting session for a new client, continues it, and opens a new one after close', async () => {
    const f = h.seedLine();
    await h.publishInbound(h.inbound(f, 'kate', 'm1', 'Hi'));
    await h.publishInbound(h.inbound(f, 'kate', 'm2', 'Anyone?'));
    await drained();
    const [session] = (await sessionsOf(f)).items;
    const client = h.directory.clientOf(f.channel.__id, 'kate');
    expect(session).toMatchObject({ _state: LineSessionState.Waiting, _clients: [client.__id] });
    const { items } = await messagesOf(session.__id);
    expect(items.map((m) => [m.body, m.client, m.externalId, m.isRead])).toEqual([
      ['Hi', client.__id, 'm1', false],
      ['Anyone?', client.__id, 'm2', false],
    ]);
    await h.events.waitFor(() => h.events.of(session.__id, LinesEvents.message.created).length === 2, 'message events');
    expect(h.events.of(session.__id, LinesEvents.message.created)[0].payload).toMatchObject({ sender: { type: 'client', id: client.__id } });
    await h.call(S.close, { sessionId: session.__id, actor: system });
    await h.publishInbound(h.inbound(f, 'kate', 'm3', 'Back again'));
    await drained();
    const sessions = (await sessionsOf(f)).items;
    expect(sessions).toHaveLength(2);
    const reopened = sessions.find((s) => s.__id !== session.__id);
    expect(reopened?._state).toBe(LineSessionState.Waiting);
  });

  it('gives a new session to the line bot when the line says bot first', async () => {
    const f = h.seedLine({ _bot: 'helper-bot', _botFirst: true });
    await h.publishInbound(h.inbound(f, 'lee', 'b1', 'Hello bot'));
    await drained();
    expect((await sessionsOf(f)).items).toEqual([expect.objectContaining({ _state: LineSessionState.AssignedToBot, _botId: 'helper-bot' })]);
  });

  it('marks the session of a blocked client as spam at once, and keeps writing there', async () => {
    const f = h.seedLine();
    h.directory.block(f.channel.__id, 'spammer');
    await h.publishInbound(h.inbound(f, 'spammer', 's1', 'BUY NOW'));
    await h.publishInbound(h.inbound(f, 'spammer', 's2', 'BUY NOW!!'));
    await drained();
    const { items } = await sessionsOf(f);
    expect(items).toEqual([expect.objectContaining({ _state: LineSessionState.MarkedAsSpam })]);
    expect((await messagesOf(items[0].__id)).items).toHaveLength(2);
  });

  it('every event published so far conforms to the contracts schema of its subject', async () => {
    const lines = new Set(h.directory.lines.keys());
    expect(h.events.events.filter((e) => lines.has(String(e.payload.lineId))).length).toBeGreaterThan(10);
    expect(h.events.nonConforming(lines)).toEqual([]);
  });

  it('1,000 messages from 100 clients, some delivered twice: 100 sessions, each message once, in order', async () => {
    const f = h.seedLine();
    const clients = Array.from({ length: 100 }, (_, i) => `client-${i}-${uniqueName('c')}`);
    const event = (c: number, m: number): MessageInboundPayload => h.inbound(f, clients[c], `${clients[c]}-m${m}`, `message ${m}`);
    const published: Promise<void>[] = [];
    for (let m = 0; m < 10; m += 1) {
      for (let c = 0; c < 100; c += 1) {
        published.push(h.publishInbound(event(c, m)));
        // Every 10th message is delivered twice, as a webhook retried after the stream's duplicate window would.
        if ((c + m) % 10 === 0) published.push(h.publishInbound({ ...event(c, m), eventId: uniqueName('redelivery') }));
      }
    }
    await Promise.all(published);
    await drained();
    const sessions = (await sessionsOf(f)).items;
    expect(sessions).toHaveLength(100);
    const total = await h.call<{ count: number }>(LinesRpc.messages.count, {
      filter: { field: 'session', op: 'in', value: sessions.map((s) => s.__id) },
    });
    expect(total).toEqual({ count: 1000 });
    for (const session of sessions) {
      const bodies = (await messagesOf(session.__id)).items.map((m) => m.body);
      expect(bodies).toEqual(Array.from({ length: 10 }, (_, m) => `message ${m}`));
    }
  }, 120_000);
});
