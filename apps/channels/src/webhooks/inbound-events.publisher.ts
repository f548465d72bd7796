import { Injectable } from '@nestjs/common';
import { LinesEvents, MessageInboundPayload } from '@openlines/contracts';
import { EventPublisher } from '@openlines/messaging';
import { InboundEventsPort } from './receive-inbound/receive-inbound.use-case';

/** message.inbound to JetStream; the publisher sets Nats-Msg-Id to the (derived) event id. */
@Injectable()
export class InboundEventsPublisher implements InboundEventsPort {
  constructor(private readonly publisher: EventPublisher) {}

  async publish(payload: MessageInboundPayload): Promise<void> {
    await this.publisher.publish(LinesEvents.message.inbound, payload);
  }
}
