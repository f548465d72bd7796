/**
 * Metrics projection throughput and lag: the metrics module runs in this process (memory store,
 * its own durable) on the NATS at NATS_URL (default nats://127.0.0.1:4222); generated session
 * traffic is published to JetStream, first as fast as possible, then at half the measured rate.
 * Prints events projected per second and the publish → projection lag (p50/p99).
 * `BENCH_METRICS_SESSIONS` sets the traffic size (default 1000 sessions, ~10 events each).
 */
import { randomBytes } from 'node:crypto';
import { INestMicroservice } from '@nestjs/common';
import {
  connectNats,
  createRpcMicroservice,
  EventPublisher,
  NatsConnection,
  NATS_CONNECTION,
  natsConfigFromEnv,
} from '@openlines/messaging';
import { createLogger } from '@openlines/observability';
import { MemoryStoreFactory } from '@openlines/persistence';
import { metricsConfigFromEnv } from '../apps/metrics/src/config/metrics.config';
import { MetricsModule } from '../apps/metrics/src/metrics.module';
import { ProjectionStats } from '../apps/metrics/src/projection/projection.stats';
import { JetStreamEventReader } from '../apps/metrics/src/projection/stream/jetstream-event.reader';
import { StreamEvent } from '../apps/metrics/test/support/session-events.fixture';
import { generateTraffic } from '../apps/metrics/test/support/traffic.fixture';

const out = (line: string) => process.stdout.write(`${line}\n`);

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

async function publishBurst(
  publisher: EventPublisher,
  events: readonly StreamEvent[],
): Promise<void> {
  for (let i = 0; i < events.length; i += 200) {
    await Promise.all(
      events
        .slice(i, i + 200)
        .map((e) => publisher.publish(e.subject, e.payload as { eventId: string })),
    );
  }
}

/** Publishes at `perSecond`, in 50 ms slices. */
async function publishPaced(
  publisher: EventPublisher,
  events: readonly StreamEvent[],
  perSecond: number,
): Promise<void> {
  const slice = Math.max(1, Math.round(perSecond / 20));
  const started = Date.now();
  for (let i = 0; i < events.length; i += slice) {
    await Promise.all(
      events
        .slice(i, i + slice)
        .map((e) => publisher.publish(e.subject, e.payload as { eventId: string })),
    );
    const due = started + ((i + slice) / perSecond) * 1000;
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
  }
}

function phase(
  name: string,
  stats: ProjectionStats,
  events: number,
  ms: number,
  caughtUp: boolean,
): void {
  const s = stats.snapshot();
  out(
    `${name.padEnd(22)} events=${events}  ${caughtUp ? '' : '(NOT caught up) '}projected/s=${Math.round((events / ms) * 1000)}` +
      `  lag p50=${s.lagP50Ms ?? '-'} ms  p99=${s.lagP99Ms ?? '-'} ms`,
  );
}

export async function run(): Promise<void> {
  const sessions = Number(process.env.BENCH_METRICS_SESSIONS ?? 1000);
  const tag = randomBytes(4).toString('hex');
  const env = { ...process.env, LOG_LEVEL: 'error', METRICS_DURABLE: `metrics-bench-${tag}` };
  const config = metricsConfigFromEnv(env);
  const natsConfig = { ...natsConfigFromEnv(env), subjectPrefix: `bench-${tag}` };
  const app: INestMicroservice = await createRpcMicroservice({
    name: 'metrics',
    module: MetricsModule.forRoot({
      config: { ...config, nats: natsConfig },
      storeFactory: new MemoryStoreFactory(),
    }),
    natsConfig,
    logger: createLogger('metrics-bench', { level: 'error' }),
    gracePeriodMs: 0,
  });
  const nc = app.get<NatsConnection>(NATS_CONNECTION);
  const stats = app.get(ProjectionStats);
  const publisher = new EventPublisher(nc);
  try {
    out(`nats ${config.nats.servers.join(',')}; ${sessions} sessions per phase; memory store`);
    // A shared server's stream may hold older events: the fresh projection reads them first.
    const backlog = (await (await nc.jetstreamManager()).streams.info('LINES_EVENTS')).state
      .messages;
    let started = Date.now();
    const drained = await until(() => stats.snapshot().events >= backlog, 600_000);
    if (backlog > 0) phase('existing stream', stats, backlog, Date.now() - started, drained);

    const burst = generateTraffic({
      sessions,
      seed: 1,
      prefix: `bench-${tag}-a`,
      start: Date.UTC(2025, 0, 6),
    }).events;
    stats.reset();
    started = Date.now();
    await publishBurst(publisher, burst);
    const burstDone = await until(() => stats.snapshot().events >= burst.length, 600_000);
    const burstMs = Date.now() - started;
    phase('burst (max rate)', stats, burst.length, burstMs, burstDone);

    const rate = Math.max(10, Math.round(((burst.length / burstMs) * 1000) / 2));
    const paced = generateTraffic({
      sessions,
      seed: 2,
      prefix: `bench-${tag}-b`,
      start: Date.UTC(2025, 0, 7),
    }).events;
    stats.reset();
    started = Date.now();
    await publishPaced(publisher, paced, rate);
    const pacedDone = await until(() => stats.snapshot().events >= paced.length, 600_000);
    phase(`steady (${rate}/s)`, stats, paced.length, Date.now() - started, pacedDone);
  } finally {
    await app.close();
    const cleanup = await connectNats(
      natsConfig,
      createLogger('metrics-bench', { level: 'error' }),
      'metrics-bench-cleanup',
    );
    await new JetStreamEventReader(cleanup).deleteDurable(`metrics-bench-${tag}`);
    await cleanup.drain();
  }
}
