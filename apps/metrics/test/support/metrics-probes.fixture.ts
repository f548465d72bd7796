import { bootstrapService, NatsConnection, RpcClient } from '@openlines/messaging';
import { MemoryStoreFactory } from '@openlines/persistence';
import {
  connectTestNats,
  isolateTestSubjects,
  testLogger,
  testNatsConfig,
  uniqueName,
  waitFor,
} from '@openlines/testing';
import { metricsConfigFromEnv } from '../../src/config/metrics.config';
import { MetricsModule } from '../../src/metrics.module';
import { ProjectionStats } from '../../src/projection/projection.stats';

export interface MetricsWithProbes {
  nc: NatsConnection;
  rpc: RpcClient;
  /** GET `${httpUrl}/readyz` is the readiness probe Kubernetes polls. */
  httpUrl: string;
  waitProjected(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The metrics service as main.ts starts it (bootstrapService: HTTP probes + NATS RPC), on a
 * memory store, on the NATS at NATS_URL in this spec file's subject namespace, own durable.
 */
export async function startMetricsWithProbes(): Promise<MetricsWithProbes> {
  const subjectPrefix = isolateTestSubjects();
  process.env.METRICS_DURABLE = uniqueName('metrics');
  const config = metricsConfigFromEnv({
    ...process.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  const service = await bootstrapService({
    name: 'metrics',
    module: MetricsModule.forRoot({ config, storeFactory: new MemoryStoreFactory() }),
    httpPort: 0,
    httpHost: '127.0.0.1',
    natsConfig: testNatsConfig(),
    logger: testLogger('metrics'),
    gracePeriodMs: 0,
    handleSignals: false,
  });
  const nc = await connectTestNats('metrics-probes-spec');
  const stats = service.app.get(ProjectionStats);
  return {
    nc,
    rpc: new RpcClient(nc, { subjectPrefix }),
    httpUrl: service.httpUrl,
    waitProjected: (n, timeoutMs = 60_000) =>
      waitFor(() => stats.snapshot().events >= n, {
        timeoutMs,
        intervalMs: 50,
        what: `${n} events projected`,
      }),
    close: async () => {
      await service.close();
      if (!nc.isClosed()) await nc.drain();
    },
  };
}
