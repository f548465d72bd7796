import { histogramBucketIndex, isTimeMetricType, LineMetricType } from '@openlines/contracts';
import {
  CellInput,
  cellIdOf,
  cellKeysOf,
  MetricCellKey,
  toReportedValue,
} from './metric-cell.rules';

/** A measurement going in or out of the items; `within` only for firstResponseTime. */
export interface CellMeasurement extends CellInput {
  within?: boolean;
}

/**
 * The change of one cell caused by a batch of measurements added and removed. Counts, sums,
 * histogram buckets and `within` add up exactly (integers); min and max can only be pushed
 * down/up — a removed value equal to the current min or max makes the cell's extremes stale
 * (the repository recomputes them from the stored measurements).
 */
export interface CellDelta {
  id: string;
  key: MetricCellKey;
  count: number;
  sum: number;
  /** Bucket index → change of its count (time metrics only). */
  buckets: Record<number, number>;
  within: number;
  addedMin?: number;
  addedMax?: number;
  removedValues: number[];
}

export function cellDeltas(
  added: readonly CellMeasurement[],
  removed: readonly CellMeasurement[],
): CellDelta[] {
  const deltas = new Map<string, CellDelta>();
  const apply = (measurement: CellMeasurement, sign: 1 | -1) => {
    for (const key of cellKeysOf(measurement)) {
      const id = cellIdOf(key);
      let delta = deltas.get(id);
      if (delta === undefined) {
        delta = { id, key, count: 0, sum: 0, buckets: {}, within: 0, removedValues: [] };
        deltas.set(id, delta);
      }
      accumulate(delta, measurement, sign);
    }
  };
  added.forEach((m) => apply(m, 1));
  removed.forEach((m) => apply(m, -1));
  return [...deltas.values()].filter(
    (d) => d.count !== 0 || d.sum !== 0 || d.removedValues.length > 0,
  );
}

function accumulate(delta: CellDelta, m: CellMeasurement, sign: 1 | -1): void {
  delta.count += sign;
  delta.sum += sign * m.value;
  if (m.type === LineMetricType.firstResponseTime && m.within === true) delta.within += sign;
  if (isTimeMetricType(m.type)) {
    const bucket = bucketOfRaw(m.type, m.value);
    delta.buckets[bucket] = (delta.buckets[bucket] ?? 0) + sign;
    if (delta.buckets[bucket] === 0) delete delta.buckets[bucket];
  }
  if (sign === 1) {
    delta.addedMin = Math.min(delta.addedMin ?? m.value, m.value);
    delta.addedMax = Math.max(delta.addedMax ?? m.value, m.value);
  } else {
    delta.removedValues.push(m.value);
  }
}

/** The shared histogram bucket (contracts) of a raw measurement. */
export function bucketOfRaw(type: LineMetricType, raw: number): number {
  return histogramBucketIndex(toReportedValue(type, raw));
}

/** A cell's figures computed from scratch from its measurements (the reference the deltas keep). */
export function figuresOf(type: LineMetricType, measurements: readonly CellMeasurement[]) {
  const buckets: Record<number, number> = {};
  let sumRaw = 0;
  let within = 0;
  let minRaw: number | undefined;
  let maxRaw: number | undefined;
  for (const m of measurements) {
    sumRaw += m.value;
    if (m.within === true) within += 1;
    minRaw = Math.min(minRaw ?? m.value, m.value);
    maxRaw = Math.max(maxRaw ?? m.value, m.value);
    if (isTimeMetricType(type)) {
      const bucket = bucketOfRaw(type, m.value);
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
  }
  return { count: measurements.length, sumRaw, minRaw, maxRaw, buckets, within };
}
