import { Controller, Get, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import type { NatsConnection } from 'nats';
import { CORRELATION_ID_HEADER, LINES_EVENTS_STREAM } from '@openlines/contracts';
import { currentCorrelationId } from '@openlines/observability';
import { EventPublisher } from '../events/event.publisher';
import { RpcClient } from '../rpc/rpc.client';
import {
  connectSpecNats,
  specLogger,
  specNatsConfig,
  uniqueName,
  waitFor,
} from '../../test/support/spec-nats';
import { RunningService, bootstrapService } from './bootstrap-service';
import { DurableConsumers } from './durable-consumers';
import { MessagingModule } from './messaging.module';
import { NATS_CONNECTION } from './messaging.tokens';

const prefix = uniqueName('boot');
const natsConfig = specNatsConfig({ subjectPrefix: prefix });
const watched = [`lines.events.${prefix}.opened.v1`, `lines.events.${prefix}.closed.v1`];
const durable = uniqueName('bootspec');
const handled: string[] = [];

@Injectable()
class SpecListener implements OnApplicationBootstrap {
  constructor(private readonly consumers: DurableConsumers) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start<{ eventId: string }>({
      durable,
      filterSubjects: watched,
      deliverPolicy: 'new',
      handle: (event, meta) => void handled.push(`${meta.subject}:${event.eventId}`),
    });
  }
}

@Controller()
class SpecController {
  @MessagePattern('spec.boot.ping')
  ping() {
    return { pong: true, correlationId: currentCorrelationId() };
  }

  @Get('whoami')
  whoami() {
    return { correlationId: currentCorrelationId() };
  }
}

@Module({
  imports: [MessagingModule.forRoot({ serviceName: 'boot-spec', natsConfig, logger: specLogger })],
  controllers: [SpecController],
  providers: [SpecListener],
})
class BootSpecModule {}

describe('bootstrapService', () => {
  let service: RunningService;
  let nc: NatsConnection;

  beforeAll(async () => {
    service = await bootstrapService({
      name: 'boot-spec',
      module: BootSpecModule,
      httpPort: 0,
      httpHost: '127.0.0.1',
      natsConfig,
      logger: specLogger,
      gracePeriodMs: 0,
      handleSignals: false,
    });
    nc = await connectSpecNats();
  });

  afterAll(async () => {
    await service.close();
    await (
      await nc.jetstreamManager()
    ).consumers
      .delete(LINES_EVENTS_STREAM, durable)
      .catch(() => undefined);
    await nc.drain();
  });

  it('serves the probes, with nats and consumers ready', async () => {
    const live = await fetch(`${service.httpUrl}/healthz`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${service.httpUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ok',
      checks: { nats: { status: 'ok' }, consumers: { status: 'ok' }, rpc: { status: 'ok' } },
    });
  });

  it('answers RPC on its (prefixed) subjects, in the caller correlation id', async () => {
    const rpc = new RpcClient(nc, { subjectPrefix: prefix });
    await expect(
      rpc.request('spec.boot.ping', {}, { correlationId: 'corr-boot' }),
    ).resolves.toEqual({
      pong: true,
      correlationId: 'corr-boot',
    });
  });

  it('runs HTTP handlers in the X-Correlation-Id of the request and echoes it', async () => {
    const response = await fetch(`${service.httpUrl}/whoami`, {
      headers: { [CORRELATION_ID_HEADER]: 'corr-http' },
    });
    expect(response.headers.get(CORRELATION_ID_HEADER)).toBe('corr-http');
    expect(await response.json()).toEqual({ correlationId: 'corr-http' });
  });

  it('feeds the durable consumer the events of each filter subject only', async () => {
    const publisher = new EventPublisher(nc);
    await publisher.publish(watched[0], { eventId: `${durable}-1` });
    await publisher.publish(`lines.events.${prefix}.ignored.v1`, { eventId: `${durable}-2` });
    await publisher.publish(watched[1], { eventId: `${durable}-3` });
    await waitFor(() => handled.length === 2);
    expect(handled).toEqual([`${watched[0]}:${durable}-1`, `${watched[1]}:${durable}-3`]);
  });

  it('closes: readiness off, consumers stopped, NATS drained, HTTP gone', async () => {
    const connection = service.app.get<NatsConnection>(NATS_CONNECTION);
    const consumers = service.app.get(DurableConsumers);
    await service.close();
    expect(consumers.allRunning()).toBe(true); // none left: all were stopped on purpose
    expect(connection.isClosed()).toBe(true);
    await expect(fetch(`${service.httpUrl}/healthz`)).rejects.toThrow();
  });
});
