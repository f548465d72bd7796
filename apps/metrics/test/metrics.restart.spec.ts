import { LinesMetricsRpc } from '@openlines/contracts';
import { NatsConnection, RpcClient, ensureEventStreams } from '@openlines/messaging';
import { connectTestNats, isolateTestSubjects, uniqueName, waitFor } from '@openlines/testing';
import { itemsOf, publishAll, rebuildAndWait } from './support/metrics-service.fixture';
import { MetricsProcess } from './support/metrics-process.fixture';
import { RunningNatsServer, startNatsServer } from '@openlines/testing';
import { referenceCells, sameCells, serviceCells } from './support/reference.fixture';
import { generateTraffic } from './support/traffic.fixture';

/**
 * SIGKILL in the middle of projecting: the memory store dies with the process; the restarted
 * process finds its store empty, deletes its durable and projects the stream (JetStream kept
 * every event, including those published while it was down) from the first event. The figures
 * equal the reference; a rebuild afterwards gives them again.
 */
describe('metrics process killed with SIGKILL and restarted', () => {
  let nats: RunningNatsServer;
  let nc: NatsConnection;
  let rpc: RpcClient;
  let metrics: MetricsProcess;

  beforeAll(async () => {
    nats = await startNatsServer({ storePrefix: 'metrics-nats-' });
    process.env.NATS_URL = nats.url;
    const prefix = isolateTestSubjects();
    nc = await connectTestNats('metrics-restart-spec');
    await ensureEventStreams(nc);
    rpc = new RpcClient(nc, { subjectPrefix: prefix });
    metrics = new MetricsProcess({
      NATS_URL: nats.url,
      NATS_SUBJECT_PREFIX: prefix,
      METRICS_DURABLE: uniqueName('metrics'),
    });
  });

  afterAll(async () => {
    await metrics?.kill('SIGTERM');
    await nc?.drain();
    await nats?.stop();
  });

  it('recovers every figure exactly from the stream', async () => {
    const traffic = generateTraffic({
      sessions: 240,
      seed: 99,
      prefix: 'kill',
      start: Date.UTC(2025, 0, 6, 0),
      hours: 10,
    });
    const half = Math.floor(traffic.events.length * 0.6);
    const expected = referenceCells(traffic);

    metrics.start();
    await metrics.ready(rpc);
    await publishAll(nc, traffic.events.slice(0, half));
    // Kill it as soon as it has projected something, while it is still working through the backlog.
    await waitFor(
      async () => (await rpc.request<{ count: number }>(LinesMetricsRpc.count, {})).count > 0,
      { timeoutMs: 30_000 },
    );
    await metrics.kill('SIGKILL');
    await publishAll(nc, traffic.events.slice(half));

    metrics.start();
    await metrics.ready(rpc);
    const figures = async () => serviceCells(await itemsOf(rpc, traffic.lines));
    // Poll until caught up; the assertion below shows any difference if it never does.
    await waitFor(async () => sameCells(await figures(), expected), {
      timeoutMs: 180_000,
      intervalMs: 1000,
    }).catch(() => undefined);
    expect(await figures()).toEqual(expected);

    expect(await rebuildAndWait(rpc)).toMatchObject({ state: 'done' });
    expect(await figures()).toEqual(expected);
  }, 420_000);
});
