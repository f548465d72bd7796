import { NatsConnection, StorageType, nanos } from 'nats';
import { connectSpecNats, specLogger, uniqueName, waitFor } from '../../test/support/spec-nats';
import { EventPublisher } from '../events/event.publisher';
import { InMemoryOutboxRepository } from './in-memory-outbox.repository';
import { OutboxRelay } from './outbox.relay';
import { createOutboxRecord } from './outbox.types';
import { PublishedEventIndex } from './published-event-index';

const MINUTES = 60_000;

describe('PublishedEventIndex and the outbox relay after the duplicate window', () => {
  let nc: NatsConnection;
  let publisher: EventPublisher;
  const streams: string[] = [];

  beforeAll(async () => {
    nc = await connectSpecNats();
    publisher = new EventPublisher(nc);
  });
  afterAll(async () => {
    const jsm = await nc.jetstreamManager();
    for (const stream of streams) await jsm.streams.delete(stream).catch(() => undefined);
    await nc.drain();
  });

  /** A stream of its own (subjects `<prefix>.>`), with a duplicate window of `windowMs`. */
  async function specStream(windowMs: number): Promise<{ name: string; prefix: string }> {
    const name = uniqueName('SPEC_PUBLISHED');
    const prefix = uniqueName('specpublished');
    const jsm = await nc.jetstreamManager();
    await jsm.streams.add({
      name,
      subjects: [`${prefix}.>`],
      storage: StorageType.File,
      duplicate_window: nanos(windowMs),
    });
    streams.push(name);
    return { name, prefix };
  }

  async function copiesOf(stream: string, subject: string): Promise<number> {
    const jsm = await nc.jetstreamManager();
    const info = await jsm.streams.info(stream, { subjects_filter: subject });
    return info.state.subjects?.[subject] ?? 0;
  }

  it('finds the ids stored since a time, then only reads what was added, and reaches further back when asked', async () => {
    const { name, prefix } = await specStream(2 * MINUTES);
    const index = new PublishedEventIndex(nc, { stream: name, clockSkewMs: 0 });
    await publisher.publish(`${prefix}.a`, { eventId: 'early' });
    const afterEarly = new Date();
    await publisher.publish(`${prefix}.a`, { eventId: 'one' });
    expect(
      await index.published([
        { eventId: 'one', createdAt: afterEarly },
        { eventId: 'never', createdAt: afterEarly },
      ]),
    ).toEqual(new Set(['one']));
    await publisher.publish(`${prefix}.b`, { eventId: 'two' });
    expect(await index.published([{ eventId: 'two', createdAt: afterEarly }])).toEqual(
      new Set(['two']),
    );
    // 'early' was stored before the time read so far: a question about an older record reads it.
    expect(
      await index.published([
        { eventId: 'early', createdAt: new Date(afterEarly.getTime() - MINUTES) },
      ]),
    ).toEqual(new Set(['early']));
  });

  it('answers at once for a stream with nothing after the time asked', async () => {
    const { name } = await specStream(2 * MINUTES);
    const index = new PublishedEventIndex(nc, { stream: name, clockSkewMs: 0 });
    expect(await index.published([{ eventId: 'x', createdAt: new Date() }])).toEqual(new Set());
  });

  it('a relay that comes back after the window stores no second copy of a record it had published', async () => {
    const { name, prefix } = await specStream(300);
    // What the relay did before its process died: published both records, marked neither.
    const records = ['guarded', 'unguarded'].map((kind) =>
      createOutboxRecord(
        `${prefix}.${kind}`,
        { eventId: uniqueName(kind) },
        new Date(Date.now() - 10 * MINUTES),
      ),
    );
    for (const record of records) await publisher.publish(record.subject, record.payload);
    // The window has passed once a probe published after them is stored again.
    const probe = { eventId: uniqueName('probe') };
    await publisher.publish(`${prefix}.probe`, probe);
    await waitFor(
      async () => !(await publisher.publish(`${prefix}.probe`, probe)).duplicate,
      20_000,
    );

    const relayOf = (verifyAfterMs: number) => {
      const repository = new InMemoryOutboxRepository();
      const relay = new OutboxRelay({
        repository,
        publisher,
        logger: specLogger,
        pollIntervalMs: 60_000,
        verifyAfterMs,
        publishedIndex: new PublishedEventIndex(nc, { stream: name }),
      });
      return { repository, relay };
    };
    const guarded = relayOf(MINUTES);
    const unguarded = relayOf(Number.POSITIVE_INFINITY); // never looks: the server's window alone
    await guarded.repository.add(records[0]);
    await unguarded.repository.add(records[1]);
    for (const { relay, repository } of [guarded, unguarded]) {
      relay.start();
      await waitFor(async () => (await repository.listPending(10)).length === 0);
      await relay.stop();
    }
    expect(await copiesOf(name, records[0].subject)).toBe(1);
    expect(await copiesOf(name, records[1].subject)).toBe(2); // what the lookup prevents
  });
});
