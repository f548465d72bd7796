import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  LinesMetricsRpc,
  MetricRebuildRequestSchema,
  MetricRebuildStatus,
  MetricRebuildStatusRequestSchema,
  validate,
} from '@openlines/contracts';
import { RebuildMetricsUseCase } from './rebuild-metrics.use-case';

@Controller()
export class RebuildMetricsHandler {
  constructor(private readonly rebuild: RebuildMetricsUseCase) {}

  /** Answers at once (state `running`); the rebuild goes on in the background. */
  @MessagePattern(LinesMetricsRpc.rebuild)
  start(@Payload() payload: unknown): MetricRebuildStatus {
    const request = validate(
      MetricRebuildRequestSchema,
      payload ?? {},
      `${LinesMetricsRpc.rebuild} request`,
    );
    return this.rebuild.start(request.lineId);
  }

  @MessagePattern(LinesMetricsRpc.rebuildStatus)
  status(@Payload() payload: unknown): Promise<MetricRebuildStatus> {
    const request = validate(
      MetricRebuildStatusRequestSchema,
      payload ?? {},
      `${LinesMetricsRpc.rebuildStatus} request`,
    );
    return this.rebuild.status(request.rebuildId);
  }
}
