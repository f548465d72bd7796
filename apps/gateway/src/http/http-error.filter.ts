import { Catch, Inject } from '@nestjs/common';
import { HttpErrorBodyFilter } from '@openlines/messaging';
import { LOGGER, Logger } from '@openlines/observability';

/**
 * Every error of the gateway's API as `{ code, message, details }` with the status of its code
 * (libs/messaging http-error-reply.ts); a 503 carries Retry-After. Unexpected errors are logged and
 * answered as INTERNAL without internals. Errors outside the controllers (unknown routes, body
 * parser) get the same treatment from the service-wide filter of bootstrapService.
 */
@Catch()
export class HttpErrorFilter extends HttpErrorBodyFilter {
  constructor(@Inject(LOGGER) logger: Logger) {
    super(logger);
  }
}
