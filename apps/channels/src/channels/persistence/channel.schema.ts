import { OutboxEntry } from '@openlines/messaging';
import { CollectionDefinition } from '@openlines/persistence';
import { ChannelRecord } from '../domain/channel.rules';

export const CHANNELS_COLLECTION = 'channels';

/** A stored channel: the record (secrets included), our version and its pending events. */
export type ChannelDocument = ChannelRecord & { _version: number; outbox?: OutboxEntry[] };

export const CHANNELS_COLLECTION_DEFINITION: CollectionDefinition = {
  idField: '__id',
  indexes: [
    // The spec's searches: live channels by state and type; a line's channels.
    { fields: { __deletedAt: 1, _state: 1, _type: 1 } },
    { fields: { _line: 1 } },
    // One live-chat widget key per channel, so an inbound post finds exactly one channel.
    { fields: { livechatKey: 1 }, unique: true, sparse: true },
    { fields: { 'outbox.eventId': 1 }, sparse: true },
  ],
};
