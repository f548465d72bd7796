import {
  histogramQuantile,
  isTimeMetricType,
  LineMetricPeriod,
  LineMetricType,
  MetricSeriesPoint,
  MetricTotals,
} from '@openlines/contracts';
import { PERIOD_MS, periodStartOf, toReportedValue } from './metric-cell.rules';

/** A cell's figures as stored: raw integers (ms for time metrics), sparse histogram buckets. */
export interface CellFigures {
  type: LineMetricType;
  periodStart: number;
  count: number;
  sumRaw: number;
  minRaw?: number;
  maxRaw?: number;
  buckets: Record<string, number>;
  within?: number;
}

/** Dense histogram (contracts layout) from sparse buckets; trailing zero buckets left out. */
export function denseHistogram(buckets: Record<string, number>): number[] {
  const indexes = Object.keys(buckets)
    .map(Number)
    .filter((i) => (buckets[i] ?? 0) > 0);
  if (indexes.length === 0) return [];
  const dense = new Array<number>(Math.max(...indexes) + 1).fill(0);
  for (const i of indexes) dense[i] = buckets[i] ?? 0;
  return dense;
}

/**
 * Merges cells of one type (any periods, lines, operators, channels) into its figures: counts,
 * sums, histograms and within-target counts add; min and max are the extremes; percentiles come
 * from the merged histogram (bucket upper bound, capped by the max); serviceLevel only for
 * firstResponseTime.
 */
export function totalsOf(type: LineMetricType, cells: readonly CellFigures[]): MetricTotals {
  let count = 0;
  let sumRaw = 0;
  let within = 0;
  let minRaw: number | undefined;
  let maxRaw: number | undefined;
  const buckets: Record<string, number> = {};
  for (const cell of cells) {
    count += cell.count;
    sumRaw += cell.sumRaw;
    within += cell.within ?? 0;
    if (cell.count > 0 && cell.minRaw !== undefined)
      minRaw = Math.min(minRaw ?? cell.minRaw, cell.minRaw);
    if (cell.count > 0 && cell.maxRaw !== undefined)
      maxRaw = Math.max(maxRaw ?? cell.maxRaw, cell.maxRaw);
    for (const [bucket, n] of Object.entries(cell.buckets))
      buckets[bucket] = (buckets[bucket] ?? 0) + n;
  }
  const value = (raw: number | undefined) =>
    raw === undefined || count === 0 ? null : toReportedValue(type, raw);
  const max = value(maxRaw);
  const quantile = (q: number) =>
    count === 0 || !isTimeMetricType(type)
      ? null
      : histogramQuantile(denseHistogram(buckets), q, max ?? undefined);
  const totals: MetricTotals = {
    type,
    count,
    sum: toReportedValue(type, sumRaw),
    min: value(minRaw),
    max,
    avg: count === 0 ? null : toReportedValue(type, sumRaw) / count,
    p50: quantile(0.5),
    p90: quantile(0.9),
    p99: quantile(0.99),
  };
  if (type === LineMetricType.firstResponseTime)
    totals.serviceLevel = count === 0 ? null : within / count;
  return totals;
}

/** Every period of [from, to), from the one holding `from`; periods without data included. */
export function periodStartsOf(period: LineMetricPeriod, from: number, to: number): number[] {
  const starts: number[] = [];
  for (let start = periodStartOf(from, period); start < to; start += PERIOD_MS[period])
    starts.push(start);
  return starts;
}

/** Totals per type and a series ordered by period start, then by type (the requested order). */
export function reportOf(
  types: readonly LineMetricType[],
  period: LineMetricPeriod,
  from: number,
  to: number,
  cells: readonly CellFigures[],
): { totals: MetricTotals[]; series: MetricSeriesPoint[] } {
  const byTypeAndStart = new Map<string, CellFigures[]>();
  for (const cell of cells) {
    const key = `${cell.type}|${cell.periodStart}`;
    byTypeAndStart.set(key, [...(byTypeAndStart.get(key) ?? []), cell]);
  }
  const totals = types.map((type) =>
    totalsOf(
      type,
      cells.filter((c) => c.type === type),
    ),
  );
  const series = periodStartsOf(period, from, to).flatMap((start) =>
    types.map((type) => ({
      ...totalsOf(type, byTypeAndStart.get(`${type}|${start}`) ?? []),
      periodStart: new Date(start).toISOString(),
    })),
  );
  return { totals, series };
}
