import { LineMessageType, MessageInboundPayload, inboundMessageKeyOf } from '@openlines/contracts';
import { MessageAuthor, newMessageDocument } from '../domain/message.factory';
import { MessageDocument } from '../persistence/message.schema';
import { inboundFiles } from './inbound-files';

/**
 * The stored form of a client's inbound message: authored by the client, unread, the messenger's
 * id as `externalId` within its chat (`_externalChat`), attachments with a URL as files, the raw
 * update (bounded by the channels service) as `payload`.
 */
export function inboundMessageDocument(
  session: { __id: string; _channel: string; _line: string },
  seq: number,
  event: MessageInboundPayload,
  clientId: string,
  messageId: string,
  now: Date,
): MessageDocument {
  const files = inboundFiles(event.attachments);
  const author: MessageAuthor = { client: clientId };
  const doc = newMessageDocument({
    id: messageId,
    session,
    seq,
    body: event.text,
    type: event.text.trim() === '' && files.length > 0 ? LineMessageType.file : LineMessageType.text,
    author,
    now,
    createdBy: clientId,
    externalId: event.externalMessageId,
    ...(files.length === 0 ? {} : { files }),
    ...(event.raw === undefined ? {} : { payload: event.raw }),
    isRead: false,
  });
  return { ...doc, _externalChat: inboundMessageKeyOf(event).chatId };
}
