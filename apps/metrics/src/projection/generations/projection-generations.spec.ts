import { LineSessionState as S, MetricRebuildStatus } from '@openlines/contracts';
import { createLogger } from '@openlines/observability';
import { MemoryStoreFactory } from '@openlines/persistence';
import { SessionEvents, StreamEvent } from '../../../test/support/session-events.fixture';
import { MetricsReportUseCase } from '../../metric-items/metrics-report/metrics-report.use-case';
import { createMetricsComponents, MetricsComponents } from '../../metrics.components';
import { ProjectionGenerations } from './projection-generations';

const logger = createLogger('metrics-spec', { level: 'silent' });

function sessions(n: number): StreamEvent[] {
  return Array.from({ length: n }, (_, i) =>
    new SessionEvents(`S${i}`)
      .created(i, S.Waiting)
      .client(i)
      .change(i + 5, { state: S.AssignedToOperator, userId: 'A' })
      .operator(i + 20, 'A')
      .change(i + 30, { state: S.Closed }),
  ).flatMap((s) => s.events);
}

async function feed(into: MetricsComponents, events: readonly StreamEvent[]): Promise<void> {
  for (const e of events) await into.projectEvent.execute(e.subject, e.payload);
}

const status = (rebuildId: string): MetricRebuildStatus => ({
  rebuildId,
  state: 'running',
  eventsRead: 0,
  eventsApplied: 0,
  startedAt: '2025-01-06T00:00:00.000Z',
});

const totals = (generations: ProjectionGenerations) =>
  new MetricsReportUseCase(generations).execute({
    period: 'day',
    from: '2024-12-01T00:00:00Z',
    to: '2025-02-01T00:00:00Z',
  });

describe('projection generations (memory store, no NATS)', () => {
  it('after a crash mid-rebuild the previous generation serves, and the half-built one is cleared', async () => {
    const factory = new MemoryStoreFactory();
    const before = await ProjectionGenerations.open(factory, logger);
    await feed(before.current, sessions(4));
    const whole = await totals(before);
    const half = await before.begin(status('r-crashed'));
    await feed(half, sessions(2));
    expect(await half.cells.count()).toBeGreaterThan(0);

    // The process dies here: a new one opens the same store.
    const after = await ProjectionGenerations.open(factory, logger);
    expect(after.current.generation).toBe(0);
    expect(await totals(after)).toEqual(whole);
    const abandoned = createMetricsComponents(factory, undefined, half.generation);
    for (const { store } of abandoned.collections) expect(await store.count()).toBe(0);
    const state = await after.state.get();
    expect(state?.rebuilding).toBeUndefined();
    expect(state?.lastRebuild).toMatchObject({ rebuildId: 'r-crashed', state: 'failed' });
    expect(state?.lastRebuild?.error).toContain('interrupted');
  });

  it('switches in one step: a query begun before reads the old generation to its end, then it is cleared', async () => {
    const factory = new MemoryStoreFactory();
    const generations = await ProjectionGenerations.open(factory, logger);
    await feed(generations.current, sessions(3));
    const next = await generations.begin(status('r-1'));
    await feed(next, sessions(5));

    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const straddling = generations.read(async ({ cells }) => {
      const first = await cells.count();
      await gate;
      return [first, await cells.count()];
    });
    await generations.switchTo(next, { ...status('r-1'), state: 'done' });
    expect(generations.current.generation).toBe(1);
    expect(await generations.read(({ cells }) => cells.count())).toBe(await next.cells.count());
    release();
    const [first, last] = await straddling;
    expect(first).toBeGreaterThan(0);
    expect(last).toBe(first);

    await generations.settled();
    const old = createMetricsComponents(factory, undefined, 0);
    for (const { store } of old.collections) expect(await store.count()).toBe(0);
    // A restart serves the generation switched to.
    const reopened = await ProjectionGenerations.open(factory, logger);
    expect(reopened.current.generation).toBe(1);
    expect(await totals(reopened)).toEqual(await totals(generations));
  });
});
