import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { errorOfResponse } from '../errors/lines.error';
import { EventHandler } from './lines-transport';
import { deliverEvent } from './event-delivery';
import { LinesEventFilter, LinesEventType } from './public-events';
import { SseParser } from './sse-parser';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;
/** Refusals that a retry cannot fix: a bad key or a bad filter. */
const FATAL = new Set<ErrorCode>([
  ErrorCode.Unauthorized,
  ErrorCode.Forbidden,
  ErrorCode.ValidationFailed,
]);

/**
 * One SSE stream of the gateway for one event type. It reconnects with back-off when the stream
 * drops (events published while disconnected are missed: it is a live feed, not a log), and
 * stops for good on a refusal. `ready` resolves when the gateway has registered the stream.
 */
export class SseSubscription<E extends LinesEventType> {
  readonly ready: Promise<void>;
  private markReady!: () => void;
  private failReady!: (error: unknown) => void;
  private readonly abort = new AbortController();

  constructor(
    private readonly target: { url: string; headers: Record<string, string> },
    private readonly type: E,
    private readonly filter: LinesEventFilter,
    private readonly handler: EventHandler<E>,
    private readonly onError: (error: unknown) => void,
  ) {
    this.ready = new Promise<void>((resolve, reject) => {
      this.markReady = resolve;
      this.failReady = reject;
    });
    // A caller that never awaits `ready` must not see an unhandled rejection.
    this.ready.catch(() => undefined);
    void this.run();
  }

  stop(): void {
    this.abort.abort();
    this.markReady();
  }

  private get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  private async run(): Promise<void> {
    let delay = FIRST_RETRY_MS;
    while (!this.stopped) {
      try {
        const response = await fetch(this.target.url, {
          headers: { ...this.target.headers, accept: 'text/event-stream' },
          signal: this.abort.signal,
        });
        if (!response.ok || response.body === null) {
          const error = errorOfResponse(
            response.status,
            await response.json().catch(() => undefined),
          );
          if (FATAL.has(error.code)) return this.fail(error);
          throw error;
        }
        this.markReady();
        delay = FIRST_RETRY_MS;
        await this.read(response.body);
      } catch (error) {
        if (this.stopped) return;
        this.onError(error);
      }
      await this.pause(delay);
      delay = Math.min(delay * 2, MAX_RETRY_MS);
    }
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const parser = new SseParser();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      for (const event of parser.push(decoder.decode(value, { stream: true }))) {
        if (event.event !== this.type) continue;
        await deliverEvent(
          this.type,
          () => JSON.parse(event.data),
          this.filter,
          this.handler,
          this.onError,
        );
      }
    }
  }

  private fail(error: OpenLinesError): void {
    this.abort.abort();
    this.failReady(error);
    this.onError(error);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.abort.signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
  }
}
