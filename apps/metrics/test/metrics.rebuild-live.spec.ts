import { ErrorCode, LinesMetricsRpc, MetricRebuildStatus } from '@openlines/contracts';
import { RunningNatsServer, startNatsServer, waitFor } from '@openlines/testing';
import { itemsOf, publishAll, report } from './support/metrics-service.fixture';
import { MetricsWithProbes, startMetricsWithProbes } from './support/metrics-probes.fixture';
import { referenceCells, sameCells, serviceCells } from './support/reference.fixture';
import { generateTraffic } from './support/traffic.fixture';

/**
 * A rebuild runs in the background into a new generation: the caller gets its id at once, the
 * reports keep answering the old, whole figures until the switch, the probes keep answering,
 * and events published meanwhile reach the new generation.
 */
describe('lines.metrics.rebuild while the service keeps serving', () => {
  let nats: RunningNatsServer;
  let metrics: MetricsWithProbes;
  const start = Date.UTC(2025, 0, 6);
  const before = generateTraffic({ sessions: 300, seed: 7, prefix: 'old', start, hours: 12 });
  const during = generateTraffic({ sessions: 40, seed: 8, prefix: 'new', start, hours: 12 });
  const reports = () =>
    Promise.all(
      before.lines.map((lineId) =>
        report(metrics.rpc, {
          lineId,
          period: 'day',
          from: '2025-01-01T00:00:00Z',
          to: '2025-02-01T00:00:00Z',
        }),
      ),
    );
  const status = (rebuildId: string) =>
    metrics.rpc.request<MetricRebuildStatus>(LinesMetricsRpc.rebuildStatus, { rebuildId });

  beforeAll(async () => {
    nats = await startNatsServer({ storePrefix: 'metrics-nats-' });
    process.env.NATS_URL = nats.url;
    metrics = await startMetricsWithProbes();
    await publishAll(metrics.nc, before.events);
    await metrics.waitProjected(before.events.length, 180_000);
  }, 240_000);

  afterAll(async () => {
    await metrics?.close();
    await nats?.stop();
  });

  it('answers at once, keeps reports whole and /readyz ready, loses no live event; status running → done', async () => {
    expect(serviceCells(await itemsOf(metrics.rpc, before.lines))).toEqual(referenceCells(before));
    const whole = await reports();
    expect(whole.every((r) => r.totals.some((t) => t.count > 0))).toBe(true);

    const started = await metrics.rpc.request<MetricRebuildStatus>(
      LinesMetricsRpc.rebuild,
      {},
      { timeoutMs: 5000 },
    );
    expect(started).toMatchObject({ state: 'running', eventsApplied: 0 });
    const publishing = publishAll(metrics.nc, during.events, 20);

    const states: MetricRebuildStatus[] = [];
    let current = started;
    const deadline = Date.now() + 180_000;
    while (current.state === 'running' && Date.now() < deadline) {
      expect(await reports()).toEqual(whole);
      const ready = await fetch(`${metrics.httpUrl}/readyz`);
      expect(ready.status).toBe(200);
      current = await status(started.rebuildId);
      states.push(current);
    }
    await publishing;

    expect(current).toMatchObject({ rebuildId: started.rebuildId, state: 'done' });
    expect(current.eventsApplied).toBeGreaterThanOrEqual(before.events.length / 2);
    expect(current.metricItems).toBeGreaterThan(0);
    expect(Date.parse(current.finishedAt ?? '')).toBeGreaterThanOrEqual(
      Date.parse(current.startedAt),
    );
    // Polled more than once while it ran, and its counts only grew.
    expect(states.filter((s) => s.state === 'running').length).toBeGreaterThan(1);
    const applied = states.map((s) => s.eventsApplied);
    expect(applied).toEqual([...applied].sort((a, b) => a - b));

    expect(await reports()).toEqual(whole);
    expect(serviceCells(await itemsOf(metrics.rpc, before.lines))).toEqual(referenceCells(before));
    const expected = referenceCells(during);
    const figures = async () => serviceCells(await itemsOf(metrics.rpc, during.lines));
    await waitFor(async () => sameCells(await figures(), expected), {
      timeoutMs: 60_000,
      intervalMs: 500,
    }).catch(() => undefined);
    expect(await figures()).toEqual(expected);
  }, 300_000);

  it('refuses a second rebuild while one runs, naming the running one', async () => {
    const first = await metrics.rpc.request<MetricRebuildStatus>(LinesMetricsRpc.rebuild, {});
    await expect(metrics.rpc.request(LinesMetricsRpc.rebuild, {})).rejects.toMatchObject({
      code: ErrorCode.Conflict,
      details: { rebuildId: first.rebuildId },
    });
    await waitFor(async () => (await status(first.rebuildId)).state !== 'running', {
      timeoutMs: 180_000,
      intervalMs: 200,
    });
    expect(await status(first.rebuildId)).toMatchObject({ state: 'done' });
    // Without an id: the latest rebuild.
    expect(
      await metrics.rpc.request<MetricRebuildStatus>(LinesMetricsRpc.rebuildStatus, {}),
    ).toMatchObject({ rebuildId: first.rebuildId, state: 'done' });
  }, 200_000);
});
