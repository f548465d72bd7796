import { CollectionDefinition } from '@openlines/persistence';

export const INBOUND_RECEIPTS_COLLECTION = 'inbound_receipts';

/**
 * One inbound message already published: its event id and its InboundMessageKey (channel, chat,
 * messenger message id), the key the messenger guarantees unique.
 */
export interface InboundReceiptDocument {
  __id: string;
  channelId: string;
  chatId: string;
  externalMessageId: string;
  receivedAt: string;
}

export const INBOUND_RECEIPTS_COLLECTION_DEFINITION: CollectionDefinition = {
  idField: '__id',
  indexes: [
    { fields: { receivedAt: 1 } },
    // Receipts written before the chat was part of the key have no chatId and are never matched
    // (the pruner removes them); a new name, so that MongoDB builds this index next to any old one.
    {
      fields: { channelId: 1, chatId: 1, externalMessageId: 1 },
      unique: true,
      name: 'inbound_receipt_key_unique',
    },
  ],
};
