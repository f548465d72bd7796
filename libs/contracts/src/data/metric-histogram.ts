/**
 * The one histogram layout every metric item shares, so items of many periods, operators and
 * channels merge by adding counts bucket by bucket, and p50/p90/p99 can be reported without raw
 * samples. Values are seconds. Bucket 0 holds [0, 1]; bucket i > 0 holds (2^((i-1)/4), 2^(i/4)],
 * i.e. four buckets per doubling (at most ~19 % relative error); the last bucket also takes
 * everything above bucket 98 (~274 days). Changing this layout needs a rebuild of all metric items.
 */
export const METRIC_HISTOGRAM_BUCKETS = 100;
const STEPS_PER_DOUBLING = 4;
/** Absorbs floating-point error so that 2^(k/4) itself lands in bucket k. */
const EPSILON = 1e-9;

export function histogramBucketIndex(value: number): number {
  if (!(value > 1)) return 0;
  const index = Math.ceil(STEPS_PER_DOUBLING * Math.log2(value) - EPSILON);
  return Math.min(index, METRIC_HISTOGRAM_BUCKETS - 1);
}

/** Upper bound (inclusive) of a bucket, in seconds. */
export function histogramBucketUpperBound(index: number): number {
  return index <= 0 ? 1 : 2 ** (index / STEPS_PER_DOUBLING);
}

/** Adds counts bucket by bucket; shorter arrays mean the missing buckets are zero. */
export function mergeHistograms(a: readonly number[], b: readonly number[]): number[] {
  const merged = new Array<number>(Math.max(a.length, b.length)).fill(0);
  for (let i = 0; i < merged.length; i++) merged[i] = (a[i] ?? 0) + (b[i] ?? 0);
  return merged;
}

/**
 * Estimated q-quantile (0 < q ≤ 1): the upper bound of the bucket holding the q-th value, capped
 * by the observed max when given. `null` for an empty histogram.
 */
export function histogramQuantile(
  histogram: readonly number[],
  q: number,
  max?: number,
): number | null {
  const total = histogram.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i] ?? 0;
    if (seen >= rank) {
      const bound = histogramBucketUpperBound(i);
      return max === undefined ? bound : Math.min(bound, max);
    }
  }
  return max ?? histogramBucketUpperBound(histogram.length - 1);
}
