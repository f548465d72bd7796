import { DynamicModule, INestApplication, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  HealthModule,
  HealthRegistry,
  Logger,
  PinoNestLogger,
  createLogger,
} from '@openlines/observability';
import { NatsConfig, natsConfigFromEnv } from '../config/nats.config';
import { HttpErrorBodyFilter } from '../http/http-error-body.filter';
import { DurableConsumers } from './durable-consumers';
import { natsMicroserviceOptions } from './nats-microservice.options';
import { applyRpcConventions } from './rpc-conventions';

export interface BootstrapOptions {
  /** Service name: logger `service` field and RPC queue group. */
  name: string;
  /** The service's root module (it imports MessagingModule.forRoot). */
  module: Type<unknown> | DynamicModule;
  /** HTTP port of the probes (and of the gateway's API); 0 picks a free one. */
  httpPort: number;
  httpHost?: string;
  natsConfig?: NatsConfig;
  logger?: Logger;
  /** Grace for in-flight RPCs on shutdown. Default 2000 ms. */
  gracePeriodMs?: number;
  /** Extra HTTP setup (middleware, filters, CORS) before the app starts. */
  configure?: (app: INestApplication) => void | Promise<void>;
  /** Install SIGTERM/SIGINT handlers that shut down and exit. Default true. */
  handleSignals?: boolean;
}

export interface RunningService {
  app: INestApplication;
  httpUrl: string;
  /** Readiness off, consumers stopped, RPC and HTTP closed, NATS drained. Idempotent. */
  close(): Promise<void>;
}

const SHUTDOWN_DEADLINE_MS = 25_000;

/** Starts one service: HTTP app (probes) + NATS RPC microservice, with graceful shutdown. */
export async function bootstrapService(options: BootstrapOptions): Promise<RunningService> {
  const logger = options.logger ?? createLogger(options.name);
  const natsConfig = options.natsConfig ?? natsConfigFromEnv(process.env);
  @Module({ imports: [options.module, HealthModule] })
  class ServiceRootModule {}

  const app = await NestFactory.create(ServiceRootModule, { logger: new PinoNestLogger(logger) });
  // HTTP errors (unknown routes, body parser, middleware included) answer ErrorBody like RPC ones.
  applyRpcConventions(app, logger, new HttpErrorBodyFilter(logger));
  await options.configure?.(app);
  const rpcServer = app.connectMicroservice(
    natsMicroserviceOptions(options.name, natsConfig, {
      gracePeriodMs: options.gracePeriodMs,
      logger,
    }),
    { inheritAppConfig: true },
  );
  // The RPC transport has its own NATS connection: readiness follows it too.
  let rpcStatus = 'starting';
  const statusSubscription = rpcServer.status.subscribe((status) => (rpcStatus = status));
  app.get(HealthRegistry, { strict: false }).registerReadiness('rpc', () => {
    if (rpcStatus !== 'connected') throw new Error(`RPC transport ${rpcStatus}`);
  });
  await app.startAllMicroservices();
  await app.listen(options.httpPort, options.httpHost ?? '0.0.0.0');
  const httpUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      app.get(HealthRegistry, { strict: false }).markShuttingDown();
      await findConsumers(app)?.stopAll();
      await app.close();
      statusSubscription.unsubscribe();
      logger.info('service stopped');
    })();
    return closing;
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error({ deadlineMs: SHUTDOWN_DEADLINE_MS }, 'shutdown took too long: exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  if (options.handleSignals ?? true) {
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  logger.info(
    {
      http: httpUrl,
      nats: natsConfig.servers,
      queue: options.name,
      subjectPrefix: natsConfig.subjectPrefix,
    },
    `${options.name} listening`,
  );
  return { app, httpUrl, close };
}

function findConsumers(app: INestApplication): DurableConsumers | undefined {
  try {
    return app.get(DurableConsumers, { strict: false });
  } catch {
    return undefined;
  }
}
