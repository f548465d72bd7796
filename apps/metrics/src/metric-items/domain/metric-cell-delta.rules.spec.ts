import { histogramBucketIndex, LineMetricType as T } from '@openlines/contracts';
import { cellDeltas } from './metric-cell-delta.rules';
import { cellIdOf, cellKeysOf, periodStartOf } from './metric-cell.rules';

const AT = Date.UTC(2025, 0, 6, 9, 42, 10);

describe('metric cells', () => {
  it('a measurement lands in the line, operator and channel cells, by the hour and by the day', () => {
    const keys = cellKeysOf({
      type: T.waitingTime,
      line: 'L',
      operator: 'A',
      channel: 'C',
      at: AT,
      value: 5000,
    });
    expect(
      keys.map((k) => [
        k.period,
        k.operator ?? '-',
        k.channel ?? '-',
        new Date(k.periodStart).toISOString(),
      ]),
    ).toEqual([
      ['hour', '-', '-', '2025-01-06T09:00:00.000Z'],
      ['hour', 'A', '-', '2025-01-06T09:00:00.000Z'],
      ['hour', '-', 'C', '2025-01-06T09:00:00.000Z'],
      ['day', '-', '-', '2025-01-06T00:00:00.000Z'],
      ['day', 'A', '-', '2025-01-06T00:00:00.000Z'],
      ['day', '-', 'C', '2025-01-06T00:00:00.000Z'],
    ]);
    expect(new Set(keys.map(cellIdOf)).size).toBe(6);
  });

  it('without an operator there is no operator cell', () => {
    expect(
      cellKeysOf({ type: T.sessionsCreated, line: 'L', channel: 'C', at: AT, value: 1 }),
    ).toHaveLength(4);
  });

  it('cell ids are stable and distinguish every part of the key', () => {
    const key = {
      type: T.messagesIn,
      line: 'L',
      period: 'hour' as const,
      periodStart: periodStartOf(AT, 'hour'),
    };
    expect(cellIdOf(key)).toBe(cellIdOf({ ...key }));
    expect(cellIdOf(key)).not.toBe(cellIdOf({ ...key, operator: 'A' }));
    expect(cellIdOf({ ...key, operator: 'A' })).not.toBe(cellIdOf({ ...key, channel: 'A' }));
  });

  it('adds and removes exactly: counts, sums, buckets, within-target; removals are reported for min/max', () => {
    const frt = (value: number, within: boolean) => ({
      type: T.firstResponseTime,
      line: 'L',
      at: AT,
      value,
      within,
    });
    const deltas = cellDeltas([frt(30_000, true), frt(90_000, false)], [frt(10_000, false)]);
    expect(deltas).toHaveLength(2); // line cell by hour and by day
    const hour = deltas.find((d) => d.key.period === 'hour');
    expect(hour).toMatchObject({
      count: 1,
      sum: 110_000,
      within: 1,
      addedMin: 30_000,
      addedMax: 90_000,
      removedValues: [10_000],
    });
    expect(hour?.buckets).toEqual({
      [histogramBucketIndex(30)]: 1,
      [histogramBucketIndex(90)]: 1,
      [histogramBucketIndex(10)]: -1,
    });
  });

  it('counters carry no histogram', () => {
    const [delta] = cellDeltas([{ type: T.messagesOut, line: 'L', at: AT, value: 1 }], []);
    expect(delta?.buckets).toEqual({});
    expect(delta?.within).toBe(0);
  });
});
