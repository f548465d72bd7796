import { LineMetricPeriod, LineMetricType } from '@openlines/contracts';
import { CollectionDefinition } from '@openlines/persistence';

export const METRIC_CELLS_COLLECTION = 'metric_items';

/**
 * A LineMetric item as stored. Figures are raw integers (`_sumRaw` etc. in ms for time metrics)
 * so that adding and withdrawing measurements is exact in any order; they become LineMetricData
 * (seconds, dense histogram) on the way out. `_buckets` is sparse: `b<index>` → count.
 * `_stale` marks min/max that a withdrawal may have invalidated (recomputed on read).
 */
export interface MetricCellDocument {
  __id: string;
  __name: string;
  __createdAt: string;
  __createdBy: string;
  __updatedAt: string;
  __updatedBy: string;
  _type: LineMetricType;
  _line: string;
  _operator?: string;
  _channel?: string;
  _period: LineMetricPeriod;
  _periodStart: string;
  _count: number;
  _sumRaw: number;
  _minRaw?: number;
  _maxRaw?: number;
  _buckets?: Record<string, number>;
  _withinTarget?: number;
  _stale?: boolean;
  _version?: number;
}

export const METRIC_CELLS_DEFINITION: CollectionDefinition = {
  versionField: '_version',
  indexes: [
    { fields: { _line: 1, _type: 1, _period: 1, _periodStart: 1 } },
    { fields: { _operator: 1, _type: 1, _period: 1, _periodStart: 1 }, sparse: true },
    { fields: { _channel: 1, _type: 1, _period: 1, _periodStart: 1 }, sparse: true },
    // A report over every line: MongoDB uses no sparse index for `_operator: null`.
    { fields: { _type: 1, _period: 1, _periodStart: 1 } },
  ],
};

export const BUCKET_PREFIX = 'b';
