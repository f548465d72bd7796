import { ErrorCode, InboundMessageKey, OpenLinesError } from '@openlines/contracts';
import { DocumentStore } from '@openlines/persistence';
import { InboundReceiptDocument } from './inbound-receipt.schema';

/**
 * Remembers which inbound messages were published, so that a messenger's retry of an update we
 * already took is dropped before it reaches JetStream (whose own de-duplication only spans its
 * duplicate window). Keyed by what the messenger guarantees unique: (channel, chat, message id).
 */
export class InboundReceiptRepository {
  constructor(private readonly store: DocumentStore<InboundReceiptDocument>) {}

  async seen(key: InboundMessageKey): Promise<boolean> {
    return (await this.store.findOne(filterOf(key), { projection: { __id: 1 } })) !== null;
  }

  /** A concurrent twin may have written it first; either way it is remembered. */
  async remember(eventId: string, key: InboundMessageKey, now: Date): Promise<void> {
    try {
      await this.store.insertOne({
        __id: eventId,
        ...filterOf(key),
        receivedAt: now.toISOString(),
      });
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

function filterOf(key: InboundMessageKey): Omit<InboundReceiptDocument, '__id' | 'receivedAt'> {
  return {
    channelId: key.channelId,
    chatId: key.chatId,
    externalMessageId: key.externalMessageId,
  };
}
