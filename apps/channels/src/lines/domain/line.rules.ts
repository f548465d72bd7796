import { z } from 'zod';
import {
  LineCreateRequestSchema,
  LineData,
  LineUpdateRequestSchema,
  OpenLinesError,
  SYSTEM_USER_ID,
} from '@openlines/contracts';

export type NewLineInput = z.output<typeof LineCreateRequestSchema>;
export type LineUpdateData = z.output<typeof LineUpdateRequestSchema>['data'];

/** A new line from a validated create request (the schema has applied the defaults). */
export function newLine(
  input: NewLineInput,
  id: string,
  now: Date,
  by: string = SYSTEM_USER_ID,
): LineData {
  const at = now.toISOString();
  const line: LineData = {
    ...input,
    __id: id,
    __createdAt: at,
    __createdBy: by,
    __updatedAt: at,
    __updatedBy: by,
  };
  assertLineConsistent(line);
  return line;
}

/**
 * The line after a partial update: given fields replace the stored ones, `null` removes the
 * optional bot or account app. The merged line must still be consistent (a line whose bot is
 * removed cannot keep `_botFirst`). A deleted line is not updated (INVALID_TRANSITION).
 */
export function updatedLine(
  line: LineData,
  data: LineUpdateData,
  now: Date,
  by: string = SYSTEM_USER_ID,
): LineData {
  refuseDeleted(line, 'update');
  const next: LineData = { ...line, __updatedAt: now.toISOString(), __updatedBy: by };
  for (const [key, value] of Object.entries(data)) {
    if (value === null) delete (next as Record<string, unknown>)[key];
    else if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  }
  assertLineConsistent(next);
  return next;
}

/** Soft delete [ours]: the line keeps its data and gets `__deletedAt`; deleting twice is a no-op. */
export function deletedLine(
  line: LineData,
  now: Date,
  by: string = SYSTEM_USER_ID,
): LineData | null {
  if (line.__deletedAt !== undefined) return null;
  const at = now.toISOString();
  return { ...line, __deletedAt: at, __updatedAt: at, __updatedBy: by };
}

/** Checks across fields that one field's schema cannot see. */
export function assertLineConsistent(line: LineData): void {
  if (line._botFirst && line._bot === undefined) {
    throw OpenLinesError.validation(
      `invalid line ${line.__id}: _bot: Required when _botFirst is true`,
      [{ field: '_bot', message: 'Required when _botFirst is true' }],
    );
  }
}

/** Whether new channels and messages may use the line. */
export function isLineLive(line: LineData): boolean {
  return line.__deletedAt === undefined;
}

function refuseDeleted(line: LineData, action: string): void {
  if (line.__deletedAt === undefined) return;
  throw OpenLinesError.invalidTransition(
    `cannot ${action} line ${line.__id}: the line is deleted`,
    {
      lineId: line.__id,
      action,
    },
  );
}
