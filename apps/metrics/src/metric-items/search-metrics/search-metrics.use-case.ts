import { LineMetricData } from '@openlines/contracts';
import { compileCountRequest, compileSearchRequest } from '@openlines/query';
import { METRIC_FIELDS } from '../domain/metric-fields.definition';
import { toLineMetricData } from '../metric-item.view';
import { MetricItemsSource } from '../metric-items.source';

/** `lines.metrics.search` / `count`: metric items in the search language, with exact extremes. */
export class SearchMetricsUseCase {
  constructor(private readonly source: MetricItemsSource) {}

  async search(request: unknown): Promise<{ items: LineMetricData[] }> {
    const { filter, sort, skip, limit } = compileSearchRequest(METRIC_FIELDS, request);
    return this.source.read(async ({ cells, items }) => {
      const settled = await items.settle(await cells.find(filter, { sort, skip, limit }));
      return { items: settled.map(toLineMetricData) };
    });
  }

  async count(request: unknown): Promise<{ count: number }> {
    const { filter } = compileCountRequest(METRIC_FIELDS, request);
    return this.source.read(async ({ cells }) => ({ count: await cells.count(filter) }));
  }
}
