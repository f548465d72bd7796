import {
  histogramBucketUpperBound,
  histogramBucketIndex,
  LineMetricType as T,
} from '@openlines/contracts';
import {
  CellFigures,
  denseHistogram,
  periodStartsOf,
  reportOf,
  totalsOf,
} from './metric-report.rules';

const H = 3_600_000;
const FROM = Date.UTC(2025, 0, 6, 9);

function timeCell(periodStart: number, secondsList: number[], within = 0): CellFigures {
  const buckets: Record<string, number> = {};
  for (const s of secondsList)
    buckets[histogramBucketIndex(s)] = (buckets[histogramBucketIndex(s)] ?? 0) + 1;
  const raw = secondsList.map((s) => s * 1000);
  return {
    type: T.firstResponseTime,
    periodStart,
    count: raw.length,
    sumRaw: raw.reduce((a, b) => a + b, 0),
    minRaw: Math.min(...raw),
    maxRaw: Math.max(...raw),
    buckets,
    within,
  };
}

describe('metric report', () => {
  it('merges cells: count, sum, min, max, avg, percentiles from the histogram, service level', () => {
    const totals = totalsOf(T.firstResponseTime, [
      timeCell(FROM, [10, 20, 30], 3),
      timeCell(FROM + H, [100], 0),
    ]);
    expect(totals).toMatchObject({
      count: 4,
      sum: 160,
      min: 10,
      max: 100,
      avg: 40,
      serviceLevel: 0.75,
    });
    // p50 = the 2nd of 4 values (20 s): the upper bound of its bucket
    expect(totals.p50).toBe(histogramBucketUpperBound(histogramBucketIndex(20)));
    // p99 falls in the max's bucket and is capped by the max
    expect(totals.p99).toBe(100);
  });

  it('empty figures are zero counts with null statistics', () => {
    expect(totalsOf(T.waitingTime, [])).toEqual({
      type: T.waitingTime,
      count: 0,
      sum: 0,
      min: null,
      max: null,
      avg: null,
      p50: null,
      p90: null,
      p99: null,
    });
    expect(totalsOf(T.firstResponseTime, []).serviceLevel).toBeNull();
  });

  it('counters report no percentiles', () => {
    const cell: CellFigures = {
      type: T.messagesIn,
      periodStart: FROM,
      count: 7,
      sumRaw: 7,
      minRaw: 1,
      maxRaw: 1,
      buckets: {},
    };
    expect(totalsOf(T.messagesIn, [cell])).toMatchObject({
      count: 7,
      sum: 7,
      avg: 1,
      p50: null,
      p99: null,
    });
  });

  it('a series has every period of [from, to) from the one holding from, empty ones included', () => {
    expect(periodStartsOf('hour', FROM + 30 * 60_000, FROM + 3 * H)).toEqual([
      FROM,
      FROM + H,
      FROM + 2 * H,
    ]);
    const report = reportOf([T.firstResponseTime], 'hour', FROM, FROM + 3 * H, [
      timeCell(FROM + H, [5], 1),
    ]);
    expect(report.series.map((p) => [p.periodStart, p.count])).toEqual([
      ['2025-01-06T09:00:00.000Z', 0],
      ['2025-01-06T10:00:00.000Z', 1],
      ['2025-01-06T11:00:00.000Z', 0],
    ]);
    expect(report.totals).toHaveLength(1);
  });

  it('dense histograms drop trailing empty buckets', () => {
    expect(denseHistogram({ 2: 1, 5: 3, 7: 0 })).toEqual([0, 0, 1, 0, 0, 3]);
    expect(denseHistogram({})).toEqual([]);
  });
});
