import type { NatsConnection } from 'nats';
import { LINES_EVENTS_STREAM } from '@openlines/contracts';
import { EventPublisher } from '../events/event.publisher';
import { connectSpecNats, specLogger, uniqueName, waitFor } from '../../test/support/spec-nats';
import { ensureEventStreams } from '../streams/event-streams';
import { startDurableConsumer } from './durable-consumer';
import { DurableConsumerHandle } from './durable-consumer.types';

interface Numbered {
  eventId: string;
  n: number;
}

describe('durable consumer: stop and restart', () => {
  let nc: NatsConnection;
  const durable = uniqueName('restart');

  beforeAll(async () => {
    nc = await connectSpecNats();
    await ensureEventStreams(nc);
  });

  afterAll(async () => {
    const jsm = await nc.jetstreamManager();
    await jsm.consumers.delete(LINES_EVENTS_STREAM, durable).catch(() => undefined);
    await nc.drain();
  });

  it('waits for the handler in flight on stop, and resumes where it left off on restart', async () => {
    const subject = `lines.events.${uniqueName('restart')}.happened.v1`;
    const publisher = new EventPublisher(nc);
    const publish = async (from: number, to: number) => {
      for (let n = from; n < to; n += 1)
        await publisher.publish(subject, { eventId: `${durable}-${n}`, n });
    };
    const seen: number[] = [];
    let releaseGate: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (releaseGate = resolve));
    let gateReached = false;

    const first: DurableConsumerHandle = await startDurableConsumer<Numbered>({
      nc,
      durable,
      filterSubjects: [subject],
      logger: specLogger,
      batchSize: 50,
      handle: async (event) => {
        if (event.n === 100) {
          gateReached = true;
          await gate; // holds this event in flight while the consumer is being stopped
        }
        seen.push(event.n);
      },
    });
    await publish(0, 300);
    await waitFor(() => gateReached);

    let stopped = false;
    const stopping = first.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false); // still waiting for event 100
    releaseGate();
    await stopping;
    expect(first.isRunning()).toBe(false);
    expect(seen).toHaveLength(101);
    expect(seen[seen.length - 1]).toBe(100);

    await publish(300, 400); // published while nobody consumes
    const second = await startDurableConsumer<Numbered>({
      nc,
      durable,
      filterSubjects: [subject],
      logger: specLogger,
      handle: (event) => void seen.push(event.n),
    });
    try {
      await waitFor(() => seen.length >= 400);
      const jsm = await nc.jetstreamManager();
      await waitFor(
        async () => (await jsm.consumers.info(LINES_EVENTS_STREAM, durable)).num_ack_pending === 0,
      );
      expect(seen).toEqual(Array.from({ length: 400 }, (_, n) => n)); // each once, in order
    } finally {
      await second.stop();
    }
  });
});
