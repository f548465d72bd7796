import { MessageOutboundPayload } from '@openlines/contracts';
import { ChannelRecord } from '../../channels/domain/channel.rules';
import { DeliveryOutcome, networkOutcome, viberOutcome } from '../domain/delivery-outcome.rules';
import { OutboundSender, postJson, replyText } from './outbound-sender';

/** Viber's `sender.name` is at most 28 characters. */
const VIBER_SENDER_NAME_MAX = 28;

/** Viber REST bot API send_message, authorised by the channel's auth token header. */
export class ViberSender implements OutboundSender {
  constructor(
    private readonly apiBaseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async send(channel: ChannelRecord, message: MessageOutboundPayload): Promise<DeliveryOutcome> {
    const settings = channel._settings as {
      authToken: string;
      senderName?: string;
      senderAvatarUrl?: string;
    };
    const sender = {
      name: (settings.senderName ?? channel.__name).slice(0, VIBER_SENDER_NAME_MAX),
      ...(settings.senderAvatarUrl ? { avatar: settings.senderAvatarUrl } : {}),
    };
    const body = {
      receiver: message.externalChatId ?? message.account,
      type: 'text',
      text: replyText(message),
      sender,
    };
    const url = `${this.apiBaseUrl.replace(/\/+$/, '')}/send_message`;
    try {
      const reply = await postJson(
        url,
        body,
        { 'X-Viber-Auth-Token': settings.authToken },
        this.timeoutMs,
      );
      return viberOutcome(reply.status, reply.body);
    } catch (error) {
      return networkOutcome(error);
    }
  }
}
