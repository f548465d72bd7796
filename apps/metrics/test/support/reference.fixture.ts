import {
  histogramBucketIndex,
  histogramBucketUpperBound,
  isTimeMetricType,
  LineMetricData,
  LineMetricType as T,
  MetricTotals,
} from '@openlines/contracts';
import { ExpectedSample, Traffic } from './traffic.fixture';

/** One item's figures in integer units (ms for time metrics) for exact comparison. */
export interface ReferenceCell {
  count: number;
  sum: number;
  min: number;
  max: number;
  within?: number;
}

const DEFAULT_TARGET = 60;
const PERIODS: [string, number][] = [
  ['hour', 3_600_000],
  ['day', 86_400_000],
];

export function targetAt(traffic: Traffic, line: string, at: number): number {
  let target = DEFAULT_TARGET;
  for (const [from, seconds] of traffic.targets.get(line) ?? []) if (from <= at) target = seconds;
  return target;
}

/** The items the traffic must produce, aggregated straight from the expected samples. */
export function referenceCells(traffic: Traffic): Map<string, ReferenceCell> {
  const cells = new Map<string, ReferenceCell>();
  const add = (key: string, s: ExpectedSample) => {
    const cell = cells.get(key) ?? { count: 0, sum: 0, min: Infinity, max: -Infinity };
    cell.count += 1;
    cell.sum += s.value;
    cell.min = Math.min(cell.min, s.value);
    cell.max = Math.max(cell.max, s.value);
    if (s.type === T.firstResponseTime) {
      cell.within =
        (cell.within ?? 0) + (s.value <= targetAt(traffic, s.line, s.at) * 1000 ? 1 : 0);
    }
    cells.set(key, cell);
  };
  for (const s of traffic.samples) {
    for (const [period, length] of PERIODS) {
      const start = new Date(Math.floor(s.at / length) * length).toISOString();
      add(`${s.type}|${s.line}|||${period}|${start}`, s);
      if (s.operator !== undefined) add(`${s.type}|${s.line}|${s.operator}||${period}|${start}`, s);
      add(`${s.type}|${s.line}||${s.channel}|${period}|${start}`, s);
    }
  }
  return cells;
}

/** The service's items in the same shape (seconds back to integer ms). */
export function serviceCells(items: readonly LineMetricData[]): Map<string, ReferenceCell> {
  const cells = new Map<string, ReferenceCell>();
  for (const item of items) {
    const raw = (x: number) => (isTimeMetricType(item._type) ? Math.round(x * 1000) : x);
    const key = `${item._type}|${item._line}|${item._operator ?? ''}|${item._channel ?? ''}|${item._period}|${item._periodStart}`;
    const cell: ReferenceCell = {
      count: item._count,
      sum: raw(item._sum),
      min: raw(item._min),
      max: raw(item._max),
    };
    if (item._type === T.firstResponseTime) cell.within = item._withinTarget ?? 0;
    cells.set(key, cell);
  }
  return cells;
}

/** What a report's totals for the given samples must say (percentiles in the shared buckets). */
export function referenceTotals(
  traffic: Traffic,
  type: T,
  samples: readonly ExpectedSample[],
): Partial<MetricTotals> {
  const values = samples.map((s) => s.value).sort((x, y) => x - y);
  if (values.length === 0) return { type, count: 0 };
  const scale = isTimeMetricType(type) ? 1000 : 1;
  const max = values[values.length - 1]! / scale;
  const quantile = (q: number) => {
    if (!isTimeMetricType(type)) return null;
    const exact = values[Math.max(1, Math.ceil(q * values.length)) - 1]! / scale;
    return Math.min(histogramBucketUpperBound(histogramBucketIndex(exact)), max);
  };
  const sum = values.reduce((x, y) => x + y, 0);
  const totals: Partial<MetricTotals> = {
    type,
    count: values.length,
    sum: sum / scale,
    min: values[0]! / scale,
    max,
    p50: quantile(0.5),
    p90: quantile(0.9),
    p99: quantile(0.99),
  };
  if (type === T.firstResponseTime) {
    totals.serviceLevel =
      samples.filter((s) => s.value <= targetAt(traffic, s.line, s.at) * 1000).length /
      values.length;
  }
  return totals;
}

/** Whether two sets of cells are equal (for polling; assert with toEqual to see differences). */
export function sameCells(a: Map<string, ReferenceCell>, b: Map<string, ReferenceCell>): boolean {
  const canonical = (m: Map<string, ReferenceCell>) =>
    JSON.stringify([...m].sort(([x], [y]) => (x < y ? -1 : 1)));
  return canonical(a) === canonical(b);
}
