import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { DocumentStore } from '@openlines/persistence';
import { InboundReceiptDocument } from './inbound-receipt.schema';

/**
 * Remembers which inbound messages were published, so that a messenger's retry of an update we
 * already took is dropped before it reaches JetStream (whose own de-duplication only spans its
 * duplicate window).
 */
export class InboundReceiptRepository {
  constructor(private readonly store: DocumentStore<InboundReceiptDocument>) {}

  async seen(eventId: string): Promise<boolean> {
    return (await this.store.findOne({ __id: eventId })) !== null;
  }

  /** A concurrent twin may have written it first; either way it is remembered. */
  async remember(eventId: string, channelId: string, now: Date): Promise<void> {
    try {
      await this.store.insertOne({ __id: eventId, channelId, receivedAt: now.toISOString() });
    } catch (error) {
      if (!(error instanceof OpenLinesError && error.code === ErrorCode.Conflict)) throw error;
    }
  }

  /** Forgets receipts older than `before`: messengers stop retrying long before. */
  async prune(before: Date): Promise<number> {
    const { deletedCount } = await this.store.deleteMany({
      receivedAt: { $lt: before.toISOString() },
    });
    return deletedCount;
  }
}
