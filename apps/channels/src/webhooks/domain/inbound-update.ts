import { InboundAttachment } from '@openlines/contracts';

/**
 * What every messenger adapter turns an update into before it becomes a message.inbound event.
 * Kept free of any messenger's vocabulary so the webhook use case handles all channel types alike.
 */

export interface NormalisedInbound {
  /** The spec's "account" of the client on this channel (nickname, phone, id…, per type). */
  account: string;
  /** The sender's stable id in the messenger (survives a change of nickname). */
  externalUserId: string;
  displayName: string;
  externalMessageId: string;
  /** Where replies go (Telegram chat id, Viber receiver id, live-chat visitor). */
  externalChatId: string;
  text: string;
  attachments: InboundAttachment[];
  /** When the messenger says the message was sent (ISO 8601). */
  sentAt: string;
  languageCode?: string;
  avatarUrl?: string;
}

/** A webhook body is either one message or an update we acknowledge and drop (with why). */
export type InboundUpdate =
  { kind: 'message'; message: NormalisedInbound } | { kind: 'ignored'; reason: string };

export const ignored = (reason: string): InboundUpdate => ({ kind: 'ignored', reason });
