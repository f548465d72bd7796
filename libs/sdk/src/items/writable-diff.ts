/**
 * `item.save()` sends only the writable fields a script changed since the item was read (as
 * ELMA365 does), so a save never overwrites what someone else changed in other fields meanwhile.
 */
export type FieldNormaliser = (value: unknown) => unknown;

export interface WritableField {
  /** Whether the service accepts `null` to remove the value (else a removed value is not sent). */
  nullable?: boolean;
  /** Turns what a script assigned (e.g. an app item object) into what the wire takes. */
  normalise?: FieldNormaliser;
}

export type WritableFields = Readonly<Record<string, WritableField>>;

/** A deep copy of JSON-like data: the baseline that later edits are compared with. */
export function snapshot<T>(data: T): T {
  return structuredClone(data);
}

/** Equality of JSON-like values, ignoring key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value, index) => sameValue(value, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) {
    if (!sameValue(left[key], right[key])) return false;
  }
  return true;
}

/** The changed writable fields of `current` against `baseline`, normalised for the wire. */
export function changedWritableFields(
  baseline: Readonly<Record<string, unknown>>,
  current: Readonly<Record<string, unknown>>,
  fields: WritableFields,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [field, rule] of Object.entries(fields)) {
    const raw = current[field];
    const now = raw === undefined || raw === null ? undefined : (rule.normalise ?? identity)(raw);
    const before = baseline[field];
    if (sameValue(now, before)) continue;
    if (now !== undefined) changes[field] = now;
    else if (rule.nullable && before !== undefined) changes[field] = null;
  }
  return changes;
}

function identity(value: unknown): unknown {
  return value;
}
