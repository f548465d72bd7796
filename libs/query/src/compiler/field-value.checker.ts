import { FieldDefinition, FieldType } from '../fields/entity-fields.definition';
import { ID_MAX_LENGTH, idProblem } from '@openlines/contracts';
import { MAX_STRING_LENGTH } from '../query.limits';

/** A scalar accepted for a field, or the reason it is not. */
export type Checked =
  { ok: true; value: string | number | boolean } | { ok: false; message: string };

const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** The type one element of the field has: arrays compare element-wise, as MongoDB does. */
function elementType(type: FieldType): FieldType {
  if (type === 'stringArray') return 'string';
  if (type === 'refArray') return 'ref';
  return type;
}

/** Short, safe rendering of a value for an error message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'object' && value !== null)
    return Array.isArray(value) ? 'a list' : 'an object';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Dates compare as strings in the store, so every date value is brought to the one form items
 * store: `toISOString()` (UTC, milliseconds, `Z`). A time needs an explicit zone; a bare date
 * means midnight UTC.
 */
export function normaliseIsoDate(raw: string): string | undefined {
  if (!ISO_DATE.test(raw)) return undefined;
  // JavaScript rolls 2024-02-30 over to March 1st; a calendar date that does not exist is refused.
  const [year, month, day] = raw.slice(0, 10).split('-').map(Number);
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return undefined;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

const fail = (message: string): Checked => ({ ok: false, message });

/** Checks one scalar against the field's (element) type; objects are never values. */
export function checkScalar(definition: FieldDefinition, raw: unknown): Checked {
  if (typeof raw === 'object' && raw !== null)
    return fail(`${describeValue(raw)} is not accepted as a value`);
  switch (elementType(definition.type)) {
    case 'string':
      if (typeof raw !== 'string') return fail(`expected a string, got ${describeValue(raw)}`);
      if (raw.length > MAX_STRING_LENGTH)
        return fail(`longer than ${MAX_STRING_LENGTH} characters`);
      return { ok: true, value: raw };
    case 'number':
      if (typeof raw !== 'number' || !Number.isFinite(raw))
        return fail(`expected a number, got ${describeValue(raw)}`);
      return { ok: true, value: raw };
    case 'boolean':
      if (typeof raw !== 'boolean') return fail(`expected a boolean, got ${describeValue(raw)}`);
      return { ok: true, value: raw };
    case 'date': {
      const iso = typeof raw === 'string' ? normaliseIsoDate(raw) : undefined;
      if (iso === undefined) return fail(`expected an ISO-8601 date, got ${describeValue(raw)}`);
      return { ok: true, value: iso };
    }
    case 'ref': {
      // The same rule as the contracts' IdSchema: a value no stored id can have is refused.
      if (typeof raw !== 'string' || raw.length === 0 || raw.length > ID_MAX_LENGTH) {
        return fail(
          `expected an id (1 to ${ID_MAX_LENGTH} characters) or an item, got ${describeValue(raw)}`,
        );
      }
      const problem = idProblem(raw);
      return problem === undefined ? { ok: true, value: raw } : fail(`not an id: ${problem}`);
    }
    case 'enum':
      if (typeof raw !== 'string' || !(definition.values ?? []).includes(raw)) {
        return fail(
          `expected one of ${(definition.values ?? []).join(', ')}, got ${describeValue(raw)}`,
        );
      }
      return { ok: true, value: raw };
    default:
      return fail('only null can be compared with an object field');
  }
}
