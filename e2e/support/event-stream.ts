import { LINES_EVENTS_STREAM } from '@openlines/contracts';
import { NatsConnection, startDurableConsumer } from '@openlines/messaging';
import { testLogger, uniqueName } from '@openlines/testing';
import { eventually } from './poll';

export interface StoredEvent {
  seq: number;
  subject: string;
  /** The Nats-Msg-Id it was stored with (the stream de-duplicates on it). */
  msgId?: string;
  payload: Record<string, unknown>;
}

/**
 * Every message of the events stream, from its first, in stream order: read as any consumer
 * reads it (a durable of its own, deleted afterwards) until the count the stream reports.
 */
export async function readEventStream(nc: NatsConnection): Promise<StoredEvent[]> {
  const jsm = await nc.jetstreamManager();
  const { state } = await jsm.streams.info(LINES_EVENTS_STREAM);
  const events: StoredEvent[] = [];
  const durable = uniqueName('e2e_stream_reader');
  const handle = await startDurableConsumer<Record<string, unknown>>({
    nc,
    durable,
    filterSubjects: ['lines.events.>'],
    deliverPolicy: 'all',
    batchSize: 500,
    logger: testLogger('e2e-stream-reader'),
    handle: (payload, meta) =>
      void events.push({ seq: meta.streamSeq, subject: meta.subject, msgId: meta.msgId, payload }),
  });
  try {
    await eventually(
      `the ${state.messages} messages of ${LINES_EVENTS_STREAM}`,
      async () => (events.length >= state.messages ? true : undefined),
      60_000,
    );
  } finally {
    await handle.stop();
    await jsm.consumers.delete(LINES_EVENTS_STREAM, durable).catch(() => undefined);
  }
  const seen = new Set<number>();
  // A redelivery (an ack lost while stopping) is the same stream message: keep it once.
  return events.filter((e) => !seen.has(e.seq) && seen.add(e.seq)).sort((a, b) => a.seq - b.seq);
}
