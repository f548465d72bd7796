import { Match, MsgHdrs, headers as natsHeaders } from 'nats';
import { CORRELATION_ID_HEADER } from '@openlines/contracts';
import { currentCorrelationId } from '@openlines/observability';

/** Builds NATS headers from a plain record (what an outbox row or a dead letter stores). */
export function toNatsHeaders(values: Record<string, string> = {}): MsgHdrs {
  const result = natsHeaders();
  for (const [key, value] of Object.entries(values)) result.set(key, value);
  return result;
}

/** Plain record of NATS headers; a repeated header keeps its last value. */
export function headersToRecord(values: MsgHdrs | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  if (!values) return result;
  for (const key of values.keys()) result[key] = values.last(key);
  return result;
}

/** Header lookup that ignores case: other clients may canonicalise `X-Correlation-Id`. */
export function headerValue(values: MsgHdrs | undefined, name: string): string | undefined {
  if (!values || !values.has(name, Match.IgnoreCase)) return undefined;
  const value = values.get(name, Match.IgnoreCase);
  return value === '' ? undefined : value;
}

export function correlationIdOf(values: MsgHdrs | undefined): string | undefined {
  return headerValue(values, CORRELATION_ID_HEADER);
}

/** The headers every outgoing message starts with: the current correlation id, if any. */
export function correlationHeaders(correlationId = currentCorrelationId()): Record<string, string> {
  return correlationId === undefined ? {} : { [CORRELATION_ID_HEADER]: correlationId };
}
