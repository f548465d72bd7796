import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventPublisher } from '@openlines/messaging';
import { LOGGER, Logger } from '@openlines/observability';
import { KeyedSerializer } from '../concurrency/keyed-serializer';
import { SESSIONS_CONFIG, SessionsConfig } from '../config/sessions.config';
import { MessageRepository } from '../message/persistence/message.repository';
import { SessionRepository } from '../session/persistence/session.repository';

const SWEEP_BATCH = 500;

/**
 * Relays what a session's compare-and-set left in its document: stores the pending messages
 * (idempotent: unique ids), publishes the pending events in order with Nats-Msg-Id = eventId,
 * then removes both. A crash before the removal only re-publishes events the stream drops as
 * duplicates; a crash before the publish loses nothing (the sweep finds the outbox on restart).
 */
@Injectable()
export class SessionOutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly perSession = new KeyedSerializer();
  private readonly log: Logger;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly sessions: SessionRepository,
    private readonly messages: MessageRepository,
    private readonly publisher: EventPublisher,
    @Inject(SESSIONS_CONFIG) private readonly config: SessionsConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'session-outbox-relay' });
  }

  onApplicationBootstrap(): void {
    if (!this.config.outboxRelayEnabled) {
      this.log.warn('outbox relay disabled (SESSIONS_OUTBOX_RELAY=false): events stay in the outboxes');
      return;
    }
    this.sweep();
    this.timer = setInterval(() => this.sweep(), this.config.outboxSweepMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.sweeping;
    await this.perSession.idle();
  }

  /** Relays one session's outbox now; failures are logged and left to the sweep. Never throws. */
  async flush(sessionId: string): Promise<void> {
    try {
      await this.perSession.run(sessionId, () => this.relay(sessionId));
    } catch (error) {
      this.log.error({ err: error, sessionId }, 'outbox relay failed: the sweep will retry');
    }
  }

  /** Finds outboxes left behind and relays them (at start-up and every SESSIONS_OUTBOX_SWEEP_MS). */
  sweep(): void {
    if (this.sweeping || this.stopped) return;
    this.sweeping = (async () => {
      const ids = await this.sessions.withPendingOutbox(SWEEP_BATCH);
      for (const id of ids) if (!this.stopped) await this.flush(id);
      if (ids.length > 0) this.log.info({ sessions: ids.length }, 'outbox sweep relayed pending events');
    })()
      .catch((error) => this.log.error({ err: error }, 'outbox sweep failed'))
      .finally(() => (this.sweeping = undefined));
  }

  private async relay(sessionId: string): Promise<void> {
    const doc = await this.sessions.findById(sessionId);
    if (doc === null) return;
    for (const message of doc._pendingMessages) await this.messages.insertIfAbsent(message);
    if (!this.config.outboxRelayEnabled || this.stopped) return;
    if (doc._outbox.length === 0 && doc._pendingMessages.length === 0) return;
    const published: string[] = [];
    try {
      for (const event of doc._outbox) {
        await this.publisher.publish(event.subject, { ...event.payload, eventId: event.eventId }, { headers: event.headers });
        published.push(event.eventId);
      }
    } finally {
      const stored = doc._pendingMessages.map((message) => message.__id);
      if (published.length > 0 || stored.length > 0) await this.sessions.removeRelayed(sessionId, published, stored);
    }
  }
}
