import {
  METRIC_HISTOGRAM_BUCKETS,
  histogramBucketIndex,
  histogramBucketUpperBound,
  histogramQuantile,
  mergeHistograms,
} from './metric-histogram';

describe('metric histogram layout', () => {
  it('puts 0..1 s in bucket 0 and each bound in its own bucket', () => {
    expect(histogramBucketIndex(0)).toBe(0);
    expect(histogramBucketIndex(1)).toBe(0);
    expect(histogramBucketIndex(1.0001)).toBe(1);
    for (let i = 1; i < METRIC_HISTOGRAM_BUCKETS; i++) {
      const bound = histogramBucketUpperBound(i);
      expect(histogramBucketIndex(bound)).toBe(i);
      expect(histogramBucketIndex(bound * 1.0001)).toBe(
        Math.min(i + 1, METRIC_HISTOGRAM_BUCKETS - 1),
      );
    }
  });

  it('sends huge and invalid values to the edge buckets', () => {
    expect(histogramBucketIndex(1e12)).toBe(METRIC_HISTOGRAM_BUCKETS - 1);
    expect(histogramBucketIndex(-5)).toBe(0);
    expect(histogramBucketIndex(Number.NaN)).toBe(0);
  });

  it('resolves up to 270 days, buckets at most 20 % apart', () => {
    expect(histogramBucketUpperBound(METRIC_HISTOGRAM_BUCKETS - 2)).toBeGreaterThan(270 * 86_400);
    expect(histogramBucketUpperBound(11) / histogramBucketUpperBound(10)).toBeLessThan(1.2);
  });

  it('merges bucket by bucket, padding the shorter one', () => {
    expect(mergeHistograms([1, 2], [0, 1, 5])).toEqual([1, 3, 5]);
  });

  it('estimates quantiles from bucket bounds, capped by the max', () => {
    const histogram: number[] = [];
    for (const value of [1, 2, 4, 8, 60]) {
      const index = histogramBucketIndex(value);
      histogram[index] = (histogram[index] ?? 0) + 1;
    }
    const filled = Array.from(histogram, (count) => count ?? 0);
    expect(histogramQuantile(filled, 0.5)).toBe(4);
    expect(histogramQuantile(filled, 0.2)).toBe(1);
    expect(histogramQuantile(filled, 0.99, 60)).toBe(60);
    expect(histogramQuantile([], 0.5)).toBeNull();
  });
});
