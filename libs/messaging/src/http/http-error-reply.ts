import { HttpException } from '@nestjs/common';
import { ZodError } from 'zod';
import {
  ErrorBody,
  ErrorCode,
  OpenLinesError,
  isErrorBody,
  validationErrorFromZod,
} from '@openlines/contracts';
import { unavailableIfNatsOutage } from '../errors/nats-unavailable';

/** The HTTP status of an error code, for errors of ours that carry no status of their own. */
export type HttpStatusOf = (body: ErrorBody) => number;

/**
 * HTTP status of each error code. INVALID_TRANSITION is 409 like CONFLICT: the request is
 * well-formed but conflicts with the current state of the resource (RFC 9110 §15.5.10); the body's
 * `code` tells the two apart.
 */
const STATUS_OF_CODE: Readonly<Record<ErrorCode, number>> = {
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

export const defaultHttpStatusOf: HttpStatusOf = (body) => STATUS_OF_CODE[body.code] ?? 500;

export interface HttpErrorReply {
  status: number;
  body: ErrorBody;
  /** Nobody mapped this error: a bug or a failure of ours, to be logged with its stack. */
  unexpected: boolean;
}

const INTERNAL: ErrorBody = { code: ErrorCode.Internal, message: 'Internal error' };
/** Keys of Nest's own HttpException bodies (`{ statusCode, message, error }`). */
const NEST_BODY_KEYS = new Set(['statusCode', 'message', 'error']);

/** The error code of an HTTP status that Nest, Express or body-parser chose. */
export function codeOfHttpStatus(status: number): ErrorCode {
  if (status === 401) return ErrorCode.Unauthorized;
  if (status === 403) return ErrorCode.Forbidden;
  if (status === 404 || status === 405 || status === 410) return ErrorCode.NotFound;
  if (status === 409) return ErrorCode.Conflict;
  if (status === 408 || status === 504) return ErrorCode.Timeout;
  if (status === 503) return ErrorCode.Unavailable;
  if (status >= 500) return ErrorCode.Internal;
  return ErrorCode.ValidationFailed;
}

/**
 * Any error of an HTTP request as `{ code, message, details }` with its status: our errors by
 * their code, Nest's HttpExceptions (404 of an unknown route, 400 of a bad %-escape in a path
 * parameter or of malformed JSON) and body-parser's errors (413, 415) by their status, a NATS
 * outage as 503, and anything else as a 500 without internals.
 */
export function httpErrorReply(
  exception: unknown,
  statusOf: HttpStatusOf = defaultHttpStatusOf,
): HttpErrorReply {
  const error = unavailableIfNatsOutage(exception);
  if (error instanceof OpenLinesError) return ours(error.toBody(), statusOf, error.code);
  if (error instanceof ZodError) {
    return ours(validationErrorFromZod(error, 'request').toBody(), statusOf, undefined);
  }
  if (error instanceof HttpException) return fromHttpException(error);
  if (error instanceof URIError) {
    return {
      status: 400,
      body: { code: ErrorCode.ValidationFailed, message: 'malformed %-escape in the request URL' },
      unexpected: false,
    };
  }
  const status = clientErrorStatus(error);
  if (status !== undefined) {
    const message = (error as Error).message;
    return { status, body: { code: codeOfHttpStatus(status), message }, unexpected: false };
  }
  return { status: 500, body: INTERNAL, unexpected: true };
}

function ours(
  body: ErrorBody,
  statusOf: HttpStatusOf,
  code: ErrorCode | undefined,
): HttpErrorReply {
  const status = statusOf(body);
  return { status, body, unexpected: code === ErrorCode.Internal || status === 500 };
}

function fromHttpException(exception: HttpException): HttpErrorReply {
  const status = exception.getStatus();
  const response = exception.getResponse();
  // Whoever chose the status and body of an HttpException also logged what it needed to.
  if (isErrorBody(response)) return { status, body: plainBody(response), unexpected: false };
  const code = codeOfHttpStatus(status);
  if (code === ErrorCode.Internal) return { status, body: INTERNAL, unexpected: false };
  const extra = typeof response === 'object' && response !== null ? extraKeys(response) : {};
  const body: ErrorBody = { code, message: messageOf(exception, response) };
  if (Object.keys(extra).length > 0) body.details = extra;
  return { status, body, unexpected: false };
}

function plainBody({ code, message, details }: ErrorBody): ErrorBody {
  return details === undefined ? { code, message } : { code, message, details };
}

function messageOf(exception: HttpException, response: string | object): string {
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/** What an HttpException's body holds besides Nest's own keys (the readiness report of /readyz). */
function extraKeys(response: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(response).filter(([key]) => !NEST_BODY_KEYS.has(key)));
}

/** The 4xx status of an http-errors error (body-parser's 413, 415, 400) meant to be shown. */
function clientErrorStatus(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true
    ? status
    : undefined;
}
