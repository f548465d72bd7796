import { bootstrapService } from '@openlines/messaging';
import { createLogger } from '@openlines/observability';
import { announceStore } from '@openlines/persistence';
import { ClientsModule } from './clients.module';
import { clientsConfigFromEnv } from './config/clients.config';

const config = clientsConfigFromEnv();
const logger = createLogger(config.serviceName, config.logLevel ? { level: config.logLevel } : {});
announceStore(config.store, logger);
bootstrapService({
  name: config.serviceName,
  module: ClientsModule.forRoot(config),
  httpPort: config.httpPort,
  natsConfig: config.nats,
  logger,
}).catch((error: unknown) => {
  logger.fatal({ err: error }, 'clients failed to start');
  process.exit(1);
});
