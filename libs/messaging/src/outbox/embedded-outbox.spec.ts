import { MemoryStore } from '@openlines/persistence';
import {
  EmbeddedOutboxRepository,
  OutboxEntry,
  WithOutbox,
  outboxEntry,
  pushOutbox,
} from './embedded-outbox';

const at = (seconds: number) => new Date(Date.UTC(2024, 4, 1, 10, 0, seconds));
const entry = (id: string, seconds: number): OutboxEntry =>
  outboxEntry('lines.events.line.changed.v1', { eventId: id, n: seconds }, at(seconds));

describe('embedded outbox', () => {
  let store: MemoryStore<WithOutbox & { name?: string }>;
  let outbox: EmbeddedOutboxRepository;

  beforeEach(async () => {
    store = new MemoryStore('outbox-spec');
    outbox = new EmbeddedOutboxRepository(store);
    await store.insertOne({ __id: 'a', outbox: [entry('a1', 1), entry('a2', 3)] });
    await store.insertOne({ __id: 'b', outbox: [entry('b1', 2)] });
    await store.insertOne({ __id: 'c' });
  });

  it('lists pending events oldest first across documents, as outbox records', async () => {
    const pending = await outbox.listPending(10);
    expect(pending.map((r) => r.eventId)).toEqual(['a1', 'b1', 'a2']);
    expect(pending[0]).toEqual({
      eventId: 'a1',
      subject: 'lines.events.line.changed.v1',
      payload: { eventId: 'a1', n: 1 },
      createdAt: at(1),
    });
  });

  it('honours the limit', async () => {
    expect((await outbox.listPending(2)).map((r) => r.eventId)).toEqual(['a1', 'b1']);
  });

  it('removes published events and keeps the rest', async () => {
    await outbox.markPublished(['a1', 'b1']);
    expect((await outbox.listPending(10)).map((r) => r.eventId)).toEqual(['a2']);
    expect((await store.findOne({ __id: 'b' }))?.outbox).toEqual([]);
  });

  it('stores new events with a change in the same update', async () => {
    await store.updateOne({ __id: 'c' }, { $set: { name: 'x' }, ...pushOutbox([entry('c1', 4)]) });
    expect(await store.findOne({ __id: 'c' })).toMatchObject({
      name: 'x',
      outbox: [{ eventId: 'c1' }],
    });
    expect(pushOutbox([])).toEqual({});
  });
});
