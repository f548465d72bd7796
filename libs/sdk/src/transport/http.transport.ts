import {
  ErrorCode,
  OpenLinesError,
  RpcReply,
  RpcRequest,
  RpcSubject,
  serialisationError,
} from '@openlines/contracts';
import { errorOfResponse } from '../errors/lines.error';
import { EventHandler, LinesTransport, Unsubscribe } from './lines-transport';
import { LinesEventFilter, LinesEventType } from './public-events';
import { SseSubscription } from './sse-subscription';

export interface HttpTransportOptions {
  /** The gateway, e.g. `https://lines.example.com` (a path prefix is kept). */
  baseUrl: string;
  apiKey: string;
  /** Per request; default 15 s. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Speaks to the gateway: every RPC subject `lines.<collection>.<verb>` is
 * `POST /v1/rpc/<collection>/<verb>` with the request as JSON body; events come from the SSE
 * stream `GET /v1/events`.
 */
export class HttpTransport implements LinesTransport {
  private readonly baseUrl: string;
  private readonly subscriptions = new Set<{ stop(): void }>();

  constructor(private readonly options: HttpTransportOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  async request<S extends RpcSubject>(subject: S, payload: RpcRequest<S>): Promise<RpcReply<S>> {
    const [, collection, verb] = subject.split('.');
    const url = `${this.baseUrl}/v1/rpc/${collection}/${verb}`;
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const body = encodeBody(subject, payload);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          ...this.authHeaders(),
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw transportError(error, subject, timeoutMs);
    }
    const reply: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw errorOfResponse(response.status, reply);
    return reply as RpcReply<S>;
  }

  subscribe<E extends LinesEventType>(
    type: E,
    filter: LinesEventFilter,
    handler: EventHandler<E>,
    onError: (error: unknown) => void,
  ): Unsubscribe {
    const query = new URLSearchParams({ types: type });
    if (filter.lineId !== undefined) query.set('lineId', filter.lineId);
    if (filter.sessionId !== undefined) query.set('sessionId', filter.sessionId);
    const subscription = new SseSubscription(
      { url: `${this.baseUrl}/v1/events?${query}`, headers: this.authHeaders() },
      type,
      filter,
      handler,
      onError,
    );
    this.subscriptions.add(subscription);
    const unsubscribe = () => {
      this.subscriptions.delete(subscription);
      subscription.stop();
    };
    return Object.assign(unsubscribe, { ready: subscription.ready });
  }

  async close(): Promise<void> {
    for (const subscription of this.subscriptions) subscription.stop();
    this.subscriptions.clear();
  }

  private authHeaders(): Record<string, string> {
    return { authorization: `Bearer ${this.options.apiKey}` };
  }
}

/** A payload JSON cannot carry is the caller's error (VALIDATION_FAILED), not an unreachable gateway. */
function encodeBody(subject: string, payload: unknown): string {
  try {
    return JSON.stringify(payload);
  } catch (error) {
    throw serialisationError(payload, `${subject} request`, error);
  }
}

function transportError(error: unknown, subject: string, timeoutMs: number): OpenLinesError {
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new OpenLinesError(ErrorCode.Timeout, `${subject} timed out after ${timeoutMs} ms`, {
      subject,
      timeoutMs,
    });
  }
  return new OpenLinesError(ErrorCode.Unavailable, `the gateway cannot be reached for ${subject}`, {
    subject,
    reason: error instanceof Error ? error.message : String(error),
  });
}
