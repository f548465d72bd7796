import { LineMessageType } from '@openlines/contracts';
import { inboundMessageId } from '../../apps/sessions/src/message/domain/message.factory';
import { MessageDocument } from '../../apps/sessions/src/message/persistence/message.schema';
import { PHRASES, SEED_START, SeedKeys, at, idOf } from './seed-keys';

/**
 * A seeded session's messages as the sessions service stores them: the client's (odd positions:
 * inbound Telegram messages, the raw update as payload, the id derived from chat and messenger id)
 * and the operator's replies in turn, 30 s apart.
 */
export function messagesOf(
  i: number,
  count: number,
  keys: SeedKeys,
  chatId: string,
  operator: string,
  startMs: number,
): MessageDocument[] {
  // Telegram numbers messages per chat: the client's earlier sessions used the lower numbers.
  const firstInChat = keys.ordinal * 10_000;
  return Array.from({ length: count }, (_, k) => {
    const seq = k + 1;
    const inbound = seq % 2 === 1;
    const created = at(startMs + seq * 30_000);
    const body = PHRASES[(i + k) % PHRASES.length];
    const id = inbound
      ? inboundMessageId({
          channelId: keys.channelId,
          chatId,
          externalMessageId: String(firstInChat + seq),
        })
      : idOf(`message:${i}:${seq}`);
    const by = inbound ? keys.clientId : operator;
    const update = {
      update_id: i * 1000 + seq,
      message: {
        message_id: firstInChat + seq,
        date: Math.floor((SEED_START + startMs) / 1000) + seq * 30,
        chat: { id: Number(chatId), type: 'private' },
        text: body,
      },
    };
    return {
      __id: id,
      __name: body.slice(0, 100),
      __createdAt: created,
      __createdBy: by,
      __updatedAt: created,
      __updatedBy: by,
      body,
      ...(inbound ? { client: keys.clientId, payload: update } : { operator }),
      externalId: inbound ? String(firstInChat + seq) : id,
      isRead: true,
      session: keys.sessionId,
      type: LineMessageType.text,
      _channel: keys.channelId,
      ...(inbound ? { _externalChat: chatId } : {}),
      _line: keys.lineId,
      _seq: seq,
    };
  });
}
