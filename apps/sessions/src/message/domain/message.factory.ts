import { createHash, randomUUID } from 'node:crypto';
import { InboundMessageKey, JsonObject, LineMessageFile, LineMessageType, SYSTEM_USER_ID } from '@openlines/contracts';
import { MessageDocument } from '../persistence/message.schema';

/** Exactly one author for person messages [doc]; none for system messages. */
export type MessageAuthor = { client: string } | { operator: string } | { bot: string } | Record<string, never>;

export interface NewMessageInput {
  id?: string;
  session: { __id: string; _channel: string; _line: string };
  seq: number;
  body: string;
  type: LineMessageType;
  author: MessageAuthor;
  now: Date;
  createdBy?: string;
  externalId?: string;
  files?: LineMessageFile[];
  payload?: JsonObject;
  isRead: boolean;
}

/**
 * The id of an inbound message, derived from its InboundMessageKey (channel, chat, messenger id):
 * a redelivered event maps to the same message, so storing it again is recognised, while the same
 * messenger id in another chat is another message. UUID-shaped for uniformity.
 */
export function inboundMessageId(key: InboundMessageKey): string {
  const parts = JSON.stringify([key.channelId, key.chatId, key.externalMessageId]);
  const hex = createHash('sha256').update(parts).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function newMessageDocument(input: NewMessageInput): MessageDocument {
  const at = input.now.toISOString();
  const id = input.id ?? randomUUID();
  const by = input.createdBy ?? SYSTEM_USER_ID;
  return {
    __id: id,
    __name: input.body.slice(0, 100),
    __createdAt: at,
    __createdBy: by,
    __updatedAt: at,
    __updatedBy: by,
    body: input.body,
    ...input.author,
    // Messages written inside OpenLines carry their own id until the messenger reports one.
    externalId: input.externalId ?? id,
    ...(input.files === undefined ? {} : { files: input.files }),
    ...(input.payload === undefined ? {} : { payload: input.payload }),
    isRead: input.isRead,
    session: input.session.__id,
    type: input.type,
    _channel: input.session._channel,
    _line: input.session._line,
    _seq: input.seq,
  };
}
