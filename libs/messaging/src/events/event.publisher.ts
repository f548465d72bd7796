import { JetStreamClient, NatsConnection } from 'nats';
import { encodeJson } from './json.codec';
import { correlationHeaders, toNatsHeaders } from './message-headers';

/** Every domain event carries a unique id: it is the JetStream `Nats-Msg-Id`. */
export interface DomainEvent {
  eventId: string;
}

export interface PublishResult {
  /** Stream sequence of the event (of the first copy, for a duplicate). */
  seq: number;
  /** True when the stream had already stored this event id (inside its duplicate window). */
  duplicate: boolean;
}

export interface PublishOptions {
  /** Extra headers; a correlation id here wins over the one of the current context. */
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/**
 * Publishes durable domain events to JetStream. The server drops a second copy of an event id
 * within the duplicate window, so re-publishing after a crash is safe.
 */
export class EventPublisher {
  private readonly js: JetStreamClient;

  /** `connection`: what an outbox relay reads the stream with (PublishedEventIndex). */
  constructor(readonly connection: NatsConnection) {
    this.js = connection.jetstream();
  }

  async publish<E extends DomainEvent>(
    subject: string,
    event: E,
    options: PublishOptions = {},
  ): Promise<PublishResult> {
    if (typeof event.eventId !== 'string' || event.eventId === '') {
      throw new Error(`event published to ${subject} has no eventId`);
    }
    // `msgID` sets the Nats-Msg-Id header, overriding any copy in options.headers.
    const headers = toNatsHeaders({ ...correlationHeaders(), ...options.headers });
    const ack = await this.js.publish(subject, encodeJson(event), {
      msgID: event.eventId,
      headers,
      ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
    });
    return { seq: ack.seq, duplicate: ack.duplicate };
  }
}
