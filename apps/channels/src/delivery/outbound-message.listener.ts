import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import {
  LinesEvents,
  MessageOutboundPayload,
  MessageOutboundPayloadSchema,
  validate,
} from '@openlines/contracts';
import { DurableConsumers } from '@openlines/messaging';
import { CHANNELS_CONFIG, ChannelsConfig } from '../config/channels.config';
import { DeliverOutboundUseCase } from './deliver-outbound/deliver-outbound.use-case';

/**
 * The durable consumer of message.outbound: each operator or bot reply is delivered, retried with
 * the configured back-off while it fails (the runner naks), and dead-lettered after the last try.
 * Acked only after the messenger took it, so a crash mid-delivery delivers again. Replies are
 * delivered concurrently, one session's one after another in order (a retry holds back only its
 * session), so a hung or failing messenger API never delays another channel's replies.
 */
@Injectable()
export class OutboundMessageListener implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: DurableConsumers,
    private readonly deliver: DeliverOutboundUseCase,
    @Inject(CHANNELS_CONFIG) private readonly config: ChannelsConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start<MessageOutboundPayload>({
      durable: this.config.outboundDurable,
      filterSubjects: [LinesEvents.message.outbound],
      deliverPolicy: this.config.outboundDeliverPolicy,
      parse: (data) => validate(MessageOutboundPayloadSchema, data, 'message.outbound event'),
      handle: async (message) => {
        await this.deliver.execute(message);
      },
      orderingKey: (message) => `${message.channelId}:${message.sessionId}`,
      concurrency: this.config.deliveryConcurrency,
      maxInFlight: this.config.deliveryMaxInFlight,
      maxDeliver: this.config.deliveryMaxAttempts,
      backoffMs: this.config.deliveryBackoffMs,
    });
  }
}
