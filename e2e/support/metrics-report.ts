import { LineMetricType, LinesClient, MetricReportReply } from '@openlines/sdk';
import { eventually } from './poll';

const HOUR_MS = 3_600_000;
type Totals = MetricReportReply['totals'][number];

/**
 * The line's hourly report totals from the hour of `since` (two hours, so a run across an hour
 * boundary is covered), once every type in `types` has counted `count` occurrences.
 */
export function totalsOnceCounted(
  lines: LinesClient,
  lineId: string,
  since: number,
  types: LineMetricType[],
  count: number,
): Promise<Partial<Record<LineMetricType, Totals>>> {
  const start = Math.floor(since / HOUR_MS) * HOUR_MS;
  const from = new Date(start).toISOString();
  const to = new Date(start + 2 * HOUR_MS).toISOString();
  return eventually(`${types.join(', ')} counted in the metrics`, async () => {
    const report = await lines.metrics.report({ lineId, period: 'hour', from, to, types });
    const byType: Partial<Record<LineMetricType, Totals>> = Object.fromEntries(
      report.totals.map((total) => [total.type, total]),
    );
    return types.every((type) => byType[type]?.count === count) ? byType : undefined;
  });
}
