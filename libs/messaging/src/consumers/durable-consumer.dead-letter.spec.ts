import type { NatsConnection } from 'nats';
import { z } from 'zod';
import {
  CORRELATION_ID_HEADER,
  ErrorCode,
  LINES_DEAD_LETTER_STREAM,
  LINES_EVENTS_STREAM,
  validate,
} from '@openlines/contracts';
import { currentCorrelationId, runWithCorrelation } from '@openlines/observability';
import { EventPublisher } from '../events/event.publisher';
import { headerValue } from '../events/message-headers';
import { capturedLogger, connectSpecNats, uniqueName, waitFor } from '../../test/support/spec-nats';
import { ensureEventStreams } from '../streams/event-streams';
import { DeadLetter, DeadLetterSchema, deadLetterSubject } from './dead-letter';
import { startDurableConsumer } from './durable-consumer';
import { DurableConsumerHandle, EventMeta } from './durable-consumer.types';

const Event = z.object({ eventId: z.string(), n: z.number().int() });
type Event = z.infer<typeof Event>;

describe('durable consumer: retries with back-off, then dead letter', () => {
  let nc: NatsConnection;
  const handles: DurableConsumerHandle[] = [];

  beforeAll(async () => {
    nc = await connectSpecNats();
    await ensureEventStreams(nc);
  });

  afterAll(async () => {
    await Promise.all(handles.map((handle) => handle.stop()));
    const jsm = await nc.jetstreamManager();
    await Promise.all(
      handles.map((h) =>
        jsm.consumers.delete(LINES_EVENTS_STREAM, h.durable).catch(() => undefined),
      ),
    );
    await nc.drain();
  });

  async function readDeadLetter(
    durable: string,
  ): Promise<{ letter: DeadLetter; correlationId?: string }> {
    const jsm = await nc.jetstreamManager();
    let found: { letter: DeadLetter; correlationId?: string } | undefined;
    await waitFor(async () => {
      try {
        const stored = await jsm.streams.getMessage(LINES_DEAD_LETTER_STREAM, {
          last_by_subj: deadLetterSubject(durable),
        });
        found = {
          letter: DeadLetterSchema.parse(stored.json()),
          correlationId: headerValue(stored.header, CORRELATION_ID_HEADER),
        };
        return true;
      } catch {
        return false;
      }
    });
    if (!found) throw new Error('no dead letter');
    return found;
  }

  it('redelivers a failing event with growing delays, then dead-letters it after maxDeliver tries', async () => {
    const subject = `lines.events.${uniqueName('dl')}.happened.v1`;
    const durable = uniqueName('deadletter');
    const { lines, logger } = capturedLogger();
    const attempts: { at: number; meta: EventMeta; correlationId?: string }[] = [];
    const handled: number[] = [];
    handles.push(
      await startDurableConsumer<Event>({
        nc,
        durable,
        filterSubjects: [subject],
        logger,
        maxDeliver: 3,
        backoffMs: [150, 300],
        parse: (data) => validate(Event, data, 'spec event'),
        handle: (event, meta) => {
          if (event.n !== 2) return void handled.push(event.n);
          attempts.push({ at: Date.now(), meta, correlationId: currentCorrelationId() });
          throw new Error(`cannot apply event ${event.n}`);
        },
      }),
    );
    const publisher = new EventPublisher(nc);
    await runWithCorrelation('corr-dead-letter', async () => {
      for (const n of [1, 2, 3])
        await publisher.publish(subject, { eventId: `${durable}-${n}`, n });
    });

    const { letter, correlationId } = await readDeadLetter(durable);
    expect(letter).toMatchObject({
      durable,
      stream: LINES_EVENTS_STREAM,
      subject,
      deliveries: 3,
      error: { code: ErrorCode.Internal, message: 'cannot apply event 2' },
      headers: { [CORRELATION_ID_HEADER]: 'corr-dead-letter', 'Nats-Msg-Id': `${durable}-2` },
    });
    expect(JSON.parse(letter.data)).toEqual({ eventId: `${durable}-2`, n: 2 });
    expect(correlationId).toBe('corr-dead-letter');

    expect(attempts.map((a) => a.meta.deliveryCount)).toEqual([1, 2, 3]);
    expect(attempts.every((a) => a.correlationId === 'corr-dead-letter')).toBe(true);
    expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(140);
    expect(attempts[2].at - attempts[1].at).toBeGreaterThanOrEqual(290);
    expect(handled.sort()).toEqual([1, 3]);

    await waitFor(() => lines.some((line) => line.msg === 'event dead-lettered'));
    const steps = lines
      .filter((line) => line.seq === letter.streamSeq)
      .map((line) => [line.level, line.msg, line.delayMs]);
    expect(steps).toEqual([
      ['warn', 'event handler failed: redelivering after back-off', 150],
      ['warn', 'event handler failed: redelivering after back-off', 300],
      ['error', 'event failed 3 times: dead-lettering it', undefined],
      ['error', 'event dead-lettered', undefined],
    ]);
    // term() ended it: the consumer holds nothing back for redelivery.
    const jsm = await nc.jetstreamManager();
    await waitFor(
      async () => (await jsm.consumers.info(LINES_EVENTS_STREAM, durable)).num_ack_pending === 0,
    );
  });

  it('dead-letters a payload that fails validation at once, without calling the handler', async () => {
    const subject = `lines.events.${uniqueName('dlv')}.happened.v1`;
    const durable = uniqueName('invalid');
    let calls = 0;
    handles.push(
      await startDurableConsumer<Event>({
        nc,
        durable,
        filterSubjects: [subject],
        logger: capturedLogger().logger,
        parse: (data) => validate(Event, data, 'spec event'),
        handle: () => void (calls += 1),
      }),
    );
    await new EventPublisher(nc).publish(subject, {
      eventId: `${durable}-bad`,
      n: 'two',
    } as unknown as Event);
    const { letter } = await readDeadLetter(durable);
    expect(letter.deliveries).toBe(1);
    expect(letter.error.code).toBe(ErrorCode.ValidationFailed);
    expect(letter.error.message).toContain('n: Expected number, received string');
    expect(calls).toBe(0);
  });
});
