import { IsoDateSchema } from '../data/common.schema';
import { EventIdSchema } from '../data/id.schema';

/**
 * Fields of every event payload. `eventId` is stable: a re-publication of the same event (after a
 * crash, from the outbox) carries the same id, which is also its `Nats-Msg-Id`, so JetStream and
 * idempotent consumers drop the duplicate. Event schemas strip unknown keys (tolerant reader): an
 * added optional field stays within `.v1`. EventIdSchema: see data/id.schema.ts.
 */
export const EventBaseShape = {
  /** Longer than an item id: derived ids combine several ids. */
  eventId: EventIdSchema,
  occurredAt: IsoDateSchema,
};
