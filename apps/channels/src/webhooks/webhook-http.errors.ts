import { HttpException } from '@nestjs/common';
import { ErrorCode, toErrorBody } from '@openlines/contracts';

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

export function toWebhookHttpError(error: unknown): HttpException {
  const body = toErrorBody(error);
  return new HttpException(body, STATUS_BY_CODE[body.code] ?? 500);
}

/** Runs a webhook use case; any failure becomes the HTTP status above with `{ code, message }`. */
export async function asWebhookResponse<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toWebhookHttpError(error);
  }
}
