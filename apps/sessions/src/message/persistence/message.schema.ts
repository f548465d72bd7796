import { LineMessageData, LineMessageDataSchema, LineMessageType } from '@openlines/contracts';
import { CollectionDefinition } from '@openlines/persistence';
import { defineEntityFields } from '@openlines/query';

export const MESSAGES_COLLECTION = 'messages';

/** A stored message: the public data plus where it came from and its place in the session. */
export interface MessageDocument extends LineMessageData {
  /** Channel of the session: with `_externalChat` and `externalId`, the key of an inbound message. */
  _channel: string;
  /** Inbound messages: the chat (visitor, sender) the messenger numbers `externalId` within. */
  _externalChat?: string;
  _line: string;
  /** Position in the session (1, 2, …): getAllMessages' order. */
  _seq: number;
}

export const MESSAGES_DEFINITION: CollectionDefinition = {
  indexes: [
    // A messenger message enters once, however often it is delivered; its id is unique in its chat
    // only. (A new name: an existing database must drop the old `message_external_unique`.)
    {
      fields: { _channel: 1, _externalChat: 1, externalId: 1 },
      unique: true,
      name: 'message_external_chat_unique',
    },
    { fields: { session: 1, _seq: 1 }, name: 'message_session_seq' },
  ],
};

export function toMessageData(doc: MessageDocument): LineMessageData {
  return LineMessageDataSchema.parse(doc);
}

/** What `lines.messages.search` may filter and sort on. */
export const MESSAGE_FIELDS = defineEntityFields({
  body: { type: 'string' },
  client: { type: 'ref' },
  operator: { type: 'ref' },
  bot: { type: 'ref' },
  externalId: { type: 'string' },
  isRead: { type: 'boolean' },
  session: { type: 'ref' },
  type: { type: 'enum', values: Object.values(LineMessageType) },
});
