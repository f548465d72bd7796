import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@openlines/messaging';
import { ApiKeyGuard } from './auth/api-key.guard';
import { ApiKeys } from './auth/api-keys';
import { GATEWAY_CONFIG, GatewayConfig } from './config/gateway.config';
import { DocsController } from './docs/docs.controller';
import { EventHub } from './events/event-hub.service';
import { EventsController } from './events/events.controller';
import { HttpErrorFilter } from './http/http-error.filter';
import { RpcController } from './rpc/rpc.controller';
import { RpcForwarder } from './rpc/rpc-forwarder.service';

export const GATEWAY_SERVICE_NAME = 'gateway';

/**
 * HTTP REST + SSE in front of the services: API-key guard, RPC forwarding over NATS, live events,
 * OpenAPI docs. Nothing persistent. EventsController comes before RpcController, whose `/v1/*`
 * catch-all would otherwise take `GET /v1/events`.
 */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [MessagingModule.forRoot({ serviceName: GATEWAY_SERVICE_NAME })],
      controllers: [EventsController, DocsController, RpcController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: ApiKeys, useFactory: () => new ApiKeys(config.apiKeys) },
        ApiKeyGuard,
        HttpErrorFilter,
        RpcForwarder,
        EventHub,
      ],
    };
  }
}
