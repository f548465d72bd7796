import { CollectionDefinition } from '@openlines/persistence';

export const INBOUND_RECEIPTS_COLLECTION = 'inbound_receipts';

/** One inbound message already published, by its event id (channel id + external message id). */
export interface InboundReceiptDocument {
  __id: string;
  channelId: string;
  receivedAt: string;
}

export const INBOUND_RECEIPTS_COLLECTION_DEFINITION: CollectionDefinition = {
  idField: '__id',
  indexes: [{ fields: { receivedAt: 1 } }],
};
