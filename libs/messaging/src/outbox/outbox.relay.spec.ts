import type { NatsConnection } from 'nats';
import { CORRELATION_ID_HEADER, LINES_EVENTS_STREAM } from '@openlines/contracts';
import { runWithCorrelation } from '@openlines/observability';
import { startDurableConsumer } from '../consumers/durable-consumer';
import { DurableConsumerHandle, EventMeta } from '../consumers/durable-consumer.types';
import { EventPublisher } from '../events/event.publisher';
import { connectSpecNats, specLogger, uniqueName, waitFor } from '../../test/support/spec-nats';
import { ensureEventStreams } from '../streams/event-streams';
import { InMemoryOutboxRepository } from './in-memory-outbox.repository';
import { OutboxRelay } from './outbox.relay';
import { OutboxRecord, createOutboxRecord } from './outbox.types';

interface SpecEvent {
  eventId: string;
  n: number;
}

/** A repository whose markPublished fails once: the relay "crashed" after publishing. */
class CrashOnceRepository extends InMemoryOutboxRepository {
  crashes = 1;
  override async markPublished(eventIds: string[], publishedAt: Date): Promise<void> {
    if (this.crashes > 0) {
      this.crashes -= 1;
      throw new Error('process died before markPublished');
    }
    return super.markPublished(eventIds, publishedAt);
  }
}

describe('OutboxRelay', () => {
  let nc: NatsConnection;
  let publisher: EventPublisher;
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    nc = await connectSpecNats();
    await ensureEventStreams(nc);
    publisher = new EventPublisher(nc);
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await nc.drain();
  });

  async function storedCount(subject: string): Promise<number> {
    const jsm = await nc.jetstreamManager();
    const info = await jsm.streams.info(LINES_EVENTS_STREAM, { subjects_filter: subject });
    return info.state.subjects?.[subject] ?? 0;
  }

  async function collect(subject: string): Promise<{ events: SpecEvent[]; metas: EventMeta[] }> {
    const events: SpecEvent[] = [];
    const metas: EventMeta[] = [];
    const durable = uniqueName('outboxread');
    const handle: DurableConsumerHandle = await startDurableConsumer<SpecEvent>({
      nc,
      durable,
      filterSubjects: [subject],
      logger: specLogger,
      handle: (event, meta) => {
        events.push(event);
        metas.push(meta);
      },
    });
    cleanups.push(async () => {
      await handle.stop();
      await (await nc.jetstreamManager()).consumers.delete(LINES_EVENTS_STREAM, durable);
    });
    return { events, metas };
  }

  function relayFor(repository: InMemoryOutboxRepository, pollIntervalMs: number): OutboxRelay {
    const relay = new OutboxRelay({
      repository,
      publisher,
      logger: specLogger,
      batchSize: 20,
      pollIntervalMs,
    });
    cleanups.push(() => relay.stop());
    return relay;
  }

  it('publishes each record once, in write order, on kick, with the correlation id of the write', async () => {
    const subject = `lines.events.${uniqueName('outbox')}.happened.v1`;
    const seen = await collect(subject);
    const repository = new InMemoryOutboxRepository();
    const relay = relayFor(repository, 60_000); // the poll never fires within this test: kick does the work
    relay.start();
    const written: OutboxRecord[] = [];
    for (let n = 0; n < 50; n += 1) {
      // Odd records are written outside any request: they must be published without an id.
      const create = () => createOutboxRecord(subject, { eventId: uniqueName('evt'), n });
      const record = n % 2 === 0 ? runWithCorrelation(`corr-${n}`, create) : create();
      await repository.add(record);
      written.push(record);
      runWithCorrelation(`kicker-${n}`, () => relay.kick()); // the writer's request, not the record's
      // The first ten find the relay idle (each kick starts a round); the rest come in a burst.
      if (n < 10) await waitFor(async () => (await repository.listPending(1)).length === 0);
    }
    await waitFor(async () => (await repository.listPending(100)).length === 0);
    await waitFor(() => seen.events.length === 50);
    expect(seen.events.map((event) => event.n)).toEqual(written.map((_, n) => n));
    expect(seen.metas.map((meta) => meta.headers[CORRELATION_ID_HEADER])).toEqual(
      written.map((_, n) => (n % 2 === 0 ? `corr-${n}` : undefined)),
    );
    expect(await storedCount(subject)).toBe(50);
    expect(repository.all().every((record) => record.publishedAt instanceof Date)).toBe(true);
  });

  it('picks up records left without a kick on its safety poll', async () => {
    const subject = `lines.events.${uniqueName('outboxpoll')}.happened.v1`;
    const repository = new InMemoryOutboxRepository();
    const relay = relayFor(repository, 100);
    relay.start();
    await repository.add(createOutboxRecord(subject, { eventId: uniqueName('evt'), n: 1 }));
    await waitFor(async () => (await storedCount(subject)) === 1);
    await waitFor(async () => (await repository.listPending(10)).length === 0);
  });

  it('causes no duplicate when it crashes between publish and markPublished and is restarted', async () => {
    const subject = `lines.events.${uniqueName('outboxcrash')}.happened.v1`;
    const repository = new CrashOnceRepository();
    for (let n = 0; n < 30; n += 1)
      await repository.add(createOutboxRecord(subject, { eventId: uniqueName('evt'), n }));

    const crashed = relayFor(repository, 60_000);
    crashed.start();
    await waitFor(async () => (await storedCount(subject)) === 20); // first batch published…
    await waitFor(() => repository.crashes === 0); // …and its markPublished failed
    await crashed.stop();
    expect(await repository.listPending(100)).toHaveLength(30);

    const restarted = relayFor(repository, 60_000);
    restarted.start();
    await waitFor(async () => (await repository.listPending(100)).length === 0);
    expect(await storedCount(subject)).toBe(30);
    const { events } = await collect(subject);
    await waitFor(() => events.length === 30);
    expect(events.map((event) => event.n)).toEqual(Array.from({ length: 30 }, (_, n) => n));
  });
});
