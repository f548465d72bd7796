import { MicroserviceOptions, NatsOptions, Transport } from '@nestjs/microservices';
import { NatsConfig } from '../config/nats.config';
import { natsConnectionOptions } from '../connection/nats.connection';
import { PrefixedNatsServer } from './prefixed-nats.server';

export interface NatsMicroserviceExtras {
  /**
   * On shutdown, stop taking requests and give those in flight this long before closing.
   * Default 2000; 0 closes at once (tests).
   */
  gracePeriodMs?: number;
}

/**
 * The Nest NATS transport of one service: queue group = service name, so replicas share
 * requests instead of all answering each one; same connection settings as connectNats.
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
  if (natsConfig.subjectPrefix !== undefined) {
    return { strategy: new PrefixedNatsServer(options, natsConfig.subjectPrefix) };
  }
  return { transport: Transport.NATS, options };
}
