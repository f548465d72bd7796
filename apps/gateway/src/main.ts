import { bootstrapService } from '@openlines/messaging';
import { createLogger } from '@openlines/observability';
import { gatewayConfigFromEnv } from './config/gateway.config';
import { GATEWAY_SERVICE_NAME, GatewayModule } from './gateway.module';
import { configureBodyParsing } from './http/body-limit';

async function main(): Promise<void> {
  const logger = createLogger(GATEWAY_SERVICE_NAME);
  const config = gatewayConfigFromEnv(process.env);
  if (config.apiKeys.length === 0) {
    logger.warn('API_KEYS is empty: every /v1 request will be refused with 401');
  }
  await bootstrapService({
    name: GATEWAY_SERVICE_NAME,
    module: GatewayModule.forRoot(config),
    httpPort: config.httpPort,
    logger,
    configure: (app) => configureBodyParsing(app, config.bodyLimitBytes),
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `gateway failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
