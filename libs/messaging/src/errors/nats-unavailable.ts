import { ErrorCode as NatsErrorCode, NatsError } from 'nats';
import { ErrorCode, OpenLinesError } from '@openlines/contracts';

/** NATS error codes that mean "the messaging layer is out of reach now, try again later". */
const OUTAGE_CODES: ReadonlySet<string> = new Set<string>([
  NatsErrorCode.Disconnect,
  NatsErrorCode.ConnectionClosed,
  NatsErrorCode.ConnectionDraining,
  NatsErrorCode.ConnectionRefused,
  NatsErrorCode.ConnectionTimeout,
  NatsErrorCode.Timeout,
  NatsErrorCode.NoResponders,
  NatsErrorCode.JetStreamNotEnabled,
  NatsErrorCode.JetStream408RequestTimeout,
]);

/**
 * A NATS outage (disconnected, JetStream not answering a publish within its timeout) as
 * UNAVAILABLE, which callers answer with 503 so that the sender retries. Any other error is
 * returned unchanged. Needed because a NatsError's `code` ("TIMEOUT") looks like one of ours.
 */
export function unavailableIfNatsOutage(error: unknown): unknown {
  if (!(error instanceof NatsError) || !OUTAGE_CODES.has(error.code)) return error;
  return new OpenLinesError(ErrorCode.Unavailable, `messaging unavailable (NATS ${error.code})`, {
    natsCode: error.code,
  });
}
