import { JsMsg, NatsConnection } from 'nats';
import { LINES_EVENTS_STREAM, MSG_ID_HEADER } from '@openlines/contracts';
import { EVENTS_DUPLICATE_WINDOW_MS } from '../streams/event-streams';

/**
 * A pending outbox record older than this may have a copy in the stream that the duplicate
 * window no longer covers: half the window, so that clock differences and slow rounds fit.
 */
export const OUTBOX_VERIFY_AFTER_MS = EVENTS_DUPLICATE_WINDOW_MS / 2;

export interface PendingEventRef {
  eventId: string;
  /** When the record was written; its first publish can only have been later. */
  createdAt: Date;
}

export interface PublishedEventIndexOptions {
  stream?: string;
  /** Read this much before a record's createdAt: the NATS host's clock may run behind. Default 60 s. */
  clockSkewMs?: number;
  /** Longest one read of the stream may take before the round fails (and is retried). Default 30 s. */
  readTimeoutMs?: number;
}

const BATCH = 1000;
const FETCH_EXPIRES_MS = 1000;

/**
 * Which events the stream already holds, for outbox records the duplicate window may no longer
 * cover. JetStream drops a re-published Nats-Msg-Id only within EVENTS_DUPLICATE_WINDOW_MS of its
 * first copy; a record still pending after longer (its relay died after the publish and came back
 * later, or a copy was stored while the ack was lost in an outage longer than the window) would
 * be stored a second time. The relays ask here about such old records before publishing them:
 * the index reads the ids (headers only) of every message stored since the oldest of them, once,
 * then only what was added since; it forgets everything once unused for a window.
 */
export class PublishedEventIndex {
  private readonly stream: string;
  private readonly clockSkewMs: number;
  private readonly readTimeoutMs: number;
  private readonly ids = new Set<string>();
  /** The messages read: every one stored at or after `since`, from firstSeq to lastSeq. */
  private covered?: { since: number; firstSeq: number; lastSeq: number };
  private lastUsed = 0;

  constructor(
    private readonly nc: NatsConnection,
    options: PublishedEventIndexOptions = {},
  ) {
    this.stream = options.stream ?? LINES_EVENTS_STREAM;
    this.clockSkewMs = options.clockSkewMs ?? 60_000;
    this.readTimeoutMs = options.readTimeoutMs ?? 30_000;
  }

  /** The ids among `events` that the stream holds now. */
  async published(events: readonly PendingEventRef[]): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    const now = Date.now();
    if (now - this.lastUsed > EVENTS_DUPLICATE_WINDOW_MS) this.forget();
    this.lastUsed = now;
    const oldest = Math.min(...events.map((event) => event.createdAt.getTime()));
    await this.cover(oldest - this.clockSkewMs);
    return new Set(events.map((e) => e.eventId).filter((id) => this.ids.has(id)));
  }

  forget(): void {
    this.ids.clear();
    this.covered = undefined;
  }

  private async cover(since: number): Promise<void> {
    const jsm = await this.nc.jetstreamManager();
    const last = (await jsm.streams.info(this.stream)).state.last_seq;
    const deadline = Date.now() + this.readTimeoutMs;
    if (this.covered === undefined) {
      const first = await this.read(
        { opt_start_time: new Date(since).toISOString() },
        last,
        deadline,
      );
      this.covered = { since, firstSeq: first ?? last + 1, lastSeq: last };
      return;
    }
    const covered = this.covered;
    if (since < covered.since) {
      const start = { opt_start_time: new Date(since).toISOString() };
      const first = await this.read(start, covered.firstSeq - 1, deadline);
      Object.assign(covered, {
        since,
        firstSeq: Math.min(first ?? covered.firstSeq, covered.firstSeq),
      });
    }
    if (last > covered.lastSeq) {
      await this.read({ opt_start_seq: covered.lastSeq + 1 }, last, deadline);
      covered.lastSeq = last;
    }
  }

  /**
   * Reads ids from `start` through sequence `through` (an ordered consumer, headers only);
   * returns the first sequence read, if any.
   */
  private async read(
    start: { opt_start_time: string } | { opt_start_seq: number },
    through: number,
    deadline: number,
  ): Promise<number | undefined> {
    const consumer = await this.nc
      .jetstream()
      .consumers.get(this.stream, { ...start, headers_only: true });
    let first: number | undefined;
    const take = (msg: JsMsg): boolean => {
      if (msg.seq > through) return false;
      first ??= msg.seq;
      const id = msg.headers?.get(MSG_ID_HEADER);
      if (id) this.ids.add(id);
      return msg.seq < through && msg.info.pending > 0;
    };
    try {
      for (let more = true; more;) {
        if (Date.now() > deadline)
          throw new Error(`reading ${this.stream} for published event ids timed out`);
        const batch = await consumer.fetch({ max_messages: BATCH, expires: FETCH_EXPIRES_MS });
        let got = 0;
        for await (const msg of batch) {
          got += 1;
          more = take(msg);
          if (!more) break;
        }
        if (got === 0) more = false;
        if (!more) batch.stop();
      }
    } finally {
      await consumer.delete().catch(() => undefined);
    }
    return first;
  }
}
