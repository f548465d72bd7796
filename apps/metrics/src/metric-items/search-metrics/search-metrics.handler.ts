import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CountReply, LineMetricData, LinesMetricsRpc } from '@openlines/contracts';
import { SearchMetricsUseCase } from './search-metrics.use-case';

/** The request is validated against the contracts schema and the metric field list by libs/query. */
@Controller()
export class SearchMetricsHandler {
  constructor(private readonly metrics: SearchMetricsUseCase) {}

  @MessagePattern(LinesMetricsRpc.search)
  search(@Payload() payload: unknown): Promise<{ items: LineMetricData[] }> {
    return this.metrics.search(payload);
  }

  @MessagePattern(LinesMetricsRpc.count)
  count(@Payload() payload: unknown): Promise<CountReply> {
    return this.metrics.count(payload);
  }
}
