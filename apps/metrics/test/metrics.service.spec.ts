import {
  ErrorCode,
  LineMetricType as T,
  LineSessionState as S,
  LinesMetricsRpc,
} from '@openlines/contracts';
import { startMetrics, publishAll, report } from './support/metrics-service.fixture';
import { RunningNatsServer, startNatsServer } from '@openlines/testing';
import { SessionEvents } from './support/session-events.fixture';

type Metrics = Awaited<ReturnType<typeof startMetrics>>;

describe('metrics service over NATS', () => {
  let nats: RunningNatsServer;
  let metrics: Metrics;
  let published = 0;

  const publish = async (events: Parameters<typeof publishAll>[1]) => {
    await publishAll(metrics.nc, events);
    published += events.length;
    await metrics.waitProjected(published);
  };
  const totals = async (grain: { lineId?: string; operatorId?: string; channelId?: string }) => {
    const reply = await report(metrics.rpc, {
      ...grain,
      period: 'day',
      from: '2025-01-01T00:00:00Z',
      to: '2025-01-31T00:00:00Z',
    });
    return Object.fromEntries(reply.totals.filter((t) => t.count > 0).map((t) => [t.type, t]));
  };

  beforeAll(async () => {
    nats = await startNatsServer({ storePrefix: 'metrics-nats-' });
    process.env.NATS_URL = nats.url;
    metrics = await startMetrics();
  });

  afterAll(async () => {
    await metrics?.close();
    await nats?.stop();
  });

  it('golden sequences through JetStream: bot handoff, reassignment, requeue, spam and un-spam, runs', async () => {
    const line = 'golden';
    const bot = new SessionEvents('g-bot', line)
      .created(0, S.AssignedToBot, { botId: 'bot' })
      .client(0)
      .bot(1)
      .change(20, { state: S.Waiting, botId: null })
      .change(50, { state: S.AssignedToOperator, userId: 'A' })
      .operator(65, 'A')
      .change(90, { state: S.Closed });
    const moved = new SessionEvents('g-moved', line)
      .created(0, S.Waiting)
      .client(0)
      .change(10, { state: S.AssignedToOperator, userId: 'A' })
      .operator(20, 'A')
      .change(30, { state: S.Waiting, userId: null })
      .change(80, { state: S.AssignedToOperator, userId: 'B' })
      .client(85)
      .client(86)
      .operator(90, 'B')
      .change(100, { userId: 'A' })
      .change(120, { state: S.Closed });
    const spam = new SessionEvents('g-spam', line)
      .created(0, S.Waiting)
      .client(0)
      .change(10, { state: S.AssignedToOperator, userId: 'B' })
      .change(30, { state: S.MarkedAsSpam });
    await publish([...bot.events, ...moved.events, ...spam.events]);
    const f = await totals({ lineId: line });
    expect(f[T.sessionsCreated]?.count).toBe(2);
    expect(f[T.sessionsMarkedAsSpam]?.count).toBe(1);
    expect(f[T.botSessions]?.count).toBe(1);
    expect(f[T.reassignments]?.count).toBe(2);
    expect(f[T.waitingTime]).toMatchObject({ count: 3, sum: 30 + 10 + 50, min: 10, max: 50 });
    expect(f[T.firstResponseTime]).toMatchObject({ count: 2, sum: 45 + 20 });
    expect(f[T.responseTime]).toMatchObject({ count: 3, sum: 65 + 20 + 5 });
    expect(f[T.handlingTime]).toMatchObject({ count: 2, sum: 40 + 20 });
    expect((await totals({ operatorId: 'B' }))[T.reassignments]?.count).toBe(1);

    await publish(
      spam.change(60, { state: S.AssignedToOperator }).operator(70, 'B').events.slice(-2),
    );
    const back = await totals({ lineId: line });
    expect(back[T.sessionsMarkedAsSpam]).toBeUndefined();
    expect(back[T.sessionsCreated]?.count).toBe(3);
    expect(back[T.firstResponseTime]).toMatchObject({ count: 3, sum: 45 + 20 + 10, min: 10 });
  });

  it('searches and counts items in the search language; refuses unknown fields, naming them', async () => {
    const filter = {
      and: [
        { field: '_line', op: 'eq', value: 'golden' },
        { field: '_type', op: 'eq', value: T.waitingTime },
        { field: '_period', op: 'eq', value: 'day' },
      ],
    };
    const { items } = await metrics.rpc.request<{
      items: { _operator?: string; _channel?: string; _count: number }[];
    }>(LinesMetricsRpc.search, { filter, size: 50 });
    expect(items.length).toBe(4); // the line, operators A and B, channel C1
    expect(items.find((i) => i._operator === undefined && i._channel === undefined)?._count).toBe(
      4,
    );
    expect(await metrics.rpc.request(LinesMetricsRpc.count, { filter })).toEqual({ count: 4 });
    await expect(
      metrics.rpc.request(LinesMetricsRpc.search, {
        filter: { field: '_sessions', op: 'eq', value: 1 },
      }),
    ).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      message: expect.stringContaining('_sessions'),
    });
  });

  it('refuses a report that combines operator and channel, or has a bad period, naming the field', async () => {
    const base = { period: 'hour', from: '2025-01-06T00:00:00Z', to: '2025-01-07T00:00:00Z' };
    await expect(
      metrics.rpc.request(LinesMetricsRpc.report, { ...base, operatorId: 'A', channelId: 'C1' }),
    ).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      details: { issues: [{ field: 'channelId', message: expect.any(String) }] },
    });
    await expect(
      metrics.rpc.request(LinesMetricsRpc.report, { ...base, period: 'week' }),
    ).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      message: expect.stringContaining('period'),
    });
  });
});
