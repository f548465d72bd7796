import type { IncomingMessage, ServerResponse } from 'node:http';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { Logger } from '@openlines/observability';
import { HttpStatusOf, defaultHttpStatusOf, httpErrorReply } from './http-error-reply';

/** What a 503 tells the caller: try again in a few seconds (messengers and SDKs retry). */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The HTTP side of a service's errors: every error of every route (and of the middleware and
 * body parser before them, and Nest's 404 for an unknown route) answers `{ code, message,
 * details }` with its status; a 503 says when to retry; an error nobody mapped is logged.
 * bootstrapService installs it for the HTTP context of every service.
 */
@Catch()
export class HttpErrorBodyFilter implements ExceptionFilter {
  constructor(
    private readonly logger: Logger,
    private readonly statusOf: HttpStatusOf = defaultHttpStatusOf,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<ServerResponse>();
    const reply = httpErrorReply(exception, this.statusOf);
    if (reply.unexpected) {
      const request = http.getRequest<IncomingMessage>();
      this.logger.error(
        {
          err: exception instanceof HttpException ? (exception.cause ?? exception) : exception,
          method: request.method,
          // Without the query string, which may carry a visitor's token.
          path: request.url?.split('?')[0],
        },
        'unexpected error in HTTP request',
      );
    }
    if (response.headersSent) {
      // A stream (SSE) already started: nothing but closing is left.
      response.end();
      return;
    }
    response.statusCode = reply.status;
    response.setHeader('content-type', 'application/json; charset=utf-8');
    if (reply.status === 503) response.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
    response.end(JSON.stringify(reply.body));
  }
}
