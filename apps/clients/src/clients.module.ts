import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@openlines/messaging';
import { createLogger } from '@openlines/observability';
import { CLIENT_HANDLERS, CLIENT_PROVIDERS } from './clients/clients.providers';
import { CLIENTS_CONFIG, ClientsConfig, clientsConfigFromEnv } from './config/clients.config';

/**
 * The clients service: customers per (channel, account), their link to an app item, extra data
 * and block status (RPC lines.clients.*, client.changed events). It asks the channels service
 * about channels and lines over RPC.
 */
@Module({})
export class ClientsModule {
  static forRoot(config: ClientsConfig = clientsConfigFromEnv()): DynamicModule {
    return {
      module: ClientsModule,
      imports: [
        MessagingModule.forRoot({
          serviceName: config.serviceName,
          natsConfig: config.nats,
          logger: createLogger(
            config.serviceName,
            config.logLevel ? { level: config.logLevel } : {},
          ),
        }),
      ],
      controllers: CLIENT_HANDLERS,
      providers: [{ provide: CLIENTS_CONFIG, useValue: config }, ...CLIENT_PROVIDERS],
    };
  }
}
