import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { LinesEvents, MessageInboundPayload, MessageInboundPayloadSchema, validate } from '@openlines/contracts';
import { DurableConsumers } from '@openlines/messaging';
import { SESSIONS_CONFIG, SessionsConfig } from '../../config/sessions.config';
import { ReceiveInboundMessageUseCase } from './receive-inbound-message.use-case';

/**
 * The durable consumer of the channels service's message.inbound events. The runner acks after
 * the handler succeeded, naks with back-off when it threw (e.g. the clients service is down) and
 * dead-letters a payload the schema rejects. Events are handled one at a time in stream order,
 * which keeps each client's messages in order.
 */
@Injectable()
export class InboundMessageListener implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: DurableConsumers,
    private readonly useCase: ReceiveInboundMessageUseCase,
    @Inject(SESSIONS_CONFIG) private readonly config: SessionsConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start<MessageInboundPayload>({
      durable: this.config.inboundDurable,
      filterSubjects: [LinesEvents.message.inbound],
      deliverPolicy: this.config.inboundDeliverPolicy,
      parse: (data) => validate(MessageInboundPayloadSchema, data, `${LinesEvents.message.inbound} event`),
      handle: (event) => this.useCase.execute(event),
    });
  }
}
