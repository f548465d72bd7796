import type { NatsConnection } from 'nats';
import { LINES_EVENTS_STREAM } from '@openlines/contracts';
import { EventPublisher } from '../events/event.publisher';
import { connectSpecNats, specLogger, uniqueName, waitFor } from '../../test/support/spec-nats';
import { ensureEventStreams } from '../streams/event-streams';
import { startDurableConsumer } from './durable-consumer';
import { DurableConsumerHandle, DurableConsumerOptions } from './durable-consumer.types';

interface Keyed {
  eventId: string;
  key: string;
  n: number;
}

/** A promise the spec resolves when it decides to. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('durable consumer: keyed concurrency', () => {
  let nc: NatsConnection;
  const durables: string[] = [];
  const handles: DurableConsumerHandle[] = [];

  const start = (subject: string, options: Partial<DurableConsumerOptions<Keyed>>) => {
    const durable = uniqueName('keyed');
    durables.push(durable);
    return startDurableConsumer<Keyed>({
      nc,
      durable,
      filterSubjects: [subject],
      logger: specLogger,
      orderingKey: (event) => event.key,
      handle: () => undefined,
      ...options,
    }).then((handle) => (handles.push(handle), { handle, durable }));
  };
  const publish = async (subject: string, events: [key: string, n: number][]) => {
    const publisher = new EventPublisher(nc);
    for (const [key, n] of events)
      await publisher.publish(subject, { eventId: `${subject}-${key}-${n}`, key, n });
  };
  const subject = () => `lines.events.${uniqueName('keyed')}.happened.v1`;

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

  it('handles one key in stream order while other keys go on in parallel', async () => {
    const on = subject();
    const held = gate();
    const seen = new Map<string, number[]>();
    let active = 0;
    let mostActive = 0;
    const events: [string, number][] = [];
    for (let n = 0; n < 5; n += 1) for (const key of ['a', 'b', 'c', 'd']) events.push([key, n]);
    await publish(on, events); // before the start: one pull brings them all
    await start(on, {
      concurrency: 3,
      handle: async ({ key, n }) => {
        active += 1;
        mostActive = Math.max(mostActive, active);
        if (key === 'a' && n === 0) await held.opened;
        await new Promise((resolve) => setImmediate(resolve));
        seen.set(key, [...(seen.get(key) ?? []), n]);
        active -= 1;
      },
    });

    // a0 hangs: the other keys are all handled meanwhile, a's later events wait behind it.
    await waitFor(() => ['b', 'c', 'd'].every((key) => seen.get(key)?.length === 5));
    expect(seen.get('a')).toBeUndefined();
    expect(active).toBe(1);
    held.open();
    await waitFor(() => seen.get('a')?.length === 5);
    for (const key of ['a', 'b', 'c', 'd']) expect(seen.get(key)).toEqual([0, 1, 2, 3, 4]);
    expect(mostActive).toBe(3);
  });

  it('holds no more than maxInFlight messages, and runs no more than concurrency at once', async () => {
    const on = subject();
    const held = gate();
    let started = 0;
    let done = 0;
    const { durable } = await start(on, {
      concurrency: 2,
      maxInFlight: 5,
      handle: async () => {
        started += 1;
        await held.opened;
        done += 1;
      },
    });
    await publish(
      on,
      Array.from({ length: 20 }, (_, n): [string, number] => [`k${n}`, n]),
    );
    const jsm = await nc.jetstreamManager();
    const info = () => jsm.consumers.info(LINES_EVENTS_STREAM, durable);
    // Five delivered and unacked, fifteen left in the stream, and no pull asking for more.
    await waitFor(async () => {
      const now = await info();
      return now.num_ack_pending === 5 && now.num_pending === 15 && now.num_waiting === 0;
    });
    expect(started).toBe(2);
    held.open();
    await waitFor(() => done === 20);
    await waitFor(async () => (await info()).num_ack_pending === 0);
  });

  it('refuses limits it cannot keep, naming them', async () => {
    await expect(start(subject(), { concurrency: 0 })).rejects.toThrow(
      'concurrency must be a positive integer',
    );
    await expect(start(subject(), { concurrency: 4, maxInFlight: 2 })).rejects.toThrow(
      'maxInFlight (2) must be at least concurrency (4)',
    );
  });
});
