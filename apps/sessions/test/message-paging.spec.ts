import { LinesRpc, SessionMessagesReply } from '@openlines/contracts';
import { MemoryStoreFactory } from '@openlines/persistence';
import { MESSAGES_COLLECTION, MessageDocument } from '../src/message/persistence/message.schema';
import { SessionsHarness, system } from './support/sessions-harness';

const S = LinesRpc.sessions;
/** 40 KB of JSON each: 30 of them are more than the NATS max payload (1 MiB) holds. */
const BIG = 'я'.repeat(20_000);

describe('getAllMessages pages by size as well as count', () => {
  const stores = new MemoryStoreFactory();
  let h: SessionsHarness;

  beforeAll(async () => {
    h = await SessionsHarness.start({ storeFactory: stores });
  });
  afterAll(() => h?.close());

  const page = (sessionId: string, from: number, size: number) =>
    h.call<SessionMessagesReply>(S.getAllMessages, { sessionId, from, size });

  it('stops a page at its byte budget and says where the range goes on', async () => {
    const f = h.seedLine();
    const session = await h.openSession(f);
    for (let i = 0; i < 30; i += 1) {
      await h.call(S.sendSystemMessage, { sessionId: session.__id, text: `${i}:${BIG}`.slice(0, 20_000), actor: system });
    }
    const first = await page(session.__id, 0, 100);
    expect(first.hasMore).toBe(true);
    expect(first.nextFrom).toBe(first.items.length);
    expect(Buffer.byteLength(JSON.stringify(first))).toBeLessThanOrEqual(512 * 1024);
    const seen = [...first.items];
    for (let next = first; next.hasMore; ) {
      next = await page(session.__id, next.nextFrom!, 100 - seen.length);
      seen.push(...next.items);
    }
    expect(seen.map((m) => m.body.split(':')[0])).toEqual(Array.from({ length: 30 }, (_, i) => String(i)));
    // Within the budget a page is still just `size` messages, with nothing more to say.
    expect(await page(session.__id, 28, 2)).toEqual({ items: seen.slice(28) });
  });

  it('sends a message stored too large for any page shrunk, and leaves it whole in the store', async () => {
    const f = h.seedLine();
    const session = await h.openSession(f);
    await h.call(S.sendSystemMessage, { sessionId: session.__id, text: 'before', actor: system });
    const messages = stores.createStore<MessageDocument>(MESSAGES_COLLECTION);
    const [stored] = await messages.find({ session: session.__id });
    const legacy = { ...stored, __id: `${stored.__id}-legacy`, externalId: 'legacy', _seq: 2, payload: { padding: 'p'.repeat(900_000) } };
    await messages.insertOne(legacy);
    const reply = await page(session.__id, 0, 10);
    expect(reply.items.map((m) => m.body)).toEqual(['before']);
    expect(reply).toMatchObject({ hasMore: true, nextFrom: 1 });
    const rest = await page(session.__id, 1, 10);
    expect(rest.items).toEqual([expect.objectContaining({ __id: legacy.__id, payload: { truncated: ['payload'], payloadBytes: 900_014 } })]);
    expect((await h.call<{ message: { payload: unknown } }>(S.getLastMessage, { sessionId: session.__id })).message.payload).toEqual(rest.items[0].payload);
    expect((await messages.findOne({ __id: legacy.__id }))?.payload).toEqual(legacy.payload);
  });
});
