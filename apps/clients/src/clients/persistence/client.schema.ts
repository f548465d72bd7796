import { OutboxEntry } from '@openlines/messaging';
import { LineClientData } from '@openlines/contracts';
import { CollectionDefinition } from '@openlines/persistence';

export const CLIENTS_COLLECTION = 'clients';

/** A stored client: its data, our optimistic-lock version and its pending events. */
export type ClientDocument = LineClientData & { _version: number; outbox?: OutboxEntry[] };

export const CLIENTS_COLLECTION_DEFINITION: CollectionDefinition = {
  idField: '__id',
  indexes: [
    // One client per account of a channel: findOrCreate relies on it when requests race.
    { fields: { _channel: 1, _username: 1 }, unique: true, name: 'channel_account_unique' },
    // The spec's search: a client by username (any channel).
    { fields: { _username: 1 } },
    { fields: { '_applicationItem.id': 1 }, sparse: true },
    { fields: { 'outbox.eventId': 1 }, sparse: true },
  ],
};
