import { z } from 'zod';
import { ActorSchema } from '../data/actor.schema';
import { ExternalIdSchema, IdSchema, IsoDateSchema, JsonObjectSchema } from '../data/common.schema';
import { LineMessageDataSchema, LineMessageFileSchema } from '../data/message.data';
import { LineChannelType } from '../enums';
import { EventBaseShape } from './event-base.schema';

/**
 * A message was stored in a session (processes start on a new customer message [doc]).
 * `sender.type` says who wrote it: client, operator, bot, or the system.
 */
export const MessageCreatedPayloadSchema = z.object({
  ...EventBaseShape,
  sessionId: IdSchema,
  lineId: IdSchema,
  channelId: IdSchema,
  sender: ActorSchema,
  message: LineMessageDataSchema,
});
export type MessageCreatedPayload = z.infer<typeof MessageCreatedPayloadSchema>;

/**
 * Sessions asks channels to deliver a reply to the messenger. `eventId` doubles as the delivery's
 * idempotency key. `account` is the client's `_username`; `externalChatId` the session's chat.
 */
export const MessageOutboundPayloadSchema = z.object({
  ...EventBaseShape,
  messageId: IdSchema,
  sessionId: IdSchema,
  lineId: IdSchema,
  channelId: IdSchema,
  clientId: IdSchema,
  account: z.string().min(1),
  externalChatId: ExternalIdSchema.optional(),
  text: z.string(),
  files: z.array(LineMessageFileSchema).optional(),
});
export type MessageOutboundPayload = z.infer<typeof MessageOutboundPayloadSchema>;

/** An attachment of an inbound message, as far as the messenger describes it. */
export const InboundAttachmentSchema = z.object({
  /** e.g. `photo`, `document`, `voice`, `video`, `sticker`, `file`. */
  type: z.string().min(1).max(64),
  url: z.string().url().optional(),
  /** The messenger's handle for the content when it gives no URL (e.g. a Telegram `file_id`). */
  ref: z.string().min(1).max(1024).optional(),
  name: z.string().optional(),
  mimeType: z.string().optional(),
  size: z.number().int().min(0).optional(),
});
export type InboundAttachment = z.infer<typeof InboundAttachmentSchema>;

/**
 * The channels service's normalised inbound messenger message. `eventId` is derived from its
 * InboundMessageKey, so the same messenger update never enters twice. `raw` is the messenger's
 * update, for troubleshooting, bounded in size: when the channels service cut anything to its
 * limits, `raw.truncated` lists what (`text`, `raw`…; with `raw`, only the update's size and the
 * start of its JSON text are kept).
 */
export const MessageInboundPayloadSchema = z.object({
  ...EventBaseShape,
  channelId: IdSchema,
  lineId: IdSchema,
  channelType: z.nativeEnum(LineChannelType),
  /** Who wrote: nickname, phone, e-mail… per channel type (the client's `_username`). */
  account: z.string().min(1),
  /** The messenger's id of the sender, when it has one apart from the account. */
  externalUserId: ExternalIdSchema.optional(),
  externalChatId: ExternalIdSchema.optional(),
  displayName: z.string().optional(),
  /** Profile details some messengers send; they fill the client's `_extraData`. */
  languageCode: z.string().optional(),
  avatarUrl: z.string().url().optional(),
  externalMessageId: ExternalIdSchema,
  text: z.string(),
  attachments: z.array(InboundAttachmentSchema),
  receivedAt: IsoDateSchema,
  /** When the messenger says it was sent, if it says. */
  sentAt: IsoDateSchema.optional(),
  raw: JsonObjectSchema.optional(),
});
export type MessageInboundPayload = z.infer<typeof MessageInboundPayloadSchema>;

/**
 * What a messenger guarantees unique for a message: its id within one chat (Telegram's
 * `message_id`, the widget's per-visitor `messageId`) of one channel. Viber's token is unique on
 * its own; its chat (the sender) is part of the key all the same, so every channel type has one key.
 */
export interface InboundMessageKey {
  channelId: string;
  /** The chat or visitor: `externalChatId`, else the sender's account. */
  chatId: string;
  externalMessageId: string;
}

export function inboundMessageKeyOf(
  event: Pick<
    MessageInboundPayload,
    'channelId' | 'externalChatId' | 'account' | 'externalMessageId'
  >,
): InboundMessageKey {
  const { channelId, externalMessageId } = event;
  return { channelId, chatId: event.externalChatId ?? event.account, externalMessageId };
}

/**
 * The stable event id of an inbound message: `inbound:<channel>:<chat>:<message id>`, with `%` and
 * `:` escaped in the channel and chat so that no two keys share an id.
 */
export function inboundMessageEventId(key: InboundMessageKey): string {
  const escaped = (part: string) => part.replace(/%/g, '%25').replace(/:/g, '%3A');
  return `inbound:${escaped(key.channelId)}:${escaped(key.chatId)}:${key.externalMessageId}`;
}
