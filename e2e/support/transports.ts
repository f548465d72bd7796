import { Actor, createLinesClient, LinesClient } from '@openlines/sdk';
import { RunningSystem } from './system';

export type TransportName = 'nats' | 'http';
export const TRANSPORTS: TransportName[] = ['nats', 'http'];

/** The same SDK over either transport: NATS inside the cluster, HTTP through the gateway. */
export function clientFor(
  transport: TransportName,
  system: RunningSystem,
  actor?: Actor,
): LinesClient {
  return transport === 'nats'
    ? createLinesClient({ servers: system.natsUrl, subjectPrefix: system.subjectPrefix, actor })
    : createLinesClient({ baseUrl: system.gatewayUrl, apiKey: system.apiKey, actor });
}
