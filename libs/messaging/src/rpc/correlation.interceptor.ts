import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { Observable } from 'rxjs';
import { CORRELATION_ID_HEADER } from '@openlines/contracts';
import { newCorrelationId, runWithCorrelation } from '@openlines/observability';
import { correlationIdOf } from '../events/message-headers';

interface HttpRequestLike {
  headers?: Record<string, string | string[] | undefined>;
}
interface HttpResponseLike {
  setHeader?: (name: string, value: string) => void;
}

/**
 * Runs every handler inside a correlation id: the caller's (NATS header or HTTP
 * `X-Correlation-Id`) or a new one, so its logs, RPCs and events carry it.
 */
@Injectable()
export class CorrelationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const correlationId = this.incoming(context) ?? newCorrelationId();
    if (context.getType() === 'http') {
      context
        .switchToHttp()
        .getResponse<HttpResponseLike>()
        .setHeader?.(CORRELATION_ID_HEADER, correlationId);
    }
    // Nest binds the handler's async context when handle() is called, so calling it inside the
    // run makes the id visible in the handler and everything it awaits.
    return runWithCorrelation(correlationId, () => next.handle());
  }

  private incoming(context: ExecutionContext): string | undefined {
    if (context.getType() === 'rpc') {
      const rpc = context.switchToRpc().getContext<unknown>();
      return rpc instanceof NatsContext ? correlationIdOf(rpc.getHeaders()) : undefined;
    }
    if (context.getType() === 'http') {
      const value = context.switchToHttp().getRequest<HttpRequestLike>().headers?.[
        CORRELATION_ID_HEADER.toLowerCase()
      ];
      const id = Array.isArray(value) ? value[0] : value;
      return id && id.length <= 200 ? id : undefined;
    }
    return undefined;
  }
}
