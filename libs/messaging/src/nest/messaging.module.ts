import {
  DynamicModule,
  Inject,
  Injectable,
  Module,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { NatsConnection } from 'nats';
import {
  HealthModule,
  HealthRegistry,
  LOGGER,
  Logger,
  createLogger,
} from '@openlines/observability';
import { NatsConfig, natsConfigFromEnv } from '../config/nats.config';
import { connectNats, isNatsReachable } from '../connection/nats.connection';
import { EventPublisher } from '../events/event.publisher';
import { RpcClient } from '../rpc/rpc.client';
import { DEFAULT_NATS_MAX_PAYLOAD, ReplySizeInterceptor } from '../rpc/reply-size.interceptor';
import { ensureEventStreams } from '../streams/event-streams';
import { DurableConsumers } from './durable-consumers';
import { NATS_CONFIG, NATS_CONNECTION } from './messaging.tokens';

export interface MessagingModuleOptions {
  /** Names the connection and the logger; also the RPC queue group in natsMicroserviceOptions. */
  serviceName: string;
  /** Defaults to natsConfigFromEnv(process.env), read when the module starts. */
  natsConfig?: NatsConfig;
  /** Defaults to createLogger(serviceName). */
  logger?: Logger;
}

/** Registers the 'nats' and 'consumers' readiness checks; drains the connection last on shutdown. */
@Injectable()
class MessagingLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly health: HealthRegistry,
    private readonly consumers: DurableConsumers,
  ) {}

  onModuleInit(): void {
    this.health.registerReadiness('nats', () => isNatsReachable(this.nc));
    this.health.registerReadiness('consumers', () => this.consumers.allRunning());
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.nc.isClosed()) return;
    // drain: finish pending publishes/acks and let subscriptions empty before closing.
    await this.nc.drain().catch((error) => this.logger.warn({ err: error }, 'NATS drain failed'));
  }
}

/**
 * One NATS connection per service with what every service needs on it: the event publisher, the
 * RPC client, durable consumers, stream setup and health. Global: import it once in the root module.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [HealthModule],
      providers: [
        { provide: LOGGER, useFactory: () => options.logger ?? createLogger(options.serviceName) },
        {
          provide: NATS_CONFIG,
          useFactory: () => options.natsConfig ?? natsConfigFromEnv(process.env),
        },
        {
          provide: NATS_CONNECTION,
          inject: [NATS_CONFIG, LOGGER],
          useFactory: async (config: NatsConfig, logger: Logger) => {
            const nc = await connectNats(config, logger, options.serviceName);
            await ensureEventStreams(nc);
            return nc;
          },
        },
        {
          provide: EventPublisher,
          inject: [NATS_CONNECTION],
          useFactory: (nc: NatsConnection) => new EventPublisher(nc),
        },
        {
          provide: RpcClient,
          inject: [NATS_CONNECTION, NATS_CONFIG],
          useFactory: (nc: NatsConnection, config: NatsConfig) =>
            new RpcClient(nc, { subjectPrefix: config.subjectPrefix }),
        },
        {
          provide: DurableConsumers,
          inject: [NATS_CONNECTION, LOGGER],
          useFactory: (nc: NatsConnection, logger: Logger) => new DurableConsumers(nc, logger),
        },
        {
          // Every RPC reply of the service is checked against this server's max payload.
          provide: APP_INTERCEPTOR,
          inject: [NATS_CONNECTION],
          useFactory: (nc: NatsConnection) =>
            new ReplySizeInterceptor(() => nc.info?.max_payload ?? DEFAULT_NATS_MAX_PAYLOAD),
        },
        MessagingLifecycle,
      ],
      exports: [LOGGER, NATS_CONFIG, NATS_CONNECTION, EventPublisher, RpcClient, DurableConsumers],
    };
  }
}
