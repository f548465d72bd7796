import { bootstrapService } from '@openlines/messaging';
import { createLogger } from '@openlines/observability';
import { announceStore } from '@openlines/persistence';
import { configureChannelsHttp } from './channels.http';
import { ChannelsModule } from './channels.module';
import { channelsConfigFromEnv } from './config/channels.config';

const config = channelsConfigFromEnv();
const logger = createLogger(config.serviceName, config.logLevel ? { level: config.logLevel } : {});
announceStore(config.store, logger);
bootstrapService({
  name: config.serviceName,
  module: ChannelsModule.forRoot(config),
  httpPort: config.httpPort,
  natsConfig: config.nats,
  logger,
  configure: configureChannelsHttp,
}).catch((error: unknown) => {
  logger.fatal({ err: error }, 'channels failed to start');
  process.exit(1);
});
