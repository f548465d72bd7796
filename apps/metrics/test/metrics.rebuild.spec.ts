import { LinesMetricsRpc } from '@openlines/contracts';
import { itemsOf, publishAll, startMetrics } from './support/metrics-service.fixture';
import { RunningNatsServer, startNatsServer } from '@openlines/testing';
import { referenceCells, serviceCells } from './support/reference.fixture';
import { generateTraffic } from './support/traffic.fixture';

type Metrics = Awaited<ReturnType<typeof startMetrics>>;
type RebuildReply = { eventsReplayed: number; metricItems: number };

/** Generated traffic through JetStream against the reference, then lines.metrics.rebuild. */
describe('metrics over NATS: generated traffic and rebuild', () => {
  let nats: RunningNatsServer;
  let metrics: Metrics;

  beforeAll(async () => {
    nats = await startNatsServer({ storePrefix: 'metrics-nats-' });
    process.env.NATS_URL = nats.url;
    metrics = await startMetrics();
  });

  afterAll(async () => {
    await metrics?.close();
    await nats?.stop();
  });

  it('generated traffic through JetStream equals the reference; a rebuild (all, then one line) gives the same', async () => {
    const traffic = generateTraffic({
      sessions: 300,
      seed: 42,
      prefix: 'nats',
      start: Date.UTC(2025, 0, 6, 0),
      hours: 12,
    });
    await publishAll(metrics.nc, traffic.events);
    await metrics.waitProjected(traffic.events.length, 120_000);
    const expected = referenceCells(traffic);
    expect(serviceCells(await itemsOf(metrics.rpc, traffic.lines))).toEqual(expected);

    const all = await metrics.rpc.request<RebuildReply>(
      LinesMetricsRpc.rebuild,
      {},
      { timeoutMs: 120_000 },
    );
    expect(all.eventsReplayed).toBeGreaterThan(0);
    expect(serviceCells(await itemsOf(metrics.rpc, traffic.lines))).toEqual(expected);

    const one = await metrics.rpc.request<RebuildReply>(
      LinesMetricsRpc.rebuild,
      { lineId: traffic.lines[0] },
      { timeoutMs: 120_000 },
    );
    expect(one.eventsReplayed).toBeGreaterThan(0);
    expect(one.eventsReplayed).toBeLessThan(all.eventsReplayed);
    expect(serviceCells(await itemsOf(metrics.rpc, traffic.lines))).toEqual(expected);
  }, 240_000);

  it('refuses a second rebuild while one runs', async () => {
    const first = metrics.rpc.request(LinesMetricsRpc.rebuild, {}, { timeoutMs: 120_000 });
    await expect(metrics.rpc.request(LinesMetricsRpc.rebuild, {})).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await first;
  }, 150_000);
});
