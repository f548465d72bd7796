import { bootstrapService } from '@openlines/messaging';
import { createLogger } from '@openlines/observability';
import { announceStore } from '@openlines/persistence';
import { METRICS_SERVICE_NAME, metricsConfigFromEnv } from './config/metrics.config';
import { MetricsModule } from './metrics.module';

async function main(): Promise<void> {
  const config = metricsConfigFromEnv(process.env);
  const logger = createLogger(METRICS_SERVICE_NAME, { level: config.logLevel });
  announceStore(config.store, logger);
  await bootstrapService({
    name: METRICS_SERVICE_NAME,
    module: MetricsModule.forRoot({ config }),
    httpPort: config.httpPort,
    natsConfig: config.nats,
    logger,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `metrics failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
