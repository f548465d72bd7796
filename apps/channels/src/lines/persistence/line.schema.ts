import { OutboxEntry } from '@openlines/messaging';
import { LineData } from '@openlines/contracts';
import { CollectionDefinition } from '@openlines/persistence';

export const LINES_COLLECTION = 'lines';

/** A stored line: its data, our optimistic-lock version and its pending events. */
export type LineDocument = LineData & { _version: number; outbox?: OutboxEntry[] };

/** Indexes follow the searches the spec shows: live lines by name, newest first. */
export const LINES_COLLECTION_DEFINITION: CollectionDefinition = {
  idField: '__id',
  indexes: [
    { fields: { __deletedAt: 1, __name: 1 } },
    { fields: { __createdAt: -1 } },
    // markPublished and the relay's scan look for documents with pending events.
    { fields: { 'outbox.eventId': 1 }, sparse: true },
  ],
};
