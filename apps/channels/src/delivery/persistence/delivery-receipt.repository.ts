import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { DocumentStore } from '@openlines/persistence';
import { DeliveryReceiptDocument } from './delivery-receipt.schema';

/**
 * Which outbound events were delivered, so that a redelivery (the ack was lost, the process
 * restarted) does not send the customer the same reply twice.
 */
export class DeliveryReceiptRepository {
  constructor(private readonly store: DocumentStore<DeliveryReceiptDocument>) {}

  async delivered(eventId: string): Promise<boolean> {
    return (await this.store.findOne({ __id: eventId })) !== null;
  }

  async remember(
    eventId: string,
    channelId: string,
    externalMessageId: string | undefined,
    now: Date,
  ): Promise<void> {
    try {
      await this.store.insertOne({
        __id: eventId,
        channelId,
        ...(externalMessageId === undefined ? {} : { externalMessageId }),
        deliveredAt: now.toISOString(),
      });
    } catch (error) {
      if (!(error instanceof OpenLinesError && error.code === ErrorCode.Conflict)) throw error;
    }
  }
}
