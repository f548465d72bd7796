import {
  LineMetricType,
  MetricReportReply,
  MetricReportRequestSchema,
  OpenLinesError,
  validate,
} from '@openlines/contracts';
import { Filter } from '@openlines/persistence';
import { periodStartOf } from '../domain/metric-cell.rules';
import { reportOf } from '../domain/metric-report.rules';
import { MetricItemsSource } from '../metric-items.source';
import { cellFiguresOf } from '../persistence/metric-cell.mapping';

const ALL_TYPES = Object.values(LineMetricType);

/**
 * `lines.metrics.report`: totals and a series over [from, to) merged from the metric items of one
 * grain — the line(s) as a whole, one operator, or one channel (items are kept per line, per
 * operator and per channel, so operator and channel cannot be combined). Periods are whole:
 * the series starts with the period that holds `from`.
 */
export class MetricsReportUseCase {
  constructor(private readonly source: MetricItemsSource) {}

  async execute(request: unknown): Promise<MetricReportReply> {
    const r = validate(MetricReportRequestSchema, request, 'lines.metrics.report request');
    if (r.operatorId !== undefined && r.channelId !== undefined) {
      throw OpenLinesError.validation(
        'invalid lines.metrics.report request: channelId: cannot be combined with operatorId',
        [
          {
            field: 'channelId',
            message: 'cannot be combined with operatorId (items are per operator or per channel)',
          },
        ],
      );
    }
    const types = r.types ?? ALL_TYPES;
    const from = Date.parse(r.from);
    const to = Date.parse(r.to);
    const filter: Filter = {
      _type: { $in: types },
      _period: r.period,
      _periodStart: {
        $gte: new Date(periodStartOf(from, r.period)).toISOString(),
        $lt: new Date(to).toISOString(),
      },
      _operator: r.operatorId ?? null,
      _channel: r.channelId ?? null,
    };
    if (r.lineId !== undefined) filter._line = r.lineId;
    const docs = await this.source.read(async ({ cells, items }) =>
      items.settle(await cells.find(filter)),
    );
    const { totals, series } = reportOf(types, r.period, from, to, docs.map(cellFiguresOf));
    return {
      period: r.period,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      totals,
      series,
    };
  }
}
