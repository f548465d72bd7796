/**
 * Field-change lists for SessionChanged and the responsible-party diff for SessionReassigned.
 * Pure: compares two snapshots of the session's public data.
 */
export interface FieldChange {
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

/**
 * Fields that never appear in a change list: the version travels beside the list, and the
 * update stamps say who/when, which the event carries as actor and occurredAt.
 */
const UNTRACKED = new Set(['_version', '__updatedAt', '__updatedBy']);

/** Deep equality for JSON values (the only kind a session holds). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return (a ?? null) === (b ?? null);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!jsonEqual(left[key], right[key])) return false;
  return true;
}

/**
 * The changed public fields, in a stable (sorted) order; an absent value is reported as `null`
 * so that the change list is plain JSON.
 */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changes: FieldChange[] = [];
  for (const field of keys) {
    if (UNTRACKED.has(field)) continue;
    const oldValue = before[field] ?? null;
    const newValue = after[field] ?? null;
    if (!jsonEqual(oldValue, newValue)) changes.push({ field, oldValue, newValue });
  }
  return changes;
}

/** Who is responsible for a session: an operator, a group's queue, or a bot. */
export interface Responsible {
  userId?: string;
  userGroupId?: string;
  botId?: string;
}

export function responsibleOf(session: { _userId?: string; _userGroupId?: string; _botId?: string }): Responsible {
  const result: Responsible = {};
  if (session._userId !== undefined) result.userId = session._userId;
  if (session._userGroupId !== undefined) result.userGroupId = session._userGroupId;
  if (session._botId !== undefined) result.botId = session._botId;
  return result;
}

/** A change of operator, bot or group is a reassignment (SessionReassigned). */
export function isReassignment(from: Responsible, to: Responsible): boolean {
  return from.userId !== to.userId || from.userGroupId !== to.userGroupId || from.botId !== to.botId;
}
