import { OutboxEntry, outboxEntry } from '@openlines/messaging';
import {
  ClientChangedPayload,
  ClientFieldChange,
  LineClientData,
  LinesEvents,
} from '@openlines/contracts';

/**
 * The client.changed event of one write; its id is derived from the client's version after the
 * write, so a re-publication of the same change carries the same id.
 */
export function clientChangedEntry(
  after: LineClientData,
  changes: ClientFieldChange[],
  version: number,
  now: Date,
): OutboxEntry {
  const payload: ClientChangedPayload = {
    eventId: `client.changed:${after.__id}:${version}`,
    occurredAt: now.toISOString(),
    clientId: after.__id,
    channelId: after._channel,
    changes,
  };
  return outboxEntry(LinesEvents.client.changed, payload, now);
}
