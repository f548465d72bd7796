import { MessageOutboundPayload } from '@openlines/contracts';
import { ChannelRecord } from '../../channels/domain/channel.rules';
import { DeliveryOutcome, networkOutcome, telegramOutcome } from '../domain/delivery-outcome.rules';
import { OutboundSender, postJson, replyText } from './outbound-sender';

/**
 * Telegram Bot API sendMessage. Replies go to the session's chat (`externalChatId`, the chat id
 * of the customer's message); a numeric account is the same private chat.
 */
export class TelegramSender implements OutboundSender {
  constructor(
    private readonly apiBaseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async send(channel: ChannelRecord, message: MessageOutboundPayload): Promise<DeliveryOutcome> {
    const chatId =
      message.externalChatId ?? (/^-?\d+$/.test(message.account) ? message.account : undefined);
    if (chatId === undefined) {
      return { kind: 'rejected', reason: `no Telegram chat id for account ${message.account}` };
    }
    const { botToken } = channel._settings as { botToken: string };
    // The token is part of the URL: never log the URL, only the outcome.
    const url = `${this.apiBaseUrl.replace(/\/+$/, '')}/bot${botToken}/sendMessage`;
    try {
      const reply = await postJson(
        url,
        { chat_id: chatId, text: replyText(message) },
        {},
        this.timeoutMs,
      );
      return telegramOutcome(reply.status, reply.body);
    } catch (error) {
      return networkOutcome(error);
    }
  }
}
