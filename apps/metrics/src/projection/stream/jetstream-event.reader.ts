import { LINES_EVENTS_STREAM } from '@openlines/contracts';
import { decodeJson, NatsConnection } from '@openlines/messaging';
import { EventStreamReader, StoredEvent } from './event-stream.reader';

/** JetStream's "consumer not found" API error. */
const CONSUMER_NOT_FOUND = 10014;

function apiErrorCode(error: unknown): number | undefined {
  return (error as { api_error?: { err_code?: number } }).api_error?.err_code;
}

/**
 * A small local adapter: libs/messaging offers durable consumers, not a bounded replay, so this
 * reads a range of the stream with an ordered (ephemeral, flow-controlled) consumer that starts
 * at the range's first sequence, and deletes durables. Only NatsConnection methods are used; no
 * `nats` import leaves libs/messaging.
 */
export class JetStreamEventReader implements EventStreamReader {
  constructor(
    private readonly nc: NatsConnection,
    private readonly stream = LINES_EVENTS_STREAM,
  ) {}

  async lastSequence(): Promise<number> {
    const jsm = await this.nc.jetstreamManager();
    return (await jsm.streams.info(this.stream)).state.last_seq;
  }

  async replay(
    fromSeq: number,
    toSeq: number,
    onEvent: (event: StoredEvent) => Promise<void>,
  ): Promise<number> {
    const jsm = await this.nc.jetstreamManager();
    const { state } = await jsm.streams.info(this.stream);
    const from = Math.max(fromSeq, state.first_seq, 1);
    const to = Math.min(toSeq, state.last_seq);
    if (state.messages === 0 || from > to) return 0;
    // The whole stream (every subject is an event); no filter, which a 2.9 server could not combine.
    const consumer = await this.nc.jetstream().consumers.get(this.stream, { opt_start_seq: from });
    const messages = await consumer.consume({ max_messages: 512 });
    let read = 0;
    try {
      for await (const msg of messages) {
        if (msg.seq > to) break; // the events in between were deleted
        let data: unknown;
        try {
          data = decodeJson(msg.data);
        } catch {
          data = undefined; // not JSON: the projection refuses it like any malformed payload
        }
        await onEvent({ seq: msg.seq, subject: msg.subject, data });
        read += 1;
        if (msg.seq >= to) break;
      }
    } finally {
      messages.stop();
    }
    return read;
  }

  async deleteDurable(durable: string): Promise<boolean> {
    const jsm = await this.nc.jetstreamManager();
    try {
      return await jsm.consumers.delete(this.stream, durable);
    } catch (error) {
      if (apiErrorCode(error) === CONSUMER_NOT_FOUND) return false;
      throw error;
    }
  }
}
