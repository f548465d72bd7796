import { Provider } from '@nestjs/common';
import { LineChannelType } from '@openlines/contracts';
import { ChangeChannelStateUseCase } from '../channels/change-channel-state/change-channel-state.use-case';
import { ChannelRepository } from '../channels/persistence/channel.repository';
import { CHANNELS_CONFIG, ChannelsConfig } from '../config/channels.config';
import { DeliverOutboundUseCase } from './deliver-outbound/deliver-outbound.use-case';
import { OutboundMessageListener } from './outbound-message.listener';
import { DeliveryReceiptRepository } from './persistence/delivery-receipt.repository';
import { LivechatReplyRepository } from './persistence/livechat-reply.repository';
import { LivechatSender } from './senders/livechat.sender';
import { OutboundSender } from './senders/outbound-sender';
import { TelegramSender } from './senders/telegram.sender';
import { ViberSender } from './senders/viber.sender';

/** Channel types with an outbound adapter; replies on any other type are dead-lettered. */
export const OUTBOUND_SENDERS = Symbol.for('openlines:channels:outbound-senders');

export const DELIVERY_PROVIDERS: Provider[] = [
  {
    provide: OUTBOUND_SENDERS,
    inject: [CHANNELS_CONFIG, LivechatReplyRepository],
    useFactory: (
      config: ChannelsConfig,
      replies: LivechatReplyRepository,
    ): Partial<Record<LineChannelType, OutboundSender>> => ({
      [LineChannelType.telegramBot]: new TelegramSender(
        config.telegramApiBaseUrl,
        config.deliveryTimeoutMs,
      ),
      [LineChannelType.viberbot]: new ViberSender(config.viberApiBaseUrl, config.deliveryTimeoutMs),
      [LineChannelType.livechat]: new LivechatSender(replies),
    }),
  },
  {
    provide: DeliverOutboundUseCase,
    inject: [
      ChannelRepository,
      DeliveryReceiptRepository,
      OUTBOUND_SENDERS,
      ChangeChannelStateUseCase,
      CHANNELS_CONFIG,
    ],
    useFactory: (
      channels: ChannelRepository,
      receipts: DeliveryReceiptRepository,
      senders: Partial<Record<LineChannelType, OutboundSender>>,
      states: ChangeChannelStateUseCase,
      config: ChannelsConfig,
    ) =>
      new DeliverOutboundUseCase(channels, receipts, senders, states, config.deliveryAuthFailures),
  },
  OutboundMessageListener,
];
