import { z } from 'zod';
import { LineMetricType, METRIC_PERIODS } from '../enums';
import { IdSchema, IsoDateSchema, SystemFieldsShape } from './common.schema';
import { METRIC_HISTOGRAM_BUCKETS } from './metric-histogram';

export const LineMetricPeriodSchema = z.enum(METRIC_PERIODS);

/**
 * One metric cell [ours]: the values of one `_type` for one line (and, when set, one operator or
 * channel; absent means all of them) over one period starting at `_periodStart` (UTC, aligned to
 * the hour or day). Counters record 1 per occurrence, time metrics the seconds; the average is
 * `_sum / _count`.
 */
export const LineMetricDataSchema = z.object({
  ...SystemFieldsShape,
  _type: z.nativeEnum(LineMetricType),
  _line: IdSchema,
  _operator: IdSchema.optional(),
  _channel: IdSchema.optional(),
  _period: LineMetricPeriodSchema,
  _periodStart: IsoDateSchema,
  _count: z.number().int().min(0),
  _sum: z.number(),
  _min: z.number(),
  _max: z.number(),
  /** Counts per shared bucket (metric-histogram.ts); trailing zero buckets may be left out. */
  _histogram: z.array(z.number().int().min(0)).max(METRIC_HISTOGRAM_BUCKETS),
  /**
   * [ours] For `firstResponseTime`: how many of `_count` were within the line's
   * `_targetReplySeconds` at the time; the service level is `_withinTarget / _count`.
   */
  _withinTarget: z.number().int().min(0).optional(),
});
export type LineMetricData = z.infer<typeof LineMetricDataSchema>;
