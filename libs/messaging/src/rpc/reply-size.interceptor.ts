import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable, map } from 'rxjs';
import { OpenLinesError } from '@openlines/contracts';

/** NATS's default `max_payload`; the server's own value is used when the connection knows it. */
export const DEFAULT_NATS_MAX_PAYLOAD = 1024 * 1024;
/** Room for the Nest packet envelope and headers around the reply. */
const ENVELOPE_BYTES = 4 * 1024;

/**
 * A reply larger than the server's max payload cannot be published: the caller would only see a
 * TIMEOUT. Refuse it instead with VALIDATION_FAILED naming `size`, so the caller asks for a
 * smaller page (search pages may hold up to 10,000 items, which large items can exceed).
 */
@Injectable()
export class ReplySizeInterceptor implements NestInterceptor {
  constructor(private readonly maxPayload: () => number = () => DEFAULT_NATS_MAX_PAYLOAD) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    return next.handle().pipe(map((reply) => this.checked(reply)));
  }

  private checked(reply: unknown): unknown {
    const limit = this.maxPayload() - ENVELOPE_BYTES;
    const bytes = Buffer.byteLength(JSON.stringify(reply ?? null));
    if (bytes <= limit) return reply;
    throw OpenLinesError.validation(
      `reply of ${bytes} bytes exceeds the NATS max payload (${limit} bytes usable): request a smaller page`,
      [{ field: 'size', message: `the reply would be ${bytes} bytes; ask for fewer items` }],
    );
  }
}
