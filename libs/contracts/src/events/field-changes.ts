/** Bookkeeping fields that change with every write and say nothing about the item itself. */
const NOT_CHANGES = new Set([
  '__id',
  '__createdAt',
  '__createdBy',
  '__updatedAt',
  '__updatedBy',
  '_version',
]);

export interface FieldChange<F extends string = string> {
  field: F;
  oldValue: unknown;
  newValue: unknown;
}

/**
 * The field changes between two versions of an item's data, for the `*.changed` events, sorted
 * by field; `before` undefined for a new item. A removed or absent value is `null`, as the event
 * schemas say. Objects compare by content, whatever their key order.
 */
export function fieldChanges<T extends object, F extends string = Extract<keyof T, string>>(
  before: T | undefined,
  after: T,
): FieldChange<F>[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  const changes: FieldChange<F>[] = [];
  for (const key of [...keys].sort()) {
    if (NOT_CHANGES.has(key)) continue;
    const oldValue = valueOf(before, key);
    const newValue = valueOf(after, key);
    if (canonical(oldValue) !== canonical(newValue)) {
      changes.push({ field: key as F, oldValue, newValue });
    }
  }
  return changes;
}

function valueOf(item: object | undefined, key: string): unknown {
  const value = item === undefined ? undefined : (item as Record<string, unknown>)[key];
  return value === undefined ? null : value;
}

/** JSON with sorted object keys, so `{a, b}` and `{b, a}` compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : inner,
  );
}
