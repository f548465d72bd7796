import { randomUUID } from 'node:crypto';
import type { EventStreamFilter } from './public-events';

/** What an SSE client needs of its HTTP response (Node's ServerResponse). */
export interface SseResponse {
  /** False once the socket's buffer is full: wait for 'drain' before writing more. */
  write(chunk: string): boolean;
  end(chunk?: string): unknown;
  destroy(): unknown;
  once(event: 'drain' | 'finish' | 'close', listener: () => void): unknown;
}

export interface SseClientOptions {
  /** Bytes of frames a client may have queued while its socket does not drain. */
  maxQueuedBytes: number;
  /** How long a dropped client has to read its last frames before its socket is destroyed. */
  dropGraceMs: number;
}

/** Why and how far behind a client was when it was dropped (also the `dropped` event's data). */
export interface SseDrop {
  clientId: string;
  reason: 'too slow: its queue of events reached the limit';
  queuedBytes: number;
  queuedEvents: number;
  limitBytes: number;
}

export interface SseQueueStats {
  clientId: string;
  queuedBytes: number;
  /** The most this client ever had queued. */
  peakQueuedBytes: number;
}

/**
 * One open event stream. Frames go straight to the socket while it drains; once `write()` says
 * the socket is full, they wait in a queue of at most `maxQueuedBytes` until 'drain'. A client
 * whose queue would grow beyond that is dropped: it gets a last `event: dropped` frame telling it
 * to reconnect, and its socket is closed, so a reader that stopped never costs more than the bound.
 */
export class SseClient {
  readonly id = randomUUID();
  private readonly queue: string[] = [];
  private queuedBytes = 0;
  private peakQueuedBytes = 0;
  private waitingForDrain = false;
  private closed = false;

  constructor(
    readonly filter: EventStreamFilter,
    private readonly res: SseResponse,
    private readonly options: SseClientOptions,
    private readonly onDrop: (drop: SseDrop) => void,
  ) {}

  /** One event frame: written, queued, or the reason this client is dropped. */
  write(frame: string): void {
    if (this.closed) return;
    if (!this.waitingForDrain) return this.send(frame);
    const size = Buffer.byteLength(frame);
    if (this.queuedBytes + size > this.options.maxQueuedBytes) return this.drop();
    this.queue.push(frame);
    this.queuedBytes += size;
    this.peakQueuedBytes = Math.max(this.peakQueuedBytes, this.queuedBytes);
  }

  /** A comment line (`: keep-alive`); a client that is behind has no use for one. */
  comment(text: string): void {
    if (!this.closed && !this.waitingForDrain) this.send(`: ${text}\n\n`);
  }

  /** Ends the response (shutdown). */
  end(): void {
    this.release();
    this.res.end();
  }

  /** The response closed (the client left): forget what was queued. */
  release(): void {
    this.closed = true;
    this.queue.length = 0;
    this.queuedBytes = 0;
  }

  stats(): SseQueueStats {
    const { id: clientId, queuedBytes, peakQueuedBytes } = this;
    return { clientId, queuedBytes, peakQueuedBytes };
  }

  private send(frame: string): void {
    if (this.res.write(frame)) return;
    this.waitingForDrain = true;
    this.res.once('drain', () => this.flush());
  }

  private flush(): void {
    this.waitingForDrain = false;
    let sent = 0;
    while (sent < this.queue.length && !this.closed && !this.waitingForDrain) {
      const frame = this.queue[sent++];
      this.queuedBytes -= Buffer.byteLength(frame);
      this.send(frame);
    }
    this.queue.splice(0, sent);
  }

  private drop(): void {
    const drop: SseDrop = {
      clientId: this.id,
      reason: 'too slow: its queue of events reached the limit',
      queuedBytes: this.queuedBytes,
      queuedEvents: this.queue.length,
      limitBytes: this.options.maxQueuedBytes,
    };
    this.release();
    this.onDrop(drop);
    // EventSource reconnects on its own once the response ends; `retry` is the delay it waits.
    this.res.end(`event: dropped\nretry: 1000\ndata: ${JSON.stringify(drop)}\n\n`);
    const destroy = setTimeout(() => this.res.destroy(), this.options.dropGraceMs);
    destroy.unref();
    const done = () => clearTimeout(destroy);
    this.res.once('finish', done);
    this.res.once('close', done);
  }
}
