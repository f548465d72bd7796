import { LinesEventSubject } from '@openlines/contracts';

/**
 * An event waiting in a session document's `_outbox`, written by the same compare-and-set as the
 * change it describes, and removed by the relay once JetStream has acknowledged it. `eventId` is
 * stable (derived from the session version or the message id), so a re-publication after a crash
 * carries the same Nats-Msg-Id and is dropped as a duplicate.
 */
export interface PendingEvent {
  eventId: string;
  subject: LinesEventSubject;
  payload: Record<string, unknown>;
  /** Captured at write time (the correlation id of the request that caused the event). */
  headers?: Record<string, string>;
}
