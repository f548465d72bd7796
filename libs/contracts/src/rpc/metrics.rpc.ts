import { z } from 'zod';
import { IdSchema, IsoDateSchema } from '../data/common.schema';
import { LineMetricDataSchema, LineMetricPeriodSchema } from '../data/metric.data';
import { LineMetricType } from '../enums';
import { CountReplySchema, CountRequestSchema, SearchRequestSchema } from '../query/search';
import { itemsReplySchema, rpcSubjects, RpcSchemaPair } from './rpc-common';

export const LinesMetricsRpc = rpcSubjects('metrics', [
  'search',
  'count',
  'report',
  'rebuild',
  'rebuildStatus',
] as const);

/** A report spans at most this many periods (e.g. 41 days by the hour, 2.7 years by the day). */
export const MAX_REPORT_PERIODS = 1000;
const PERIOD_MS = { hour: 3_600_000, day: 86_400_000 } as const;

/**
 * Totals and a time series over [from, to), from metric items (never raw sessions). Filters
 * absent = all; `types` absent = every LineMetricType. Spam sessions are already left out.
 */
export const MetricReportRequestSchema = z
  .object({
    lineId: IdSchema.optional(),
    operatorId: IdSchema.optional(),
    channelId: IdSchema.optional(),
    types: z.array(z.nativeEnum(LineMetricType)).min(1).optional(),
    period: LineMetricPeriodSchema,
    from: IsoDateSchema,
    to: IsoDateSchema,
  })
  .strict()
  .superRefine((request, ctx) => {
    const span = Date.parse(request.to) - Date.parse(request.from);
    if (span <= 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['to'], message: 'Must be after from' });
    } else if (span / PERIOD_MS[request.period] > MAX_REPORT_PERIODS) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['to'],
        message: `At most ${MAX_REPORT_PERIODS} ${request.period}s after from`,
      });
    }
  });
export type MetricReportRequest = z.input<typeof MetricReportRequestSchema>;

/**
 * The figures of one metric type. Time metrics are in seconds; min/max/avg/percentiles are `null`
 * when `count` is 0, and percentiles are `null` for counters. `serviceLevel` (0…1, share of first
 * responses within the line's target) only for `firstResponseTime`.
 */
export const MetricTotalsSchema = z.object({
  type: z.nativeEnum(LineMetricType),
  count: z.number().int().min(0),
  sum: z.number(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  avg: z.number().nullable(),
  p50: z.number().nullable(),
  p90: z.number().nullable(),
  p99: z.number().nullable(),
  serviceLevel: z.number().min(0).max(1).nullable().optional(),
});
export type MetricTotals = z.infer<typeof MetricTotalsSchema>;

/** One period of the series; periods without data are included with count 0. */
export const MetricSeriesPointSchema = MetricTotalsSchema.extend({ periodStart: IsoDateSchema });
export type MetricSeriesPoint = z.infer<typeof MetricSeriesPointSchema>;

export const MetricReportReplySchema = z.object({
  period: LineMetricPeriodSchema,
  from: IsoDateSchema,
  to: IsoDateSchema,
  /** One entry per requested type. */
  totals: z.array(MetricTotalsSchema),
  /** Ordered by periodStart, then by type. */
  series: z.array(MetricSeriesPointSchema),
});
export type MetricReportReply = z.infer<typeof MetricReportReplySchema>;

/**
 * Recomputes metric items by replaying the event stream (all lines, or one) into a new
 * generation of the projection; reports keep answering from the current one until the switch.
 * Answers at once with the rebuild's status (state `running`); follow it with `rebuildStatus`.
 * One rebuild at a time: another call while one runs gets CONFLICT with `details.rebuildId`.
 */
export const MetricRebuildRequestSchema = z.object({ lineId: IdSchema.optional() }).strict();
export type MetricRebuildRequest = z.input<typeof MetricRebuildRequestSchema>;

export const MetricRebuildStateSchema = z.enum(['running', 'done', 'failed']);
export type MetricRebuildState = z.infer<typeof MetricRebuildStateSchema>;

/**
 * A rebuild's progress. `eventsRead`: events read from the stream so far; `eventsApplied`: those
 * of them with metric meaning in the rebuild's scope. `metricItems` once done; `error` if failed.
 */
export const MetricRebuildStatusSchema = z.object({
  rebuildId: IdSchema,
  state: MetricRebuildStateSchema,
  lineId: IdSchema.optional(),
  eventsRead: z.number().int().min(0),
  eventsApplied: z.number().int().min(0),
  metricItems: z.number().int().min(0).optional(),
  startedAt: IsoDateSchema,
  finishedAt: IsoDateSchema.optional(),
  error: z.string().optional(),
});
export type MetricRebuildStatus = z.infer<typeof MetricRebuildStatusSchema>;

export const MetricRebuildReplySchema = MetricRebuildStatusSchema;
export type MetricRebuildReply = MetricRebuildStatus;

/** The status of one rebuild, or (no id) of the latest; NOT_FOUND if there is none. */
export const MetricRebuildStatusRequestSchema = z
  .object({ rebuildId: IdSchema.optional() })
  .strict();
export type MetricRebuildStatusRequest = z.input<typeof MetricRebuildStatusRequestSchema>;

export const MetricSearchReplySchema = itemsReplySchema(LineMetricDataSchema);

export const LinesMetricsRpcSchemas = {
  [LinesMetricsRpc.search]: { request: SearchRequestSchema, reply: MetricSearchReplySchema },
  [LinesMetricsRpc.count]: { request: CountRequestSchema, reply: CountReplySchema },
  [LinesMetricsRpc.report]: { request: MetricReportRequestSchema, reply: MetricReportReplySchema },
  [LinesMetricsRpc.rebuild]: {
    request: MetricRebuildRequestSchema,
    reply: MetricRebuildReplySchema,
  },
  [LinesMetricsRpc.rebuildStatus]: {
    request: MetricRebuildStatusRequestSchema,
    reply: MetricRebuildStatusSchema,
  },
} as const satisfies Record<(typeof LinesMetricsRpc)[keyof typeof LinesMetricsRpc], RpcSchemaPair>;
