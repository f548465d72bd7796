import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LinesMetricsRpc, MetricReportReply } from '@openlines/contracts';
import { MetricsReportUseCase } from './metrics-report.use-case';

/** Validation (MetricReportRequestSchema) happens first thing in the use case. */
@Controller()
export class MetricsReportHandler {
  constructor(private readonly report: MetricsReportUseCase) {}

  @MessagePattern(LinesMetricsRpc.report)
  handle(@Payload() payload: unknown): Promise<MetricReportReply> {
    return this.report.execute(payload);
  }
}
