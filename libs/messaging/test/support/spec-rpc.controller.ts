// The small Nest service that rpc.spec.ts calls: one handler per behaviour of the RPC path.
import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { z } from 'zod';
import { OpenLinesError, validate } from '@openlines/contracts';
import { currentCorrelationId } from '@openlines/observability';
import { EventPublisher } from '../../src/events/event.publisher';

const GreetRequest = z
  .object({ name: z.string().min(1), times: z.number().int().positive().optional() })
  .strict();
const PublishRequest = z.object({ subject: z.string(), eventId: z.string() }).strict();
export const GreetReply = z.object({ greeting: z.string(), correlationId: z.string().optional() });

@Controller()
export class SpecRpcController {
  constructor(@Inject(EventPublisher) private readonly publisher: EventPublisher) {}

  @MessagePattern('spec.rpc.greet')
  greet(@Payload() data: unknown) {
    const request = validate(GreetRequest, data, 'spec.rpc.greet request');
    return { greeting: `hello ${request.name}`, correlationId: currentCorrelationId() };
  }

  @MessagePattern('spec.rpc.huge')
  huge() {
    return { items: Array.from({ length: 3000 }, (_, i) => ({ i, text: 'x'.repeat(500) })) };
  }

  @MessagePattern('spec.rpc.slow')
  async slow() {
    await new Promise((resolve) => setTimeout(resolve, 400)); // simulates a slow store, not synchronisation
    return { done: true };
  }

  @MessagePattern('spec.rpc.missing')
  missing(@Payload() data: { id: string }) {
    throw OpenLinesError.notFound('session', data.id);
  }

  @MessagePattern('spec.rpc.crash')
  crash() {
    throw new Error('mongo at db:27017 refused password hunter2');
  }

  @MessagePattern('spec.rpc.zod')
  zod(@Payload() data: unknown) {
    return GreetRequest.parse(data);
  }

  @MessagePattern('spec.rpc.publish')
  async publish(@Payload() data: unknown) {
    const request = validate(PublishRequest, data, 'spec.rpc.publish request');
    const result = await this.publisher.publish(request.subject, { eventId: request.eventId });
    return { ...result, correlationId: currentCorrelationId() };
  }
}
