/**
 * Stable error codes. They cross process boundaries (RPC replies, HTTP bodies, SDK errors), so a
 * code is never renamed; add new ones instead.
 */
export enum ErrorCode {
  NotFound = 'NOT_FOUND',
  ValidationFailed = 'VALIDATION_FAILED',
  InvalidTransition = 'INVALID_TRANSITION',
  Conflict = 'CONFLICT',
  Forbidden = 'FORBIDDEN',
  Unauthorized = 'UNAUTHORIZED',
  Timeout = 'TIMEOUT',
  Unavailable = 'UNAVAILABLE',
  Internal = 'INTERNAL',
}

/** The wire shape of every error: RPC replies, HTTP bodies, dead letters. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}
