import { bootstrapService } from '@openlines/messaging';
import { createLogger } from '@openlines/observability';
import { announceStore } from '@openlines/persistence';
import { sessionsConfigFromEnv } from './config/sessions.config';
import { SessionsModule } from './sessions.module';

const config = sessionsConfigFromEnv();
const logger = createLogger(config.serviceName, { level: config.logLevel });
announceStore(config.store, logger);
bootstrapService({
  name: config.serviceName,
  module: SessionsModule.forRoot(config),
  httpPort: config.httpPort,
  natsConfig: config.nats,
  logger,
}).catch((error: unknown) => {
  logger.fatal({ err: error }, 'sessions failed to start');
  process.exit(1);
});
