import { MessageOutboundPayload } from '@openlines/contracts';
import { ChannelRecord } from '../../channels/domain/channel.rules';
import { DeliveryOutcome } from '../domain/delivery-outcome.rules';
import { LivechatReplyRepository } from '../persistence/livechat-reply.repository';

/** The web widget polls for its replies: delivering one is storing it in the widget's outbox. */
export class LivechatSender {
  constructor(
    private readonly replies: LivechatReplyRepository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async send(channel: ChannelRecord, message: MessageOutboundPayload): Promise<DeliveryOutcome> {
    const visitor = message.externalChatId ?? message.account;
    await this.replies.add(
      message.eventId,
      channel.__id,
      visitor,
      message.text,
      message.files,
      this.clock(),
    );
    return { kind: 'delivered', externalMessageId: message.eventId };
  }
}
