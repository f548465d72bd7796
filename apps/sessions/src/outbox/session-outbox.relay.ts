import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventPublisher, OUTBOX_VERIFY_AFTER_MS, PublishedEventIndex } from '@openlines/messaging';
import { LOGGER, Logger } from '@openlines/observability';
import { KeyedSerializer } from '../concurrency/keyed-serializer';
import { SESSIONS_CONFIG, SessionsConfig } from '../config/sessions.config';
import { MessageRepository } from '../message/persistence/message.repository';
import { SessionRepository } from '../session/persistence/session.repository';
import { PendingEvent } from './pending-event';

const SWEEP_BATCH = 500;

/**
 * Relays what a session's compare-and-set left in its document: stores the pending messages
 * (idempotent: unique ids), publishes the pending events in order with Nats-Msg-Id = eventId,
 * then removes both. A crash before the removal only re-publishes events the stream drops as
 * duplicates; a crash before the publish loses nothing (the sweep finds the outbox on restart).
 * An event older than the stream's duplicate window covers (its relay came back late) is looked
 * up in the stream first (PublishedEventIndex), so it is never stored twice either.
 */
@Injectable()
export class SessionOutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly perSession = new KeyedSerializer();
  private readonly log: Logger;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private stopped = false;
  private index?: PublishedEventIndex;

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
    let duplicates = 0;
    try {
      const inStream = await this.alreadyStored(doc._outbox);
      for (const event of doc._outbox) {
        if (!inStream.has(event.eventId)) {
          const payload = { ...event.payload, eventId: event.eventId };
          if ((await this.publisher.publish(event.subject, payload, { headers: event.headers })).duplicate) duplicates += 1;
        }
        published.push(event.eventId);
      }
      if (duplicates + inStream.size > 0) {
        // Published before a crash (or a lost ack), not yet removed: the stream kept its first copy.
        this.log.info({ sessionId, duplicates, foundInStream: inStream.size }, 'outbox events were already in the stream: not stored twice');
      }
    } finally {
      const stored = doc._pendingMessages.map((message) => message.__id);
      if (published.length > 0 || stored.length > 0) await this.sessions.removeRelayed(sessionId, published, stored);
    }
  }

  /** The ids among events too old for the stream's duplicate window that the stream already holds. */
  private async alreadyStored(events: readonly PendingEvent[]): Promise<Set<string>> {
    const cutoff = Date.now() - OUTBOX_VERIFY_AFTER_MS;
    // Session and message events carry the time of their write; one without it counts as old.
    const old = events
      .map((event) => ({ eventId: event.eventId, createdAt: new Date(Date.parse(String(event.payload.occurredAt)) || 0) }))
      .filter((event) => event.createdAt.getTime() < cutoff);
    if (old.length === 0) return new Set();
    this.index ??= new PublishedEventIndex(this.publisher.connection);
    return this.index.published(old);
  }
}
