import { Provider } from '@nestjs/common';
import { LOGGER, Logger } from '@openlines/observability';
import { ChannelRepository } from '../channels/persistence/channel.repository';
import { LivechatReplyRepository } from '../delivery/persistence/livechat-reply.repository';
import { InboundEventsPublisher } from './inbound-events.publisher';
import { InboundReceiptPruner } from './inbound-receipt.pruner';
import { InboundReceiptRepository } from './persistence/inbound-receipt.repository';
import { PollLivechatUseCase } from './poll-livechat/poll-livechat.use-case';
import { ReceiveInboundUseCase } from './receive-inbound/receive-inbound.use-case';
import { WebhooksController } from './webhooks.controller';

/** HTTP /webhooks/* */
export const WEBHOOK_CONTROLLERS = [WebhooksController];

export const WEBHOOK_PROVIDERS: Provider[] = [
  InboundEventsPublisher,
  InboundReceiptPruner,
  {
    provide: ReceiveInboundUseCase,
    inject: [ChannelRepository, InboundReceiptRepository, InboundEventsPublisher, LOGGER],
    useFactory: (
      channels: ChannelRepository,
      receipts: InboundReceiptRepository,
      events: InboundEventsPublisher,
      logger: Logger,
    ) => new ReceiveInboundUseCase(channels, receipts, events, logger),
  },
  {
    provide: PollLivechatUseCase,
    inject: [ReceiveInboundUseCase, LivechatReplyRepository],
    useFactory: (inbound: ReceiveInboundUseCase, replies: LivechatReplyRepository) =>
      new PollLivechatUseCase(inbound, replies),
  },
];
