import { InboundAttachment, validate } from '@openlines/contracts';
import { InboundUpdate, ignored } from './inbound-update';
import {
  ViberCallbackEnvelopeSchema,
  ViberMessage,
  ViberMessageCallbackSchema,
} from './viber-callback.schema';

/**
 * Turns a Viber callback into one inbound message, or says why it is dropped.
 * Handled: `message` events of type text, picture, video, file and url. Dropped with 200: every
 * other event (`webhook`, `subscribed`, `unsubscribed`, `conversation_started`, `delivered`,
 * `seen`, `failed`, `client_status`) and message types an operator cannot read here (sticker,
 * contact, location, rich media).
 * `rawBody` is the exact text Viber sent: message tokens are 64-bit integers that JSON.parse
 * rounds, so the token is read from the raw text to keep distinct messages distinct.
 * Throws VALIDATION_FAILED when the body is not a Viber callback.
 */
export function normaliseViberCallback(body: unknown, rawBody: string): InboundUpdate {
  const envelope = validate(ViberCallbackEnvelopeSchema, body, 'Viber callback');
  if (envelope.event !== 'message')
    return ignored(`Viber event ${envelope.event} carries no message`);
  const callback = validate(ViberMessageCallbackSchema, body, 'Viber message callback');
  const { sender, message } = callback;
  const content = contentOf(message);
  if (!content) return ignored(`Viber message of type ${message.type}`);
  return {
    kind: 'message',
    message: {
      // Viber has no public nicknames: the sender id is the only account a bot ever sees.
      account: sender.id,
      externalUserId: sender.id,
      displayName: sender.name,
      externalMessageId: exactMessageToken(rawBody, callback.message_token),
      externalChatId: sender.id,
      text: content.text,
      attachments: content.attachments,
      sentAt: new Date(callback.timestamp).toISOString(),
      ...(sender.language ? { languageCode: sender.language } : {}),
      ...(sender.avatar && isHttpUrl(sender.avatar) ? { avatarUrl: sender.avatar } : {}),
    },
  };
}

function contentOf(
  message: ViberMessage,
): { text: string; attachments: InboundAttachment[] } | null {
  const text = message.text ?? '';
  const media = message.media;
  const details = {
    ...(message.file_name ? { name: message.file_name } : {}),
    ...(message.size === undefined ? {} : { size: message.size }),
  };
  switch (message.type) {
    case 'text':
      return text === '' ? null : { text, attachments: [] };
    case 'url':
      return media ? { text: media, attachments: [] } : null;
    case 'picture':
    case 'video':
    case 'file': {
      if (!media) return null;
      // The event schema wants a real URL in `url`; anything else stays the messenger's handle.
      const where = isHttpUrl(media) ? { url: media } : { ref: media };
      return { text, attachments: [{ type: message.type, ...where, ...details }] };
    }
    default:
      return null;
  }
}

/** The message token exactly as sent, digits from the raw body; the parsed value otherwise. */
export function exactMessageToken(rawBody: string, parsed: number | string): string {
  const match = /"message_token"\s*:\s*"?(\d+)"?/.exec(rawBody);
  // The raw digits must be the parsed token (same double), or the raw text is not this body.
  return match && Number(match[1]) === Number(parsed) ? match[1] : String(parsed);
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
