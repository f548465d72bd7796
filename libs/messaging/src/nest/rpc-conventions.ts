import { ExceptionFilter, INestApplication } from '@nestjs/common';
import { INestMicroservice } from '@nestjs/common';
import type { Logger } from '@openlines/observability';
import { CorrelationInterceptor } from '../rpc/correlation.interceptor';
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
  target.useGlobalInterceptors(new CorrelationInterceptor());
  target.useGlobalFilters(new RpcExceptionFilter(logger, httpFallback));
}
