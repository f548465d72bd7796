import { z } from 'zod';
import { OpenLinesError, ValidationIssue } from './openlines.error';

const fieldPath = (path: (string | number)[]): string =>
  path.length > 0 ? path.join('.') : '(root)';

/** One issue per bad field; an unknown-keys issue becomes one issue per key, naming the key. */
export function issuesOf(error: z.ZodError): ValidationIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === z.ZodIssueCode.unrecognized_keys
      ? issue.keys.map((key) => ({
          field: fieldPath([...issue.path, key]),
          message: 'unknown field',
        }))
      : [{ field: fieldPath(issue.path), message: issue.message }],
  );
}

/**
 * Parses `payload` with `schema`, or throws VALIDATION_FAILED whose message names every bad field,
 * e.g. `invalid lines.sessions.assignToOperator request: operatorId: Required`.
 */
export function validate<S extends z.ZodTypeAny>(
  schema: S,
  payload: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  throw validationErrorFromZod(result.error, what);
}

/** A ZodError (from `validate` or a plain `schema.parse`) as VALIDATION_FAILED naming each field. */
export function validationErrorFromZod(error: z.ZodError, what: string): OpenLinesError {
  const issues = issuesOf(error);
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  return OpenLinesError.validation(`invalid ${what}: ${summary}`, issues);
}
