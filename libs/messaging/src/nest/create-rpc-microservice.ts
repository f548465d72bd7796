import { DynamicModule, INestMicroservice, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger, PinoNestLogger, createLogger } from '@openlines/observability';
import { NatsConfig, natsConfigFromEnv } from '../config/nats.config';
import { natsMicroserviceOptions } from './nats-microservice.options';
import { applyRpcConventions } from './rpc-conventions';

export interface RpcMicroserviceOptions {
  name: string;
  module: Type<unknown> | DynamicModule;
  natsConfig?: NatsConfig;
  logger?: Logger;
  /** See NatsMicroserviceExtras.gracePeriodMs. */
  gracePeriodMs?: number;
}

/**
 * A service without an HTTP server (embedded mode, tests): the module's RPC handlers on NATS with
 * the OpenLines filter and correlation interceptor, started and listening.
 */
export async function createRpcMicroservice(
  options: RpcMicroserviceOptions,
): Promise<INestMicroservice> {
  const logger = options.logger ?? createLogger(options.name);
  const natsConfig = options.natsConfig ?? natsConfigFromEnv(process.env);
  const microservice = await NestFactory.createMicroservice(options.module, {
    ...natsMicroserviceOptions(options.name, natsConfig, {
      gracePeriodMs: options.gracePeriodMs,
      logger,
    }),
    logger: new PinoNestLogger(logger),
  });
  applyRpcConventions(microservice, logger);
  await microservice.listen();
  return microservice;
}
