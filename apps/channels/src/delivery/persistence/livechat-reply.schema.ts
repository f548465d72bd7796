import { LineMessageFile } from '@openlines/contracts';
import { CollectionDefinition } from '@openlines/persistence';

export const LIVECHAT_REPLIES_COLLECTION = 'livechat_replies';
export const LIVECHAT_CURSORS_COLLECTION = 'livechat_cursors';

/**
 * A reply waiting for the visitor's widget to fetch it. Its id is the outbound event's id, so a
 * redelivered event stores nothing twice; `seq` orders a visitor's replies for the poll cursor.
 */
export interface LivechatReplyDocument {
  __id: string;
  channelId: string;
  account: string;
  seq: number;
  text: string;
  files?: LineMessageFile[];
  createdAt: string;
}

/** The last `seq` handed out per (channel, visitor). */
export interface LivechatCursorDocument {
  __id: string;
  seq: number;
}

export const LIVECHAT_REPLIES_COLLECTION_DEFINITION: CollectionDefinition = {
  idField: '__id',
  indexes: [{ fields: { channelId: 1, account: 1, seq: 1 }, unique: true }],
};

export const LIVECHAT_CURSORS_COLLECTION_DEFINITION: CollectionDefinition = { idField: '__id' };
