import { Actor, RpcReply, RpcRequest, RpcSubject } from '@openlines/contracts';
import { LinesTransport } from '../transport/lines-transport';

/** What every collection and item of one client shares: the transport and the acting identity. */
export class SdkContext {
  constructor(
    readonly transport: LinesTransport,
    private readonly actor: Actor | undefined,
  ) {}

  call<S extends RpcSubject>(subject: S, payload: RpcRequest<S>): Promise<RpcReply<S>> {
    return this.transport.request(subject, payload);
  }

  /**
   * `{ actor }` for the requests whose contract carries one (the session commands); absent when
   * the client was created without an actor, which the services read as the system.
   */
  actorField(): { actor?: Actor } {
    return this.actor === undefined ? {} : { actor: { ...this.actor } };
  }

  /** sessions.create names its operator: the configured actor, as the contract requires one. */
  requiredActor(): Actor {
    return this.actor === undefined ? { type: 'system' } : { ...this.actor };
  }
}
