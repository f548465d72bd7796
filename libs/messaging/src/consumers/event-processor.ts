import { JetStreamClient, JsMsg } from 'nats';
import { ZodError } from 'zod';
import { MSG_ID_HEADER, OpenLinesError } from '@openlines/contracts';
import { Logger, newCorrelationId, runWithCorrelation } from '@openlines/observability';
import { validationErrorFromZod } from '../errors/zod-error';
import { decodeJson, decodeText } from '../events/json.codec';
import { correlationIdOf, headersToRecord } from '../events/message-headers';
import { DeadLetter, deadLetterError, publishDeadLetter } from './dead-letter';
import { EventMeta } from './durable-consumer.types';
import { matchesAny } from './subject-match';

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

/**
 * One message, start to end: decode and validate, run the handler in the message's correlation
 * id, then ack, nak with back-off, or dead-letter and term. Never throws.
 */
export class EventProcessor<T> {
  constructor(
    private readonly js: JetStreamClient,
    private readonly settings: ProcessorSettings<T>,
    private readonly log: Logger,
  ) {}

  process(msg: JsMsg): Promise<void> {
    const headers = headersToRecord(msg.headers);
    const meta: EventMeta = {
      subject: msg.subject,
      stream: this.settings.stream,
      streamSeq: msg.info.streamSequence,
      deliveryCount: msg.info.redeliveryCount,
      correlationId: correlationIdOf(msg.headers) ?? newCorrelationId(),
      msgId: headers[MSG_ID_HEADER],
      headers,
      publishedAt: new Date(Math.floor(msg.info.timestampNanos / 1e6)),
    };
    return runWithCorrelation(meta.correlationId, () => this.run(msg, meta));
  }

  private async run(msg: JsMsg, meta: EventMeta): Promise<void> {
    const { clientSideFilter, maxDeliver } = this.settings;
    if (clientSideFilter && !matchesAny(msg.subject, clientSideFilter)) {
      msg.ack();
      return;
    }
    const fields = {
      subject: meta.subject,
      seq: meta.streamSeq,
      msgId: meta.msgId,
      delivery: meta.deliveryCount,
    };
    let event: T;
    try {
      event = this.settings.parse(decodeJson(msg.data));
    } catch (error) {
      const invalid = asValidationError(error);
      this.log.error(
        { ...fields, err: invalid },
        'event payload rejected: dead-lettering it without retries',
      );
      return this.deadLetter(msg, meta, invalid);
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
      await this.settings.handle(event, meta);
      msg.ack();
      this.log.debug(fields, 'event handled');
    } catch (error) {
      if (meta.deliveryCount >= maxDeliver) {
        this.log.error(
          { ...fields, err: error },
          `event failed ${meta.deliveryCount} times: dead-lettering it`,
        );
        await this.deadLetter(msg, meta, error);
      } else {
        const delayMs = this.backoff(meta.deliveryCount);
        this.log.warn(
          { ...fields, err: error, delayMs },
          'event handler failed: redelivering after back-off',
        );
        msg.nak(delayMs);
      }
    } finally {
      clearInterval(keepAlive);
    }
  }

  private backoff(deliveryCount: number): number {
    const { backoffMs } = this.settings;
    if (backoffMs.length === 0) return 0;
    return backoffMs[Math.min(deliveryCount, backoffMs.length) - 1];
  }

  private async deadLetter(msg: JsMsg, meta: EventMeta, error: unknown): Promise<void> {
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
    } catch (publishError) {
      // Without its dead letter the event must not vanish: keep it in the stream and retry later.
      const delayMs = this.backoff(Number.MAX_SAFE_INTEGER);
      this.log.error(
        { seq: meta.streamSeq, err: publishError, delayMs },
        'dead letter not stored: redelivering',
      );
      msg.nak(delayMs);
    }
  }
}

/** Whatever `parse` threw, as the VALIDATION_FAILED error that names the bad fields. */
function asValidationError(error: unknown): OpenLinesError {
  if (error instanceof OpenLinesError) return error;
  if (error instanceof ZodError) return validationErrorFromZod(error, 'event payload');
  const message = error instanceof Error ? error.message : String(error);
  return OpenLinesError.validation(`invalid event payload: ${message}`, []);
}
