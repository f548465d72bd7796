import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { INestApplication } from '@nestjs/common';
import { HealthModule } from './health.module';
import { HealthRegistry } from './health.registry';

@Module({ imports: [HealthModule] })
class ProbeTestModule {}

describe('HealthModule over HTTP', () => {
  let app: INestApplication;
  let baseUrl: string;
  let registry: HealthRegistry;

  beforeAll(async () => {
    app = await NestFactory.create(ProbeTestModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
    registry = app.get(HealthRegistry);
  });

  afterAll(() => app.close());

  async function get(path: string) {
    const response = await fetch(`${baseUrl}${path}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('answers liveness with 200 ok', async () => {
    expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'ok', checks: {} } });
  });

  it('answers readiness 200 while every check passes, 503 naming the failing one', async () => {
    registry.registerReadiness('nats', () => true);
    registry.registerReadiness('store', async () => undefined);
    expect(await get('/readyz')).toEqual({
      status: 200,
      body: { status: 'ok', checks: { nats: { status: 'ok' }, store: { status: 'ok' } } },
    });

    registry.registerReadiness('store', () => {
      throw new Error('store unreachable');
    });
    registry.registerReadiness('consumers', () => false);
    expect(await get('/readyz')).toEqual({
      status: 503,
      body: {
        status: 'unavailable',
        checks: {
          nats: { status: 'ok' },
          store: { status: 'fail', error: 'store unreachable' },
          consumers: { status: 'fail', error: 'check failed' },
        },
      },
    });
    registry.unregister('readiness', 'store');
    registry.unregister('readiness', 'consumers');
  });

  it('fails a check that hangs past its timeout, and readiness once shutting down', async () => {
    const quick = new HealthRegistry(50);
    quick.registerReadiness('slow', () => new Promise(() => undefined));
    expect(await quick.report('readiness')).toEqual({
      status: 'unavailable',
      checks: { slow: { status: 'fail', error: 'timed out after 50 ms' } },
    });

    registry.markShuttingDown();
    const ready = await get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks).toMatchObject({ shutdown: { status: 'fail' } });
    expect((await get('/healthz')).status).toBe(200);
  });
});
