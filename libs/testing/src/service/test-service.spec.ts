import { Controller, Inject, Injectable, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { z } from 'zod';
import { ErrorCode, LINES_EVENTS_STREAM, OpenLinesError, validate } from '@openlines/contracts';
import {
  EventPublisher,
  MessagingModule,
  RpcClient,
  startDurableConsumer,
} from '@openlines/messaging';
import { currentCorrelationId, runWithCorrelation } from '@openlines/observability';
import { testLogger } from '../nats/test-nats';
import { uniqueName } from '../unique-name';
import { waitFor } from '../wait-for';
import { TestService, startTestService } from './test-service';

const CountRequest = z.object({ by: z.number().int().positive() }).strict();

@Injectable()
class Counter {
  value = 0;
}

@Controller()
class CounterController {
  constructor(
    private readonly counter: Counter,
    @Inject(EventPublisher) private readonly publisher: EventPublisher,
  ) {}

  @MessagePattern('test.counter.add')
  async add(@Payload() data: unknown) {
    const { by } = validate(CountRequest, data, 'test.counter.add request');
    this.counter.value += by;
    await this.publisher.publish(`lines.events.${process.env.TEST_COUNTER_TOKEN}.added.v1`, {
      eventId: uniqueName('evt'),
      value: this.counter.value,
    });
    return { value: this.counter.value, correlationId: currentCorrelationId() };
  }
}

@Module({
  imports: [MessagingModule.forRoot({ serviceName: 'counter' })],
  controllers: [CounterController],
  providers: [Counter],
})
class CounterModule {}

describe('startTestService', () => {
  let service: TestService;

  beforeAll(async () => {
    process.env.TEST_COUNTER_TOKEN = uniqueName('counter');
    service = await startTestService(CounterModule, { name: 'counter' });
  });

  afterAll(() => service.close());

  it('runs the module on the test server in this file’s subject namespace', async () => {
    expect(service.subjectPrefix).toBe(process.env.NATS_SUBJECT_PREFIX);
    await expect(service.rpc.request('test.counter.add', { by: 2 })).resolves.toMatchObject({
      value: 2,
    });
    expect(service.app.get(Counter).value).toBe(2);
    // Outside the namespace nobody answers, so parallel spec files cannot cross-talk.
    const outside = await new RpcClient(service.nc)
      .request('test.counter.add', { by: 1 })
      .catch((e: unknown) => e);
    expect(outside).toBeInstanceOf(OpenLinesError);
    expect((outside as OpenLinesError).code).toBe(ErrorCode.Unavailable);
  });

  it('applies the production error mapping and correlation id handling', async () => {
    const invalid = await service.rpc
      .request('test.counter.add', { by: 'x' })
      .catch((e: unknown) => e);
    expect((invalid as OpenLinesError).code).toBe(ErrorCode.ValidationFailed);
    expect((invalid as OpenLinesError).message).toContain('by:');

    const subject = `lines.events.${process.env.TEST_COUNTER_TOKEN}.added.v1`;
    const durable = uniqueName('counterread');
    const headers: string[] = [];
    const reader = await startDurableConsumer<{ value: number }>({
      nc: service.nc,
      durable,
      filterSubjects: [subject],
      deliverPolicy: 'new',
      logger: testLogger(),
      handle: (_event, meta) => void headers.push(meta.correlationId),
    });
    try {
      const reply = await runWithCorrelation('corr-test-service', () =>
        service.rpc.request<{ correlationId: string }>('test.counter.add', { by: 1 }),
      );
      expect(reply.correlationId).toBe('corr-test-service');
      await waitFor(() => headers.length === 1, { what: 'the counter event' });
      expect(headers).toEqual(['corr-test-service']);
    } finally {
      await reader.stop();
      await (await service.nc.jetstreamManager()).consumers.delete(LINES_EVENTS_STREAM, durable);
    }
  });
});
