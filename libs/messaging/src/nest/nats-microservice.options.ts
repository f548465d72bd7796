import { MicroserviceOptions, NatsOptions } from '@nestjs/microservices';
import { Logger, createLogger } from '@openlines/observability';
import { NatsConfig } from '../config/nats.config';
import { natsConnectionOptions } from '../connection/nats.connection';
import { OpenLinesNatsServer } from './openlines-nats.server';

export interface NatsMicroserviceExtras {
  /**
   * On shutdown, stop taking requests and give those in flight this long before closing.
   * Default 2000; 0 closes at once (tests).
   */
  gracePeriodMs?: number;
  /** Logs refused frames; defaults to createLogger(serviceName). */
  logger?: Logger;
}

/**
 * The Nest NATS transport of one service: queue group = service name, so replicas share
 * requests instead of all answering each one; same connection settings as connectNats. Always
 * OpenLinesNatsServer, prefix or not, so that no frame can take a service down.
 */
export function natsMicroserviceOptions(
  serviceName: string,
  natsConfig: NatsConfig,
  extras: NatsMicroserviceExtras = {},
): MicroserviceOptions {
  const gracePeriodMs = extras.gracePeriodMs ?? 2000;
  const options: Required<NatsOptions>['options'] = {
    ...natsConnectionOptions(natsConfig, `${serviceName}-rpc`),
    queue: serviceName,
    gracefulShutdown: gracePeriodMs > 0,
    gracePeriod: gracePeriodMs,
  };
  const logger = extras.logger ?? createLogger(serviceName);
  return {
    strategy: new OpenLinesNatsServer(options, { subjectPrefix: natsConfig.subjectPrefix, logger }),
  };
}
