import { JetStreamClient, JsMsg } from 'nats';
import { Logger, runWithCorrelation } from '@openlines/observability';
import { decodeText } from '../events/json.codec';
import { DeadLetter, deadLetterError, publishDeadLetter } from './dead-letter';
import { EventMeta } from './durable-consumer.types';
import { PreparedEvent, prepareEvent } from './prepared-event';

/** Deliveries beyond maxDeliver tolerated when earlier ones ended without ack, nak or failure. */
export const UNFINISHED_DELIVERY_SLACK = 2;

export interface ProcessorSettings<T> {
  stream: string;
  durable: string;
  handle: (event: T, meta: EventMeta) => void | Promise<void>;
  parse: (data: unknown) => T;
  maxDeliver: number;
  backoffMs: readonly number[];
  ackWaitMs: number;
  clientSideFilter?: readonly string[];
}

/** What became of one message: settled (acked or termed), or handed back to come again after delayMs. */
export type Verdict = { kind: 'settled' } | { kind: 'retry'; delayMs: number };
const SETTLED: Verdict = { kind: 'settled' };

/**
 * One prepared message, start to end: run the handler in the message's correlation id, then ack,
 * nak with back-off, or dead-letter and term. Never throws; says which of these it did.
 */
export class EventProcessor<T> {
  constructor(
    private readonly js: JetStreamClient,
    private readonly settings: ProcessorSettings<T>,
    private readonly log: Logger,
  ) {}

  /** Decodes and validates the message; never throws (a bad payload comes back as `invalid`). */
  prepare(msg: JsMsg): PreparedEvent<T> {
    const { stream, parse, clientSideFilter } = this.settings;
    return prepareEvent(msg, stream, parse, clientSideFilter);
  }

  process(prepared: PreparedEvent<T>): Promise<Verdict> {
    return runWithCorrelation(prepared.meta.correlationId, () => this.run(prepared));
  }

  private async run(prepared: PreparedEvent<T>): Promise<Verdict> {
    const { msg, meta } = prepared;
    const { maxDeliver } = this.settings;
    if (prepared.kind === 'skip') {
      msg.ack();
      return SETTLED;
    }
    const fields = {
      subject: meta.subject,
      seq: meta.streamSeq,
      msgId: meta.msgId,
      delivery: meta.deliveryCount,
    };
    if (prepared.kind === 'invalid') {
      this.log.error(
        { ...fields, err: prepared.error },
        'event payload rejected: dead-lettering it without retries',
      );
      return this.deadLetter(msg, meta, prepared.error);
    }
    if (meta.deliveryCount > maxDeliver + UNFINISHED_DELIVERY_SLACK) {
      // Its deliveries keep ending without a verdict (the process dies in the handler): a poison
      // event would block the consumer forever. The slack spares events merely handed back by stops.
      const error = new Error(
        `delivered ${meta.deliveryCount} times without completing (max ${maxDeliver})`,
      );
      return this.deadLetter(msg, meta, error);
    }
    const keepAlive = setInterval(() => msg.working(), Math.max(this.settings.ackWaitMs / 2, 100));
    try {
      await this.settings.handle(prepared.event, meta);
      msg.ack();
      this.log.debug(fields, 'event handled');
      return SETTLED;
    } catch (error) {
      if (meta.deliveryCount >= maxDeliver) {
        this.log.error(
          { ...fields, err: error },
          `event failed ${meta.deliveryCount} times: dead-lettering it`,
        );
        return await this.deadLetter(msg, meta, error);
      }
      const delayMs = this.backoff(meta.deliveryCount);
      this.log.warn(
        { ...fields, err: error, delayMs },
        'event handler failed: redelivering after back-off',
      );
      msg.nak(delayMs);
      return { kind: 'retry', delayMs };
    } finally {
      clearInterval(keepAlive);
    }
  }

  private backoff(deliveryCount: number): number {
    const { backoffMs } = this.settings;
    if (backoffMs.length === 0) return 0;
    return backoffMs[Math.min(deliveryCount, backoffMs.length) - 1];
  }

  private async deadLetter(msg: JsMsg, meta: EventMeta, error: unknown): Promise<Verdict> {
    const letter: DeadLetter = {
      durable: this.settings.durable,
      stream: meta.stream,
      subject: meta.subject,
      streamSeq: meta.streamSeq,
      data: decodeText(msg.data),
      headers: meta.headers,
      error: deadLetterError(error),
      deliveries: meta.deliveryCount,
      deadLetteredAt: new Date().toISOString(),
    };
    try {
      await publishDeadLetter(this.js, letter);
      msg.term();
      this.log.error(
        { subject: meta.subject, seq: meta.streamSeq, error: letter.error },
        'event dead-lettered',
      );
      return SETTLED;
    } catch (publishError) {
      // Without its dead letter the event must not vanish: keep it in the stream and retry later.
      const delayMs = this.backoff(Number.MAX_SAFE_INTEGER);
      this.log.error(
        { seq: meta.streamSeq, err: publishError, delayMs },
        'dead letter not stored: redelivering',
      );
      msg.nak(delayMs);
      return { kind: 'retry', delayMs };
    }
  }
}
