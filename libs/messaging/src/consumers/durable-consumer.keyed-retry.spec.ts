import type { NatsConnection } from 'nats';
import { LINES_EVENTS_STREAM } from '@openlines/contracts';
import { EventPublisher } from '../events/event.publisher';
import { connectSpecNats, specLogger, uniqueName, waitFor } from '../../test/support/spec-nats';
import { ensureEventStreams } from '../streams/event-streams';
import { startDurableConsumer } from './durable-consumer';
import { DurableConsumerHandle, DurableConsumerOptions, EventMeta } from './durable-consumer.types';

interface Keyed {
  eventId: string;
  key: string;
  n: number;
}

describe('durable consumer: keyed concurrency, retries and waiting', () => {
  let nc: NatsConnection;
  const durables: string[] = [];
  const handles: DurableConsumerHandle[] = [];

  const start = async (subject: string, options: Partial<DurableConsumerOptions<Keyed>>) => {
    const durable = uniqueName('keyed_retry');
    durables.push(durable);
    const handle = await startDurableConsumer<Keyed>({
      nc,
      durable,
      filterSubjects: [subject],
      logger: specLogger,
      orderingKey: (event) => event.key,
      handle: () => undefined,
      ...options,
    });
    handles.push(handle);
  };
  const publish = async (subject: string, events: [key: string, n: number][]) => {
    const publisher = new EventPublisher(nc);
    for (const [key, n] of events)
      await publisher.publish(subject, { eventId: `${subject}-${key}-${n}`, key, n });
  };
  const subject = () => `lines.events.${uniqueName('keyed_retry')}.happened.v1`;

  beforeAll(async () => {
    nc = await connectSpecNats();
    await ensureEventStreams(nc);
  });

  afterAll(async () => {
    await Promise.all(handles.map((handle) => handle.stop()));
    const jsm = await nc.jetstreamManager();
    for (const durable of durables)
      await jsm.consumers.delete(LINES_EVENTS_STREAM, durable).catch(() => undefined);
    await nc.drain();
  });

  it("retries a failed event before its key's later events, holding back no other key", async () => {
    const on = subject();
    const log: string[] = [];
    await publish(on, [
      ['a', 0],
      ['a', 1],
      ['b', 0],
      ['a', 2],
      ['b', 1],
      ['b', 2],
    ]);
    await start(on, {
      concurrency: 2,
      backoffMs: [1500],
      handle: ({ key, n }, meta: EventMeta) => {
        if (key === 'a' && n === 0 && meta.deliveryCount === 1) {
          log.push('a0 failed');
          throw new Error('the messenger is down for a moment');
        }
        log.push(`${key}${n}`);
      },
    });
    await waitFor(() => log.includes('b2'));
    // b went on during a0's back-off; nothing of a ran after its failure.
    expect(log).toEqual(['a0 failed', 'b0', 'b1', 'b2']);
    await waitFor(() => log.includes('a2'));
    expect(log.slice(4)).toEqual(['a0', 'a1', 'a2']);
  });

  it('keeps events waiting behind their key longer than ack_wait from being redelivered', async () => {
    const on = subject();
    const ackWaitMs = 1000;
    const deliveries: string[] = [];
    await publish(on, [
      ['a', 0],
      ['a', 1],
      ['a', 2],
    ]);
    await start(on, {
      concurrency: 4,
      ackWaitMs,
      handle: async ({ n }, meta) => {
        deliveries.push(`a${n}#${meta.deliveryCount}`);
        if (n > 0) return;
        // a0 works three times ack_wait (a slow messenger): a1 and a2 wait that long behind it.
        const until = Date.now() + 3 * ackWaitMs;
        await waitFor(() => Date.now() >= until, 10 * ackWaitMs);
      },
    });
    await waitFor(() => deliveries.length >= 3);
    const jsm = await nc.jetstreamManager();
    await waitFor(
      async () =>
        (await jsm.consumers.info(LINES_EVENTS_STREAM, durables[durables.length - 1]))
          .num_ack_pending === 0,
    );
    expect(deliveries).toEqual(['a0#1', 'a1#1', 'a2#1']);
  });
});
