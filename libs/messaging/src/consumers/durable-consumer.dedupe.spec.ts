import type { NatsConnection } from 'nats';
import { LINES_EVENTS_STREAM } from '@openlines/contracts';
import { EventPublisher, PublishResult } from '../events/event.publisher';
import { connectSpecNats, specLogger, uniqueName, waitFor } from '../../test/support/spec-nats';
import { ensureEventStreams } from '../streams/event-streams';
import { startDurableConsumer } from './durable-consumer';
import { DurableConsumerHandle } from './durable-consumer.types';

const EVENTS = 10_000;
const IN_FLIGHT = 256;

/** Publishes with at most IN_FLIGHT pubacks outstanding: fast, yet no unbounded promise pile. */
async function publishAll(
  publisher: EventPublisher,
  subject: string,
  ids: string[],
): Promise<PublishResult[]> {
  const results: PublishResult[] = new Array(ids.length);
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const index = next++;
      results[index] = await publisher.publish(subject, { eventId: ids[index] });
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return results;
}

describe('durable consumer: de-duplication by event id', () => {
  let nc: NatsConnection;
  let consumer: DurableConsumerHandle | undefined;
  const durable = uniqueName('dedupe');

  beforeAll(async () => {
    nc = await connectSpecNats();
    await ensureEventStreams(nc);
  });

  afterAll(async () => {
    await consumer?.stop();
    const jsm = await nc.jetstreamManager();
    await jsm.consumers.delete(LINES_EVENTS_STREAM, durable).catch(() => undefined);
    await nc.drain();
  });

  it(`handles each of ${EVENTS} events exactly once when a fifth are published twice`, async () => {
    const subject = `lines.events.${uniqueName('dedupe')}.happened.v1`;
    const ids = Array.from({ length: EVENTS }, (_, i) => `${durable}-${i}`);
    // Every fifth event is published a second time, shortly after the first.
    const sequence: string[] = [];
    ids.forEach((id, i) => {
      sequence.push(id);
      if (i >= 10 && i % 5 === 0) sequence.push(ids[i - 10]);
    });
    for (let i = ids.length - 10; i < ids.length; i += 1) if (i % 5 === 0) sequence.push(ids[i]);
    expect(sequence.length).toBe(EVENTS + EVENTS / 5);

    const calls = new Map<string, number>();
    consumer = await startDurableConsumer<{ eventId: string }>({
      nc,
      durable,
      filterSubjects: [subject],
      logger: specLogger,
      batchSize: 500,
      handle: (event) => {
        calls.set(event.eventId, (calls.get(event.eventId) ?? 0) + 1);
      },
    });

    const publisher = new EventPublisher(nc);
    const results = await publishAll(publisher, subject, sequence);
    expect(results.filter((r) => r.duplicate)).toHaveLength(EVENTS / 5);

    await waitFor(() => calls.size === EVENTS, 20_000);
    // Nothing more can come: the stream holds one copy per id and the consumer has acked them all.
    const jsm = await nc.jetstreamManager();
    const stream = await jsm.streams.info(LINES_EVENTS_STREAM, { subjects_filter: subject });
    expect(stream.state.subjects?.[subject]).toBe(EVENTS);
    await waitFor(async () => {
      const info = await jsm.consumers.info(LINES_EVENTS_STREAM, durable);
      return info.num_pending === 0 && info.num_ack_pending === 0;
    });
    expect([...calls.values()].every((count) => count === 1)).toBe(true);
    expect(calls.size).toBe(EVENTS);
  }, 30_000); // set here: the root multi-project run does not apply the preset's testTimeout
});
