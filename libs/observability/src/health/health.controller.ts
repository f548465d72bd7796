import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { HealthRegistry, HealthReport } from './health.registry';

/** Kubernetes probes: /healthz (liveness) and /readyz (readiness), 503 with each check's status. */
@Controller()
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  @Get('healthz')
  @HttpCode(200)
  async liveness(): Promise<HealthReport> {
    return this.answer(await this.registry.report('liveness'));
  }

  @Get('readyz')
  @HttpCode(200)
  async readiness(): Promise<HealthReport> {
    return this.answer(await this.registry.report('readiness'));
  }

  private answer(report: HealthReport): HealthReport {
    if (report.status !== 'ok') throw new ServiceUnavailableException(report);
    return report;
  }
}
