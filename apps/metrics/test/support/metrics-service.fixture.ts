import {
  LineMetricData,
  LinesMetricsRpc,
  MetricRebuildRequest,
  MetricRebuildStatus,
  MetricReportReply,
  MetricReportRequest,
} from '@openlines/contracts';
import { EventPublisher, NatsConnection, RpcClient } from '@openlines/messaging';
import { MemoryStoreFactory, StoreFactory } from '@openlines/persistence';
import {
  isolateTestSubjects,
  startTestService,
  TestService,
  uniqueName,
  waitFor,
} from '@openlines/testing';
import { metricsConfigFromEnv } from '../../src/config/metrics.config';
import { MetricsModule } from '../../src/metrics.module';
import { ProjectionStats } from '../../src/projection/projection.stats';
import { StreamEvent } from './session-events.fixture';

const PAGE = 1000;

/** Publishes events as the services do (Nats-Msg-Id = event id), `parallel` at a time. */
export async function publishAll(
  nc: NatsConnection,
  events: readonly StreamEvent[],
  parallel = 200,
): Promise<void> {
  const publisher = new EventPublisher(nc);
  for (let i = 0; i < events.length; i += parallel) {
    await Promise.all(
      events
        .slice(i, i + parallel)
        .map((e) => publisher.publish(e.subject, e.payload as { eventId: string })),
    );
  }
}

/**
 * Every metric item of the given lines, over RPC, page by page. Pages of 1,000: a page of the
 * allowed 10,000 items would exceed NATS's default 1 MB max_payload.
 */
export async function itemsOf(rpc: RpcClient, lines: readonly string[]): Promise<LineMetricData[]> {
  const items: LineMetricData[] = [];
  for (let from = 0; ; from += PAGE) {
    const page = await rpc.request<{ items: LineMetricData[] }>(
      LinesMetricsRpc.search,
      {
        filter: { field: '_line', op: 'in', value: [...lines] },
        from,
        size: PAGE,
        sort: [{ field: '__id', ascending: true }],
      },
      { timeoutMs: 30_000 },
    );
    items.push(...page.items);
    if (page.items.length < PAGE) return items;
  }
}

export function report(rpc: RpcClient, request: MetricReportRequest): Promise<MetricReportReply> {
  return rpc.request<MetricReportReply>(LinesMetricsRpc.report, request, { timeoutMs: 30_000 });
}

/** Starts a rebuild (it answers at once) and polls its status until it is no longer running. */
export async function rebuildAndWait(
  rpc: RpcClient,
  request: MetricRebuildRequest = {},
  timeoutMs = 150_000,
): Promise<MetricRebuildStatus> {
  const started = await rpc.request<MetricRebuildStatus>(LinesMetricsRpc.rebuild, request);
  let status = started;
  await waitFor(
    async () => {
      status = await rpc.request<MetricRebuildStatus>(LinesMetricsRpc.rebuildStatus, {
        rebuildId: started.rebuildId,
      });
      return status.state !== 'running';
    },
    { timeoutMs, intervalMs: 100, what: `rebuild ${started.rebuildId} finished` },
  );
  return status;
}

/** The metrics module on a memory store, on the NATS at NATS_URL, with its own durable. */
export async function startMetrics(
  storeFactory: StoreFactory = new MemoryStoreFactory(),
): Promise<
  TestService & { projected(): number; waitProjected(n: number, timeoutMs?: number): Promise<void> }
> {
  isolateTestSubjects();
  process.env.METRICS_DURABLE = uniqueName('metrics');
  const config = metricsConfigFromEnv({
    ...process.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  const service = await startTestService(MetricsModule.forRoot({ config, storeFactory }), {
    name: 'metrics',
  });
  const stats = service.app.get(ProjectionStats);
  return {
    ...service,
    projected: () => stats.snapshot().events,
    waitProjected: (n, timeoutMs = 60_000) =>
      waitFor(() => stats.snapshot().events >= n, {
        timeoutMs,
        intervalMs: 50,
        what: `${n} events projected`,
      }),
  };
}
