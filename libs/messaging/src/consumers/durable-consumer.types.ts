import type { NatsConnection } from 'nats';
import type { Logger } from '@openlines/observability';

/** What the handler learns about the message besides the event itself. */
export interface EventMeta {
  subject: string;
  stream: string;
  streamSeq: number;
  /** 1 on the first delivery. */
  deliveryCount: number;
  correlationId: string;
  /** The Nats-Msg-Id the event was published with (its eventId). */
  msgId?: string;
  headers: Record<string, string>;
  publishedAt: Date;
}

export interface DurableConsumerOptions<T> {
  nc: NatsConnection;
  /** Durable name: the position in the stream survives restarts under this name. */
  durable: string;
  /** Defaults to LINES_EVENTS. */
  stream?: string;
  filterSubjects: string[];
  /** Runs inside the message's correlation id; resolve to ack, throw to retry. */
  handle: (event: T, meta: EventMeta) => void | Promise<void>;
  /**
   * Validates the decoded JSON (e.g. `(data) => validate(Schema, data, 'SessionChanged event')`).
   * A payload it rejects can never succeed, so it is dead-lettered at once.
   */
  parse?: (data: unknown) => T;
  /**
   * Failed deliveries before the event is dead-lettered. Default 5. Deliveries the runner handed
   * back unprocessed on stop() also count; an event whose deliveries keep ending without a verdict
   * (the process dies in its handler) is dead-lettered after maxDeliver + 2 of them.
   */
  maxDeliver?: number;
  /** Delay before redelivery after the n-th failure (the last value repeats). */
  backoffMs?: number[];
  /** How long the server waits for an ack before redelivering; the runner extends it while a handler works. Default 30 s. */
  ackWaitMs?: number;
  /** Where a new durable starts: the whole stream (default) or only events published from now. */
  deliverPolicy?: 'all' | 'new';
  /**
   * Handlers running at once. Default 1. Above 1, events with the same `orderingKey` still run
   * one at a time; events without one run in any order.
   */
  concurrency?: number;
  /**
   * Events with the same key are handled one at a time in stream order, and a failed one holds
   * back only its own key's later events until its retry; different keys run in parallel. Without
   * it every event stands alone. An event whose payload `parse` rejects has no key.
   */
  orderingKey?: (event: T, meta: EventMeta) => string;
  /**
   * Most messages held at once: running, or waiting for their key or a free handler (kept alive
   * meanwhile, so ack_wait need not cover the wait). Default max(batchSize, concurrency).
   * The durable's max_ack_pending is kept at twice this or more.
   */
  maxInFlight?: number;
  /** Messages asked for per pull, at most. Default 100. */
  batchSize?: number;
  /** Lifetime of one pull request: the longest stop() waits for it. Default 1000 (the minimum). */
  pullExpiresMs?: number;
  logger: Logger;
}

export interface DurableConsumerHandle {
  readonly durable: string;
  /** False once stopped, or while it recovers from a broken subscription. */
  isRunning(): boolean;
  /** Stops pulling, waits for the handlers at work, hands unprocessed messages back (nak), resolves. */
  stop(): Promise<void>;
}

export const CONSUMER_DEFAULTS = {
  maxDeliver: 5,
  backoffMs: [1000, 5000, 30000, 120000],
  ackWaitMs: 30000,
  deliverPolicy: 'all' as const,
  batchSize: 100,
  concurrency: 1,
  pullExpiresMs: 1000,
  restartDelayMs: 1000,
};
