import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import { NatsContext, RpcException } from '@nestjs/microservices';
import { Observable, throwError } from 'rxjs';
import { ZodError } from 'zod';
import { ErrorBody, ErrorCode, OpenLinesError, isErrorBody } from '@openlines/contracts';
import type { Logger } from '@openlines/observability';
import { validationErrorFromZod } from '../errors/zod-error';
import { correlationIdOf } from '../events/message-headers';

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthorized,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  408: ErrorCode.Timeout,
  503: ErrorCode.Unavailable,
};

/**
 * Global filter of every RPC handler: the caller receives `{ code, message, details }` as the
 * Nest reply's `err`, so RpcClient can rebuild the OpenLinesError. Unexpected errors are logged
 * here with their stack and reach the caller only as INTERNAL "Internal error".
 * In an HTTP context it hands the exception to `httpFallback` (Nest's default filter).
 */
@Catch()
export class RpcExceptionFilter implements ExceptionFilter {
  constructor(
    private readonly logger: Logger,
    private readonly httpFallback?: ExceptionFilter,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | unknown {
    if (host.getType() !== 'rpc') {
      if (this.httpFallback) return this.httpFallback.catch(exception, host);
      throw exception;
    }
    return throwError(() => this.toBody(exception, host));
  }

  toBody(exception: unknown, host?: ArgumentsHost): ErrorBody {
    if (exception instanceof OpenLinesError) return exception.toBody();
    if (exception instanceof ZodError) return validationErrorFromZod(exception, 'request').toBody();
    if (exception instanceof RpcException && isErrorBody(exception.getError())) {
      return exception.getError() as ErrorBody;
    }
    if (
      exception instanceof HttpException &&
      HTTP_STATUS_CODES[exception.getStatus()] !== undefined
    ) {
      return { code: HTTP_STATUS_CODES[exception.getStatus()], message: exception.message };
    }
    const context = host?.switchToRpc().getContext<unknown>();
    const nats = context instanceof NatsContext ? context : undefined;
    this.logger.error(
      {
        err: exception,
        subject: nats?.getSubject(),
        correlationId: correlationIdOf(nats?.getHeaders()),
      },
      'unexpected error in RPC handler',
    );
    return { code: ErrorCode.Internal, message: 'Internal error' };
  }
}
