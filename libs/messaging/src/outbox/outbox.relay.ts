import { Logger, runWithoutCorrelation } from '@openlines/observability';
import { EventPublisher } from '../events/event.publisher';
import { OutboxRepository } from './outbox.types';

export interface OutboxRelayOptions {
  repository: OutboxRepository;
  publisher: EventPublisher;
  logger: Logger;
  /** Records read per round. Default 100. */
  batchSize?: number;
  /** Safety poll for records left behind by a crash (no kick came). Default 5 s. */
  pollIntervalMs?: number;
}

/**
 * Publishes outbox records in order. Publish uses Nats-Msg-Id = eventId, so a crash between
 * publish and markPublished re-publishes a record that the stream then drops as a duplicate.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly log: Logger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private started = false;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 100;
    this.pollIntervalMs = options.pollIntervalMs ?? 5000;
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
    const done: string[] = [];
    try {
      for (const record of records) {
        if (record.payload.eventId !== record.eventId) {
          throw new Error(
            `outbox record ${record.eventId} carries event ${record.payload.eventId}`,
          );
        }
        const result = await this.options.publisher.publish(record.subject, record.payload, {
          headers: record.headers,
        });
        done.push(record.eventId);
        this.log.debug(
          { eventId: record.eventId, subject: record.subject, ...result },
          'outbox record published',
        );
      }
    } finally {
      if (done.length > 0) await this.options.repository.markPublished(done, new Date());
    }
    return done.length;
  }
}
