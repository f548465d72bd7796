import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  LinesMetricsRpc,
  MetricRebuildReply,
  MetricRebuildRequestSchema,
  validate,
} from '@openlines/contracts';
import { RebuildMetricsUseCase } from './rebuild-metrics.use-case';

@Controller()
export class RebuildMetricsHandler {
  constructor(private readonly rebuild: RebuildMetricsUseCase) {}

  @MessagePattern(LinesMetricsRpc.rebuild)
  handle(@Payload() payload: unknown): Promise<MetricRebuildReply> {
    const request = validate(
      MetricRebuildRequestSchema,
      payload ?? {},
      `${LinesMetricsRpc.rebuild} request`,
    );
    return this.rebuild.execute(request.lineId);
  }
}
