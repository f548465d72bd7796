import { ErrorBody, ErrorCode, isErrorBody, OpenLinesError } from '@openlines/contracts';

/**
 * The SDK's error: `OpenLinesError` under the name a script expects, so `error.code` is one of
 * ErrorCode whichever transport carried it, and `instanceof LinesError` works.
 */
export { OpenLinesError as LinesError };

/** What an HTTP status means when the body is not an error body (a proxy's page, say). */
export function codeOfHttpStatus(status: number): ErrorCode {
  if (status === 400 || status === 413 || status === 422) return ErrorCode.ValidationFailed;
  if (status === 401) return ErrorCode.Unauthorized;
  if (status === 403) return ErrorCode.Forbidden;
  if (status === 404) return ErrorCode.NotFound;
  if (status === 409) return ErrorCode.Conflict;
  if (status === 502 || status === 503) return ErrorCode.Unavailable;
  if (status === 504 || status === 408) return ErrorCode.Timeout;
  return ErrorCode.Internal;
}

/** The error of a failed HTTP response: its `{ code, message, details }` body, or one from its status. */
export function errorOfResponse(status: number, body: unknown): OpenLinesError {
  if (isErrorBody(body)) return OpenLinesError.fromBody(body as ErrorBody);
  return new OpenLinesError(codeOfHttpStatus(status), `HTTP ${status}`, { status });
}
