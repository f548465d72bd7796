import { ExceptionFilter, INestApplication } from '@nestjs/common';
import { INestMicroservice } from '@nestjs/common';
import type { Logger } from '@openlines/observability';
import type { NatsConnection } from 'nats';
import { CorrelationInterceptor } from '../rpc/correlation.interceptor';
import { DEFAULT_NATS_MAX_PAYLOAD, ReplySizeInterceptor } from '../rpc/reply-size.interceptor';
import { NATS_CONNECTION } from './messaging.tokens';
import { RpcExceptionFilter } from '../rpc/rpc-exception.filter';

/**
 * The global enhancers of every OpenLines handler. Nest reads global enhancers when it registers
 * the handlers, so call this before the microservice starts (for a hybrid app: before
 * connectMicroservice with inheritAppConfig).
 */
export function applyRpcConventions(
  target: INestApplication | INestMicroservice,
  logger: Logger,
  httpFallback?: ExceptionFilter,
): void {
  const maxPayload = (): number => {
    try {
      const nc = target.get<NatsConnection>(NATS_CONNECTION, { strict: false });
      return nc?.info?.max_payload ?? DEFAULT_NATS_MAX_PAYLOAD;
    } catch {
      return DEFAULT_NATS_MAX_PAYLOAD; // a module without MessagingModule
    }
  };
  target.useGlobalInterceptors(new CorrelationInterceptor(), new ReplySizeInterceptor(maxPayload));
  target.useGlobalFilters(new RpcExceptionFilter(logger, httpFallback));
}
