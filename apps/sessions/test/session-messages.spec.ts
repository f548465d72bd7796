import {
  ErrorCode,
  LineMessageData,
  LineMessageType,
  LineSessionData,
  LinesEvents,
  LinesRpc,
  OperatorStatusType,
  SessionMessageReply,
} from '@openlines/contracts';
import { uniqueName } from '@openlines/testing';
import { LineFixture, SessionsHarness, operator, system } from './support/sessions-harness';

const S = LinesRpc.sessions;

describe('session messages over RPC', () => {
  let h: SessionsHarness;
  let f: LineFixture;
  let op: string;
  let session: LineSessionData;
  let account: string;

  beforeAll(async () => {
    h = await SessionsHarness.start();
  });
  afterAll(() => h?.close());

  beforeEach(async () => {
    f = h.seedLine();
    op = await h.addOperator([f.operatorGroup]);
    account = uniqueName('anna');
    session = await h.call(S.create, { channelId: f.channel.__id, account, actor: operator(op) });
  });

  it('an operator reply is stored and asked for delivery (message.created + message.outbound)', async () => {
    const files = [{ name: 'offer.pdf', url: 'https://files.example/offer.pdf' }];
    const reply = await h.call<SessionMessageReply>(S.sendMessage, { sessionId: session.__id, text: 'Hello!', files, actor: operator(op) });
    expect(reply.message).toMatchObject({ body: 'Hello!', operator: op, session: session.__id, type: LineMessageType.text, files, isRead: true });
    expect(reply.session._lastActivityAt).toBe(reply.message.__createdAt);
    await h.events.waitFor(() => h.events.of(session.__id, LinesEvents.message.outbound).length === 1, 'outbound');
    const created = h.events.of(session.__id, LinesEvents.message.created)[0].payload;
    expect(created).toMatchObject({ sender: operator(op), message: reply.message, lineId: f.line.__id, channelId: f.channel.__id });
    expect(h.events.of(session.__id, LinesEvents.message.outbound)[0].payload).toMatchObject({
      messageId: reply.message.__id, text: 'Hello!', files, account, clientId: session._clients[0], channelId: f.channel.__id,
    });
  });

  it('refuses replies from an offline operator and from a colleague, and empty replies', async () => {
    const colleague = await h.addOperator([f.operatorGroup]);
    expect((await h.failure(S.sendMessage, { sessionId: session.__id, text: 'x', actor: operator(colleague) })).code).toBe(ErrorCode.Forbidden);
    await h.call(LinesRpc.operators.setStatus, { operatorId: op, status: OperatorStatusType.offline });
    expect((await h.failure(S.sendMessage, { sessionId: session.__id, text: 'x', actor: operator(op) })).code).toBe(ErrorCode.Forbidden);
    const empty = await h.failure(S.sendMessage, { sessionId: session.__id, text: ' ', actor: system });
    expect(empty.code).toBe(ErrorCode.ValidationFailed);
    expect(empty.message).toContain('text');
  });

  it('a system message is stored and never delivered', async () => {
    const reply = await h.call<SessionMessageReply>(S.sendSystemMessage, { sessionId: session.__id, text: 'Priority changed to High' });
    expect(reply.message).toMatchObject({ type: LineMessageType.system, body: 'Priority changed to High' });
    expect(reply.message.operator).toBeUndefined();
    await h.events.waitFor(() => h.events.of(session.__id, LinesEvents.message.created).length === 1, 'created');
    expect(h.events.of(session.__id, LinesEvents.message.outbound)).toEqual([]);
  });

  it('pages the conversation oldest first (default 0 and 10, at most 10,000) and gives the last message', async () => {
    expect(await h.call(S.getLastMessage, { sessionId: session.__id })).toEqual({ message: null });
    for (let i = 1; i <= 12; i += 1) await h.call(S.sendMessage, { sessionId: session.__id, text: `m${i}`, actor: operator(op) });
    const firstPage = await h.call<{ items: LineMessageData[] }>(S.getAllMessages, { sessionId: session.__id });
    expect(firstPage.items.map((m) => m.body)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10']);
    const rest = await h.call<{ items: LineMessageData[] }>(S.getAllMessages, { sessionId: session.__id, from: 10, size: 10 });
    expect(rest.items.map((m) => m.body)).toEqual(['m11', 'm12']);
    expect((await h.call<{ message: LineMessageData }>(S.getLastMessage, { sessionId: session.__id })).message.body).toBe('m12');
    const tooBig = await h.failure(S.getAllMessages, { sessionId: session.__id, size: 10_001 });
    expect(tooBig.code).toBe(ErrorCode.ValidationFailed);
    expect(tooBig.message).toContain('size');
    expect((await h.failure(S.getAllMessages, { sessionId: 'missing' })).code).toBe(ErrorCode.NotFound);
  });

  it('every event published so far conforms to the contracts schema of its subject', async () => {
    const lines = new Set(h.directory.lines.keys());
    expect(h.events.events.filter((e) => lines.has(String(e.payload.lineId))).length).toBeGreaterThan(10);
    expect(h.events.nonConforming(lines)).toEqual([]);
  });

  it('searches and counts messages across sessions', async () => {
    await h.call(S.sendMessage, { sessionId: session.__id, text: 'needle in a haystack', actor: operator(op) });
    await h.call(S.sendSystemMessage, { sessionId: session.__id, text: 'note' });
    const filter = { and: [{ field: 'session', op: 'eq', value: session.__id }, { field: 'body', op: 'like', value: 'NEEDLE' }] };
    const { items } = await h.call<{ items: LineMessageData[] }>(LinesRpc.messages.search, { filter });
    expect(items.map((m) => m.body)).toEqual(['needle in a haystack']);
    const count = await h.call(LinesRpc.messages.count, { filter: { field: 'session', op: 'eq', value: session.__id } });
    expect(count).toEqual({ count: 2 });
  });
});
