import { ErrorBody, ErrorCode } from './error-codes';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/** The one error type of OpenLines: a stable code, a human message, optional details. */
export class OpenLinesError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'OpenLinesError';
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromBody(body: ErrorBody): OpenLinesError {
    return new OpenLinesError(body.code, body.message, body.details);
  }

  static notFound(entity: string, id: string): OpenLinesError {
    return new OpenLinesError(ErrorCode.NotFound, `${entity} ${id} not found`, { entity, id });
  }

  static validation(message: string, issues: ValidationIssue[]): OpenLinesError {
    return new OpenLinesError(ErrorCode.ValidationFailed, message, { issues });
  }

  static invalidTransition(message: string, details: Record<string, unknown>): OpenLinesError {
    return new OpenLinesError(ErrorCode.InvalidTransition, message, details);
  }

  static conflict(message: string, details?: Record<string, unknown>): OpenLinesError {
    return new OpenLinesError(ErrorCode.Conflict, message, details);
  }

  static forbidden(message: string, details?: Record<string, unknown>): OpenLinesError {
    return new OpenLinesError(ErrorCode.Forbidden, message, details);
  }
}

/** One problem of a rejected payload: the field's dotted path and what is wrong with it. */
export interface ValidationIssue {
  field: string;
  message: string;
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.code === 'string' &&
    KNOWN_CODES.has(candidate.code) &&
    typeof candidate.message === 'string'
  );
}

/** Maps anything thrown to the wire shape; unknown errors become INTERNAL without leaking internals. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof OpenLinesError) return error.toBody();
  if (isErrorBody(error)) return error;
  return { code: ErrorCode.Internal, message: 'Internal error' };
}
