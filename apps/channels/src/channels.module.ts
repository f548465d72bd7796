import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@openlines/messaging';
import { createLogger } from '@openlines/observability';
import { CHANNEL_HANDLERS, CHANNEL_PROVIDERS } from './channels/channels.providers';
import { CHANNELS_CONFIG, ChannelsConfig, channelsConfigFromEnv } from './config/channels.config';
import { DELIVERY_PROVIDERS } from './delivery/delivery.providers';
import { LINE_HANDLERS, LINE_PROVIDERS } from './lines/lines.providers';
import { STORE_PROVIDERS } from './store/stores.providers';
import { WEBHOOK_CONTROLLERS, WEBHOOK_PROVIDERS } from './webhooks/webhooks.providers';

/**
 * The channels service: lines and channels (RPC lines.lines.*, lines.channels.*), the inbound
 * messenger webhooks (HTTP /webhooks/*) and the delivery of replies (message.outbound consumer).
 */
@Module({})
export class ChannelsModule {
  static forRoot(config: ChannelsConfig = channelsConfigFromEnv()): DynamicModule {
    return {
      module: ChannelsModule,
      imports: [
        MessagingModule.forRoot({
          serviceName: config.serviceName,
          natsConfig: config.nats,
          logger: createLogger(
            config.serviceName,
            config.logLevel ? { level: config.logLevel } : {},
          ),
        }),
      ],
      controllers: [...LINE_HANDLERS, ...CHANNEL_HANDLERS, ...WEBHOOK_CONTROLLERS],
      providers: [
        { provide: CHANNELS_CONFIG, useValue: config },
        ...STORE_PROVIDERS,
        ...LINE_PROVIDERS,
        ...CHANNEL_PROVIDERS,
        ...WEBHOOK_PROVIDERS,
        ...DELIVERY_PROVIDERS,
      ],
    };
  }
}
