import type { NatsConnection } from 'nats';
import { z } from 'zod';
import {
  ErrorCode,
  LINES_DEAD_LETTER_STREAM,
  LINES_EVENTS_STREAM,
  validate,
} from '@openlines/contracts';
import { EventPublisher } from '../events/event.publisher';
import { connectSpecNats, specLogger, uniqueName, waitFor } from '../../test/support/spec-nats';
import { ensureEventStreams } from '../streams/event-streams';
import { DeadLetter, DeadLetterSchema, deadLetterSubject } from './dead-letter';
import { startDurableConsumer } from './durable-consumer';

const Event = z.object({ eventId: z.string() }).strict();
const text = (value: string) => new TextEncoder().encode(value);

describe('durable consumer: JetStream frames that are not JSON', () => {
  let nc: NatsConnection;
  const durable = uniqueName('garbage');

  beforeAll(async () => {
    nc = await connectSpecNats();
    await ensureEventStreams(nc);
  });

  afterAll(async () => {
    const jsm = await nc.jetstreamManager();
    await jsm.consumers.delete(LINES_EVENTS_STREAM, durable).catch(() => undefined);
    await nc.drain();
  });

  async function deadLetters(): Promise<DeadLetter[]> {
    const subject = deadLetterSubject(durable);
    const jsm = await nc.jetstreamManager();
    const info = await jsm.streams.info(LINES_DEAD_LETTER_STREAM, { subjects_filter: subject });
    const count = info.state.subjects?.[subject] ?? 0;
    if (count === 0) return [];
    const reader = await nc
      .jetstream()
      .consumers.get(LINES_DEAD_LETTER_STREAM, { filterSubjects: subject });
    const letters: DeadLetter[] = [];
    for await (const stored of await reader.fetch({ max_messages: count, expires: 2000 })) {
      letters.push(DeadLetterSchema.parse(stored.json()));
      if (letters.length === count) break;
    }
    await reader.delete();
    return letters;
  }

  it('dead-letters each one at once as VALIDATION_FAILED and goes on with the next event', async () => {
    const subject = `lines.events.${durable}.happened.v1`;
    const handled: string[] = [];
    const handle = await startDurableConsumer({
      nc,
      durable,
      filterSubjects: [subject],
      deliverPolicy: 'all',
      logger: specLogger,
      parse: (data) => validate(Event, data, 'spec event'),
      handle: (event) => void handled.push(event.eventId),
    });
    try {
      const js = nc.jetstream();
      const garbage = [
        new Uint8Array(),
        text('this is not json'),
        text('{"eventId":"tru'),
        Uint8Array.from([0xff, 0x00, 0xc3, 0x28]),
      ];
      for (const data of garbage) await js.publish(subject, data);
      await new EventPublisher(nc).publish(subject, { eventId: `${durable}-ok` });

      await waitFor(async () => handled.length === 1 && (await deadLetters()).length === 4);
      expect(handled).toEqual([`${durable}-ok`]);
      const letters = await deadLetters();
      expect(letters.map((letter) => [letter.deliveries, letter.error.code])).toEqual(
        garbage.map(() => [1, ErrorCode.ValidationFailed]),
      );
      expect(letters.map((letter) => letter.data)).toContain('this is not json');
    } finally {
      await handle.stop();
    }
  });
});
