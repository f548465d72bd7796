import { currentCorrelationId } from '@openlines/observability';
import { DomainEvent } from '../events/event.publisher';
import { correlationHeaders } from '../events/message-headers';

/**
 * An event written in the same store transaction as the state change it describes, published
 * later by the OutboxRelay. `eventId` equals `payload.eventId` and is the JetStream Nats-Msg-Id.
 */
export interface OutboxRecord<E extends DomainEvent = DomainEvent> {
  eventId: string;
  subject: string;
  payload: E;
  /** Captured at write time, e.g. the correlation id of the request that caused the event. */
  headers?: Record<string, string>;
  createdAt: Date;
  publishedAt?: Date;
}

/** The store side of the outbox; the sessions service implements it over its own collection. */
export interface OutboxRepository {
  /** Unpublished records, oldest first (createdAt, then write order), at most `limit`. */
  listPending(limit: number): Promise<OutboxRecord[]>;
  markPublished(eventIds: string[], publishedAt: Date): Promise<void>;
}

/** Builds the record for an event, carrying the current correlation id to the later publish. */
export function createOutboxRecord<E extends DomainEvent>(
  subject: string,
  event: E,
  now = new Date(),
): OutboxRecord<E> {
  const correlationId = currentCorrelationId();
  return {
    eventId: event.eventId,
    subject,
    payload: event,
    ...(correlationId === undefined ? {} : { headers: correlationHeaders(correlationId) }),
    createdAt: now,
  };
}
