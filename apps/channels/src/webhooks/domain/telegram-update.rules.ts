import { InboundAttachment, validate } from '@openlines/contracts';
import { InboundUpdate, ignored } from './inbound-update';
import { TelegramMessage, TelegramUpdateSchema, TelegramUser } from './telegram-update.schema';

/**
 * Turns a Telegram Update into one inbound message, or says why it is dropped.
 * Handled: `message` in a private chat from a person, with text, a caption, a photo, a document,
 * a video, an audio or a voice note. Dropped with 200 (documented choices): edited messages and
 * every other update type (channel posts, callback queries, membership changes…), messages in
 * groups/channels (a line talks to one person; replies go to the private chat), messages from
 * bots, and content we cannot show an operator (stickers, locations, contacts, polls…).
 * Throws VALIDATION_FAILED when the body is not an Update at all.
 */
export function normaliseTelegramUpdate(body: unknown): InboundUpdate {
  const update = validate(TelegramUpdateSchema, body, 'Telegram update');
  const message = update.message;
  if (!message) return ignored(`update ${update.update_id} carries no new message`);
  if (message.chat.type !== 'private') return ignored(`message in a ${message.chat.type} chat`);
  if (!message.from) return ignored('message without a sender');
  if (message.from.is_bot) return ignored('message from a bot');
  const attachments = attachmentsOf(message);
  const text = message.text ?? message.caption ?? '';
  if (text === '' && attachments.length === 0) return ignored('message without supported content');
  const from = message.from;
  return {
    kind: 'message',
    message: {
      account: telegramAccountOf(from),
      externalUserId: String(from.id),
      displayName: displayNameOf(from),
      externalMessageId: String(message.message_id),
      externalChatId: String(message.chat.id),
      text,
      attachments,
      sentAt: new Date(message.date * 1000).toISOString(),
      ...(from.language_code ? { languageCode: from.language_code } : {}),
    },
  };
}

/**
 * The client's account on a Telegram channel is the @username (the spec's clients are searched by
 * `_username`); a user without one is known by the numeric id, the only other stable handle.
 */
export function telegramAccountOf(user: TelegramUser): string {
  return user.username ?? String(user.id);
}

function displayNameOf(user: TelegramUser): string {
  return [user.first_name, user.last_name].filter((part) => part && part.length > 0).join(' ');
}

function attachmentsOf(message: TelegramMessage): InboundAttachment[] {
  const attachments: InboundAttachment[] = [];
  if (message.photo && message.photo.length > 0) {
    // Telegram lists the sizes of one photo smallest first; the operator gets the largest.
    const largest = message.photo[message.photo.length - 1];
    attachments.push({ type: 'photo', ref: largest.file_id, ...sizeOf(largest.file_size) });
  }
  const files = [
    ['document', message.document],
    ['video', message.video],
    ['audio', message.audio],
    ['voice', message.voice],
  ] as const;
  for (const [type, file] of files) {
    if (!file) continue;
    attachments.push({
      type,
      ref: file.file_id,
      ...(file.file_name ? { name: file.file_name } : {}),
      ...(file.mime_type ? { mimeType: file.mime_type } : {}),
      ...sizeOf(file.file_size),
    });
  }
  return attachments;
}

const sizeOf = (size: number | undefined) => (size === undefined ? {} : { size });
