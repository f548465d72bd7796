import { ErrorBody, ErrorCode } from '@openlines/contracts';

/**
 * HTTP status of each error code. INVALID_TRANSITION is 409 like CONFLICT: the request is
 * well-formed but conflicts with the current state of the resource (RFC 9110 §15.5.10); the body's
 * `code` tells the two apart.
 */
export const HTTP_STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.Unauthorized]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.InvalidTransition]: 409,
  [ErrorCode.Internal]: 500,
  [ErrorCode.Unavailable]: 503,
  [ErrorCode.Timeout]: 504,
};

export function httpStatusOf(body: ErrorBody): number {
  return HTTP_STATUS_OF[body.code] ?? 500;
}
