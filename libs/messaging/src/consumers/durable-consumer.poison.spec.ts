import type { NatsConnection } from 'nats';
import { LINES_DEAD_LETTER_STREAM, LINES_EVENTS_STREAM } from '@openlines/contracts';
import { EventPublisher } from '../events/event.publisher';
import { connectSpecNats, specLogger, uniqueName, waitFor } from '../../test/support/spec-nats';
import { ensureEventStreams } from '../streams/event-streams';
import { ensureDurableConsumer } from './consumer-setup';
import { DeadLetterSchema, deadLetterSubject } from './dead-letter';
import { startDurableConsumer } from './durable-consumer';
import { UNFINISHED_DELIVERY_SLACK } from './event-processor';

describe('durable consumer: an event whose deliveries never finish', () => {
  let nc: NatsConnection;
  const durable = uniqueName('poison');

  beforeAll(async () => {
    nc = await connectSpecNats();
    await ensureEventStreams(nc);
  });

  afterAll(async () => {
    await (await nc.jetstreamManager()).consumers.delete(LINES_EVENTS_STREAM, durable);
    await nc.drain();
  });

  it('is dead-lettered without running the handler again once past maxDeliver + slack', async () => {
    const subject = `lines.events.${durable}.happened.v1`;
    const jsm = await nc.jetstreamManager();
    const settings = {
      stream: LINES_EVENTS_STREAM,
      durable,
      filterSubjects: [subject],
      deliverPolicy: 'all' as const,
      ackWaitMs: 30_000,
      maxAckPending: 1000,
    };
    await ensureDurableConsumer(nc, jsm, settings, specLogger);
    await new EventPublisher(nc).publish(subject, { eventId: `${durable}-1` });
    // Deliveries that end without a verdict, as when the process dies inside the handler.
    const raw = await nc.jetstream().consumers.get(LINES_EVENTS_STREAM, durable);
    const maxDeliver = 1;
    for (let i = 0; i < maxDeliver + UNFINISHED_DELIVERY_SLACK; i += 1) {
      const msg = await raw.next({ expires: 5000 });
      if (!msg) throw new Error('expected the event');
      msg.nak();
    }

    let calls = 0;
    const handle = await startDurableConsumer({
      nc,
      durable,
      filterSubjects: [subject],
      logger: specLogger,
      maxDeliver,
      handle: () => void (calls += 1),
    });
    try {
      let letter: unknown;
      await waitFor(async () => {
        letter = await jsm.streams
          .getMessage(LINES_DEAD_LETTER_STREAM, { last_by_subj: deadLetterSubject(durable) })
          .then(
            (stored) => stored.json(),
            () => undefined,
          );
        return letter !== undefined;
      });
      expect(DeadLetterSchema.parse(letter)).toMatchObject({
        deliveries: 4,
        error: { code: 'INTERNAL', message: 'delivered 4 times without completing (max 1)' },
      });
      expect(calls).toBe(0);
    } finally {
      await handle.stop();
    }
  });
});
