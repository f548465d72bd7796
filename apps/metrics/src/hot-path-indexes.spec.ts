import { LineMetricType } from '@openlines/contracts';
import { Filter, MemoryStoreFactory } from '@openlines/persistence';
import { MeasurementDocument } from './metric-items/persistence/measurement.schema';
import { createMetricsComponents } from './metrics.components';

/**
 * Every query the metrics projection makes per event, and the report's, is served by an id or a
 * declared index: on a store that throws instead of scanning, each hot-path method runs.
 * (Scans on purpose: `withJournal` at start-up, a rebuild's copy and clear, metric searches.)
 */
describe('metrics: hot paths use indexes', () => {
  const now = new Date('2024-01-01T12:00:00.000Z');
  const components = createMetricsComponents(new MemoryStoreFactory({ scans: 'throw' }), () => now);
  const measurement = (id: string, at: number, value: number): MeasurementDocument => ({
    __id: `s1:${id}`,
    session: 's1',
    type: LineMetricType.firstResponseTime,
    line: 'l1',
    channel: 'ch1',
    operator: 'op1',
    at,
    value,
  });

  it('writes measurements and items, recomputes and settles them', async () => {
    const { items, measurements, cells } = components;
    const first = measurement('a', now.getTime(), 1_000);
    await items.apply([first, measurement('b', now.getTime() + 1, 5_000)], []);
    await items.apply([], [first]);
    await items.redo([measurement('c', now.getTime() + 2, 2_000)], []);
    await measurements.setWithin(first.__id, true);
    expect(await measurements.firstResponsesOf('l1')).toHaveLength(2);
    const stale = await cells.find({ _line: 'l1', _type: LineMetricType.firstResponseTime });
    expect(await items.settle(stale)).not.toHaveLength(0);
  });

  it('keeps per-session projections by id', async () => {
    const { projections } = components;
    const projection = { sessionId: 's9', facts: [], fold: {} } as never;
    const saved = await projections.save(projection, undefined, undefined);
    await projections.save(projection, undefined, saved._version);
    await projections.clearJournal('s9', (saved._version ?? 1) + 1);
    expect(await projections.get('s9')).toMatchObject({ __id: 's9' });
  });

  it('reports per line, per operator, per channel and over every line', async () => {
    const base: Filter = {
      _type: { $in: [LineMetricType.firstResponseTime] },
      _period: 'hour',
      _periodStart: { $gte: '2024-01-01T00:00:00.000Z', $lt: '2024-01-02T00:00:00.000Z' },
    };
    // The shapes metrics-report.use-case.ts builds.
    for (const filter of [
      { ...base, _operator: null, _channel: null, _line: 'l1' },
      { ...base, _operator: 'op1', _channel: null },
      { ...base, _operator: null, _channel: 'ch1' },
      { ...base, _operator: null, _channel: null },
    ])
      expect(await components.cells.find(filter)).not.toHaveLength(0);
  });
});
