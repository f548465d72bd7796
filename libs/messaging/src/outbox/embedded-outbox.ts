import type { DocumentStore, UpdateDocument } from '@openlines/persistence';
import type { DomainEvent } from '../events/event.publisher';
import { OutboxRecord, OutboxRepository, createOutboxRecord } from './outbox.types';

/**
 * The transactional outbox, embedded: an event is pushed into the `outbox` array of the very
 * document whose change it describes, in the same single-document update. MongoDB (and the
 * memory store) apply one document's update atomically, so a change and its event are stored
 * together or not at all, with no multi-document transaction. The OutboxRelay then publishes the
 * pending entries to JetStream (Nats-Msg-Id = eventId) and pulls them out; a crash in between
 * leaves them pending, and they are published again, which the stream's de-duplication absorbs.
 */
export interface OutboxEntry {
  eventId: string;
  subject: string;
  payload: DomainEvent & Record<string, unknown>;
  headers?: Record<string, string>;
  /** ISO 8601, so that both stores sort it alike. */
  createdAt: string;
}

export interface WithOutbox {
  __id: string;
  outbox?: OutboxEntry[];
}

export function outboxEntry(
  subject: string,
  event: DomainEvent & Record<string, unknown>,
  now = new Date(),
): OutboxEntry {
  const record = createOutboxRecord(subject, event, now);
  return {
    eventId: record.eventId,
    subject: record.subject,
    payload: event,
    ...(record.headers ? { headers: record.headers } : {}),
    createdAt: now.toISOString(),
  };
}

/** The update fragment that stores events with a change. */
export function pushOutbox(entries: readonly OutboxEntry[]): UpdateDocument {
  return entries.length === 0 ? {} : { $push: { outbox: { $each: [...entries] } } };
}

/** OutboxRepository over the entries embedded in one collection's documents. */
export class EmbeddedOutboxRepository implements OutboxRepository {
  constructor(private readonly store: DocumentStore<WithOutbox>) {}

  async listPending(limit: number): Promise<OutboxRecord[]> {
    const rows = await this.store.aggregate<{ entry: OutboxEntry }>([
      { $match: { 'outbox.0': { $exists: true } } },
      { $unwind: { path: '$outbox', includeArrayIndex: 'position' } },
      // Per document the array order is the write order; across documents, time.
      { $sort: { 'outbox.createdAt': 1, __id: 1, position: 1 } },
      { $limit: limit },
      { $project: { _id: 0, entry: '$outbox' } },
    ]);
    return rows.map(({ entry }) => ({
      eventId: entry.eventId,
      subject: entry.subject,
      payload: entry.payload,
      ...(entry.headers ? { headers: entry.headers } : {}),
      createdAt: new Date(entry.createdAt),
    }));
  }

  async markPublished(eventIds: string[]): Promise<void> {
    if (eventIds.length === 0) return;
    await this.store.updateMany(
      { 'outbox.eventId': { $in: eventIds } },
      { $pull: { outbox: { eventId: { $in: eventIds } } } },
    );
  }
}
