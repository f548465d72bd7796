import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import { ErrorBody, ErrorCode, OpenLinesError } from '@openlines/contracts';
import { LOGGER, Logger } from '@openlines/observability';
import type { HttpResponse as Response } from './express-types';
import { httpStatusOf } from './error-status';

const CODE_OF_HTTP_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthorized,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
};

/**
 * Every error of the gateway's API as `{ code, message, details }` with the status of its code.
 * Unexpected errors are logged and answered as INTERNAL without internals.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (response.headersSent) {
      // An SSE stream already started: nothing but closing is left.
      response.end();
      return;
    }
    response.status(httpStatusOf(body)).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof OpenLinesError) return exception.toBody();
    if (
      exception instanceof HttpException &&
      CODE_OF_HTTP_STATUS[exception.getStatus()] !== undefined
    ) {
      return { code: CODE_OF_HTTP_STATUS[exception.getStatus()], message: exception.message };
    }
    this.logger.error({ err: exception }, 'unexpected error in gateway request');
    return { code: ErrorCode.Internal, message: 'Internal error' };
  }
}
