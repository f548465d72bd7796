import { RpcReply, RpcRequest, RpcSubject } from '@openlines/contracts';
import { LinesEventFilter, LinesEventPayload, LinesEventType } from './public-events';

/** A live subscription: call it to stop; `ready` resolves once events are being received. */
export interface Unsubscribe {
  (): void;
  readonly ready: Promise<void>;
}

export type EventHandler<E extends LinesEventType> = (
  payload: LinesEventPayload<E>,
) => void | Promise<void>;

/**
 * How the SDK reaches OpenLines: over NATS inside the cluster, or over HTTP through the gateway.
 * Both speak the contracts' RPC catalogue and reject with OpenLinesError carrying the code.
 */
export interface LinesTransport {
  request<S extends RpcSubject>(subject: S, payload: RpcRequest<S>): Promise<RpcReply<S>>;
  subscribe<E extends LinesEventType>(
    type: E,
    filter: LinesEventFilter,
    handler: EventHandler<E>,
    onError: (error: unknown) => void,
  ): Unsubscribe;
  close(): Promise<void>;
}
