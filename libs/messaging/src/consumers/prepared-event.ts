import { JsMsg } from 'nats';
import { ZodError } from 'zod';
import { MSG_ID_HEADER, OpenLinesError } from '@openlines/contracts';
import { newCorrelationId } from '@openlines/observability';
import { validationErrorFromZod } from '../errors/zod-error';
import { decodeJson } from '../events/json.codec';
import { correlationIdOf, headersToRecord } from '../events/message-headers';
import { EventMeta } from './durable-consumer.types';
import { matchesAny } from './subject-match';

/**
 * A pulled message, read before it is scheduled (its ordering key comes from the event):
 * outside the consumer's subjects (skip: acked unread), an event, or a payload `parse` rejected.
 */
export type PreparedEvent<T> = { msg: JsMsg; meta: EventMeta } & (
  { kind: 'skip' } | { kind: 'event'; event: T } | { kind: 'invalid'; error: OpenLinesError }
);

export function prepareEvent<T>(
  msg: JsMsg,
  stream: string,
  parse: (data: unknown) => T,
  clientSideFilter?: readonly string[],
): PreparedEvent<T> {
  const headers = headersToRecord(msg.headers);
  const meta: EventMeta = {
    subject: msg.subject,
    stream,
    streamSeq: msg.info.streamSequence,
    deliveryCount: msg.info.redeliveryCount,
    correlationId: correlationIdOf(msg.headers) ?? newCorrelationId(),
    msgId: headers[MSG_ID_HEADER],
    headers,
    publishedAt: new Date(Math.floor(msg.info.timestampNanos / 1e6)),
  };
  if (clientSideFilter && !matchesAny(msg.subject, clientSideFilter))
    return { msg, meta, kind: 'skip' };
  try {
    return { msg, meta, kind: 'event', event: parse(decodeJson(msg.data)) };
  } catch (error) {
    return { msg, meta, kind: 'invalid', error: asValidationError(error) };
  }
}

/** Whatever `parse` threw, as the VALIDATION_FAILED error that names the bad fields. */
function asValidationError(error: unknown): OpenLinesError {
  if (error instanceof OpenLinesError) return error;
  if (error instanceof ZodError) return validationErrorFromZod(error, 'event payload');
  const message = error instanceof Error ? error.message : String(error);
  return OpenLinesError.validation(`invalid event payload: ${message}`, []);
}
