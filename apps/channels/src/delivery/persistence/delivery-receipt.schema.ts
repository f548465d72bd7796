import { CollectionDefinition } from '@openlines/persistence';

export const DELIVERY_RECEIPTS_COLLECTION = 'delivery_receipts';

/** An outbound message the messenger accepted, by the outbound event's id. */
export interface DeliveryReceiptDocument {
  __id: string;
  channelId: string;
  externalMessageId?: string;
  deliveredAt: string;
}

export const DELIVERY_RECEIPTS_COLLECTION_DEFINITION: CollectionDefinition = {
  idField: '__id',
  indexes: [{ fields: { deliveredAt: 1 } }],
};
