import { HttpException } from '@nestjs/common';
import { ErrorBody, ErrorCode, toErrorBody } from '@openlines/contracts';
import { unavailableIfNatsOutage } from '@openlines/messaging';
import type { Logger } from '@openlines/observability';

/**
 * How webhook failures reach a messenger. INVALID_TRANSITION means the channel no longer takes
 * messages (disconnected or deleted): 410 Gone, which tells the sender to stop. Failures of ours
 * (NATS, store) are 503 so that the messenger retries later.
 */
const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.Unauthorized]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.InvalidTransition]: 410,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.Timeout]: 503,
  [ErrorCode.Unavailable]: 503,
};

/**
 * A NATS outage is UNAVAILABLE (503: the messenger retries), and the body is a plain ErrorBody:
 * toErrorBody alone would pass a NatsError through, whose code "TIMEOUT" looks like one of ours.
 */
export function toWebhookHttpError(error: unknown): HttpException {
  const { code, message, details } = toErrorBody(unavailableIfNatsOutage(error));
  const body: ErrorBody = details === undefined ? { code, message } : { code, message, details };
  return new HttpException(body, STATUS_BY_CODE[code] ?? 500, { cause: error });
}

/** Which webhook was called, for the log: the webhook and its channel id (or live-chat key). */
export interface WebhookCall {
  webhook: 'telegram' | 'viber' | 'livechat';
  channelId?: string;
  publicKey?: string;
}

/**
 * Runs a webhook use case; any failure becomes the HTTP status above with `{ code, message,
 * details }`. A failure of ours (5xx) is logged with the error, since the caller sees none of it;
 * a messenger's body that we refuse (400, after its signature was checked) is logged as a warning,
 * because the messenger goes on retrying it.
 */
export async function asWebhookResponse<T>(
  logger: Pick<Logger, 'warn' | 'error'>,
  call: WebhookCall,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const http = toWebhookHttpError(error);
    const { code, message } = http.getResponse() as ErrorBody;
    if (http.getStatus() >= 500) {
      logger.error({ ...call, code, err: error }, `${call.webhook} webhook failed`);
    } else if (code === ErrorCode.ValidationFailed && call.webhook !== 'livechat') {
      logger.warn({ ...call, code, reason: message }, `${call.webhook} webhook body refused`);
    }
    throw http;
  }
}
