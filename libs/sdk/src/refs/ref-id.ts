import { ErrorCode, OpenLinesError } from '@openlines/contracts';

/**
 * Anything a script may pass where an entity is meant: an id, an SDK item (`{ id }`), an item's
 * data (`{ __id }`) or a platform object carrying data (`{ data: { __id } }`), as in ELMA365 where
 * `Context.data.user` is a user object but an id works as well.
 */
export type RefLike = string | { id: string } | { __id: string } | { data: { __id: string } };

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** The id behind a reference, or undefined when the value is not one. */
export function tryRefId(value: unknown): string | undefined {
  if (nonEmpty(value)) return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const candidate = value as Record<string, unknown>;
  if (nonEmpty(candidate.id)) return candidate.id;
  if (nonEmpty(candidate.__id)) return candidate.__id;
  const data = candidate.data;
  if (
    typeof data === 'object' &&
    data !== null &&
    nonEmpty((data as Record<string, unknown>).__id)
  ) {
    return (data as Record<string, string>).__id;
  }
  return undefined;
}

/** The id behind a reference; a value that is none fails before anything is sent. */
export function refId(value: unknown, what: string): string {
  const id = tryRefId(value);
  if (id !== undefined) return id;
  throw new OpenLinesError(
    ErrorCode.ValidationFailed,
    `${what} must be an id or an object with an id`,
    {
      issues: [{ field: what, message: 'expected an id or an object with an id' }],
    },
  );
}
