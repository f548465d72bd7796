import { LineMetricData } from '@openlines/contracts';
import { compileCountRequest, compileSearchRequest } from '@openlines/query';
import { METRIC_FIELDS } from '../domain/metric-fields.definition';
import { toLineMetricData } from '../metric-item.view';
import { MetricItemsWriter } from '../metric-items.writer';
import { MetricCellRepository } from '../persistence/metric-cell.repository';

/** `lines.metrics.search` / `count`: metric items in the search language, with exact extremes. */
export class SearchMetricsUseCase {
  constructor(
    private readonly cells: MetricCellRepository,
    private readonly items: MetricItemsWriter,
  ) {}

  async search(request: unknown): Promise<{ items: LineMetricData[] }> {
    const { filter, sort, skip, limit } = compileSearchRequest(METRIC_FIELDS, request);
    const docs = await this.cells.find(filter, { sort, skip, limit });
    const settled = await this.items.settle(docs);
    return { items: settled.map(toLineMetricData) };
  }

  async count(request: unknown): Promise<{ count: number }> {
    const { filter } = compileCountRequest(METRIC_FIELDS, request);
    return { count: await this.cells.count(filter) };
  }
}
