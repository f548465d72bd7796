import { Logger, runWithoutCorrelation } from '@openlines/observability';
import { EventPublisher } from '../events/event.publisher';
import { OutboxRecord, OutboxRepository } from './outbox.types';
import { OUTBOX_VERIFY_AFTER_MS, PublishedEventIndex } from './published-event-index';

export interface OutboxRelayOptions {
  repository: OutboxRepository;
  publisher: EventPublisher;
  logger: Logger;
  /** Records read per round. Default 100. */
  batchSize?: number;
  /** Safety poll for records left behind by a crash (no kick came). Default 5 s. */
  pollIntervalMs?: number;
  /**
   * Records older than this are looked up in the stream before they are published (see
   * PublishedEventIndex). Default OUTBOX_VERIFY_AFTER_MS (half the duplicate window).
   */
  verifyAfterMs?: number;
  /** Default: one over the publisher's connection, created when first needed. */
  publishedIndex?: PublishedEventIndex;
}

/**
 * Publishes outbox records in order. Publish uses Nats-Msg-Id = eventId, so a crash between
 * publish and markPublished re-publishes a record that the stream then drops as a duplicate;
 * a record older than the duplicate window covers is first looked up in the stream, so even a
 * relay that comes back much later stores no second copy.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly log: Logger;
  private readonly verifyAfterMs: number;
  private index?: PublishedEventIndex;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private started = false;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 100;
    this.pollIntervalMs = options.pollIntervalMs ?? 5000;
    this.verifyAfterMs = options.verifyAfterMs ?? OUTBOX_VERIFY_AFTER_MS;
    this.index = options.publishedIndex;
    this.log = options.logger.child({ component: 'outbox-relay' });
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.timer = setInterval(() => this.kick(), this.pollIntervalMs);
    this.kick();
  }

  /** Call after each outbox write; rounds never overlap, a kick during one schedules another. */
  kick(): void {
    if (!this.started) return;
    if (this.running) {
      this.again = true;
      return;
    }
    // A kick comes from inside a request: the round is not part of it, each record carries its own id.
    this.running = runWithoutCorrelation(() => this.drain()).finally(() => {
      this.running = undefined;
      if (this.again && this.started) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Stops polling and waits for the round in flight. */
  async stop(): Promise<void> {
    this.started = false;
    clearInterval(this.timer);
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      let published: number;
      do {
        published = await this.publishBatch();
      } while (published === this.batchSize && this.started);
    } catch (error) {
      // The records stay pending; the next kick or poll retries them.
      this.log.error({ err: error }, 'outbox relay round failed');
    }
  }

  private async publishBatch(): Promise<number> {
    const records = await this.options.repository.listPending(this.batchSize);
    const stored = await this.alreadyStored(records);
    const done: string[] = [];
    let duplicates = 0;
    try {
      for (const record of records) {
        if (record.payload.eventId !== record.eventId) {
          throw new Error(
            `outbox record ${record.eventId} carries event ${record.payload.eventId}`,
          );
        }
        if (!stored.has(record.eventId)) {
          const result = await this.options.publisher.publish(record.subject, record.payload, {
            headers: record.headers,
          });
          if (result.duplicate) duplicates += 1;
          this.log.debug(
            { eventId: record.eventId, subject: record.subject, ...result },
            'outbox record published',
          );
        }
        done.push(record.eventId);
      }
    } finally {
      if (done.length > 0) await this.options.repository.markPublished(done, new Date());
      if (duplicates + stored.size > 0) {
        // A crash (or a lost ack) after an earlier publish: the stream kept its first copy.
        this.log.info(
          { duplicates, foundInStream: stored.size },
          'outbox records were already in the stream: not stored twice',
        );
      }
    }
    return done.length;
  }

  /** The ids among the records too old for the duplicate window that the stream already holds. */
  private async alreadyStored(records: readonly OutboxRecord[]): Promise<Set<string>> {
    const cutoff = Date.now() - this.verifyAfterMs;
    const old = records.filter((record) => record.createdAt.getTime() < cutoff);
    if (old.length === 0) return new Set();
    this.index ??= new PublishedEventIndex(this.options.publisher.connection);
    return this.index.published(old);
  }
}
