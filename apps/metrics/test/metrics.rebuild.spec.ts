import {
  itemsOf,
  publishAll,
  rebuildAndWait,
  startMetrics,
} from './support/metrics-service.fixture';
import { RunningNatsServer, startNatsServer } from '@openlines/testing';
import { referenceCells, serviceCells } from './support/reference.fixture';
import { generateTraffic } from './support/traffic.fixture';
import { FlakyStoreFactory } from './support/metrics-harness.fixture';
import { collectionName } from '../src/metrics.components';
import { ProjectionGenerations } from '../src/projection/generations/projection-generations';
import { METRIC_CELLS_COLLECTION } from '../src/metric-items/persistence/metric-cell.schema';

type Metrics = Awaited<ReturnType<typeof startMetrics>>;

/** Generated traffic through JetStream against the reference, then lines.metrics.rebuild. */
describe('metrics over NATS: generated traffic and rebuild', () => {
  let nats: RunningNatsServer;
  let metrics: Metrics;
  const store = new FlakyStoreFactory();

  beforeAll(async () => {
    nats = await startNatsServer({ storePrefix: 'metrics-nats-' });
    process.env.NATS_URL = nats.url;
    metrics = await startMetrics(store);
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

    const all = await rebuildAndWait(metrics.rpc);
    expect(all).toMatchObject({ state: 'done', eventsRead: traffic.events.length });
    expect(all.eventsApplied).toBeGreaterThan(0);
    expect(serviceCells(await itemsOf(metrics.rpc, traffic.lines))).toEqual(expected);

    const one = await rebuildAndWait(metrics.rpc, { lineId: traffic.lines[0] });
    expect(one).toMatchObject({ state: 'done', lineId: traffic.lines[0] });
    expect(one.eventsApplied).toBeGreaterThan(0);
    expect(one.eventsApplied).toBeLessThan(all.eventsApplied);
    expect(serviceCells(await itemsOf(metrics.rpc, traffic.lines))).toEqual(expected);
  }, 240_000);

  it('a rebuild that fails leaves the serving generation as it was, and clears its own', async () => {
    const lines = ['nats-L0', 'nats-L1', 'nats-L2'];
    const before = serviceCells(await itemsOf(metrics.rpc, lines));
    // One write into the next generation's items fails, in the middle of the replay.
    const serving = metrics.app.get(ProjectionGenerations).current.generation;
    const next = collectionName(METRIC_CELLS_COLLECTION, serving + 1);
    store.failOnceAfter(next, 200);
    const failed = await rebuildAndWait(metrics.rpc);
    expect(failed).toMatchObject({ state: 'failed' });
    expect(failed.error).toEqual(expect.any(String));
    expect(serviceCells(await itemsOf(metrics.rpc, lines))).toEqual(before);
    expect(await store.createStore(next).count()).toBe(0);

    expect(metrics.app.get(ProjectionGenerations).current.generation).toBe(serving);

    expect(await rebuildAndWait(metrics.rpc)).toMatchObject({ state: 'done' });
    expect(serviceCells(await itemsOf(metrics.rpc, lines))).toEqual(before);
  }, 240_000);
});
