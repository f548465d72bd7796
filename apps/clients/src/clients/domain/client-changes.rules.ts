import { ClientFieldChange, LineClientData } from '@openlines/contracts';

/** Bookkeeping fields that change with every write and say nothing about the client itself. */
const NOT_CHANGES = new Set([
  '__id',
  '__createdAt',
  '__createdBy',
  '__updatedAt',
  '__updatedBy',
  '_version',
]);

/**
 * The field changes of a client.changed event; `before` undefined for a new client. A removed or
 * absent value is `null`, as the event schema says.
 */
export function clientChanges(
  before: LineClientData | undefined,
  after: LineClientData,
): ClientFieldChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  const changes: ClientFieldChange[] = [];
  for (const key of [...keys].sort()) {
    if (NOT_CHANGES.has(key)) continue;
    const oldValue = valueOf(before, key);
    const newValue = valueOf(after, key);
    if (canonical(oldValue) !== canonical(newValue)) {
      changes.push({ field: key as ClientFieldChange['field'], oldValue, newValue });
    }
  }
  return changes;
}

function valueOf(client: LineClientData | undefined, key: string): unknown {
  const value = client === undefined ? undefined : (client as Record<string, unknown>)[key];
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
