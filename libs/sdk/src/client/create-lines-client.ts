import { Actor, ActorSchema, validate } from '@openlines/contracts';
import { HttpTransport, HttpTransportOptions } from '../transport/http.transport';
import { NatsTransport, NatsTransportOptions } from '../transport/nats.transport';
import { LinesClient } from './lines-client';

interface CommonOptions {
  /** Who acts: sent with every session command (`{ type: 'operator', id }`); absent = the system. */
  actor?: Actor;
}

/** Inside the cluster: `{ servers: 'nats://…' }` (or an open `connection`). */
export type NatsClientOptions = CommonOptions & NatsTransportOptions & { baseUrl?: never };
/** Outside: through the gateway, `{ baseUrl, apiKey }`. */
export type HttpClientOptions = CommonOptions &
  HttpTransportOptions & { servers?: never; connection?: never };
export type LinesClientOptions = NatsClientOptions | HttpClientOptions;

/**
 * The object to use in place of ELMA365's `System.lines`: `lines`, `channels`, `clients`,
 * `sessions`, `messages`, `metrics`, `operators`, and live subscriptions. Over NATS the
 * connection opens in the background; call `close()` when done.
 */
export function createLinesClient(options: LinesClientOptions): LinesClient {
  const actor =
    options.actor === undefined ? undefined : validate(ActorSchema, options.actor, 'actor');
  if ('baseUrl' in options && options.baseUrl !== undefined) {
    return new LinesClient(new HttpTransport(options), actor);
  }
  return new LinesClient(new NatsTransport(options as NatsTransportOptions), actor);
}
