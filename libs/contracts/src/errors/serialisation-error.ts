import { OpenLinesError } from './openlines.error';

/**
 * A request JSON.stringify refused (nested too deep for the stack, a BigInt, a cycle) as
 * VALIDATION_FAILED naming the top-level field that holds the problem: the caller's payload is
 * at fault, not the transport, so it must not surface as UNAVAILABLE. `what` names the request,
 * e.g. `lines.sessions.search request`. Only called once serialising has failed.
 */
export function serialisationError(payload: unknown, what: string, error: unknown): OpenLinesError {
  const problem =
    error instanceof RangeError
      ? 'nested too deeply to serialise'
      : `cannot be serialised: ${error instanceof Error ? error.message : String(error)}`;
  const field = offendingField(payload);
  return OpenLinesError.validation(`invalid ${what}: ${field}: ${problem}`, [
    { field, message: problem },
  ]);
}

function offendingField(payload: unknown): string {
  if (typeof payload !== 'object' || payload === null) return '(root)';
  for (const [key, value] of Object.entries(payload)) {
    try {
      JSON.stringify(value);
    } catch {
      return key;
    }
  }
  return '(root)';
}
