import { Inject, Injectable } from '@nestjs/common';
import { RPC_SCHEMAS, RpcSubject, validate } from '@openlines/contracts';
import { RpcClient } from '@openlines/messaging';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway.config';

/**
 * Hands one HTTP call to the service owning its subject. The request is checked against the
 * contract here first, so a bad body is refused at the edge with the same field-by-field
 * VALIDATION_FAILED the service would give, without a NATS round trip. The original body is
 * forwarded (the service applies its own defaults).
 */
@Injectable()
export class RpcForwarder {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async forward(subject: RpcSubject, payload: unknown): Promise<unknown> {
    validate(RPC_SCHEMAS[subject].request, payload, `${subject} request`);
    return this.rpc.request(subject, payload, { timeoutMs: this.config.rpcTimeoutMs });
  }
}
