import type { FieldDeclaration } from './entity-fields.definition';

/**
 * The system fields every item has [doc]. Ids and user ids are references; the timestamps are
 * dates stored as ISO strings; `__deletedAt` is absent on live items (`f.__deletedAt.eq(null)`).
 */
export const SYSTEM_FIELDS: Readonly<Record<string, FieldDeclaration>> = Object.freeze({
  __id: { type: 'ref' },
  __name: { type: 'string' },
  __createdAt: { type: 'date' },
  __createdBy: { type: 'ref' },
  __updatedAt: { type: 'date' },
  __updatedBy: { type: 'ref' },
  __deletedAt: { type: 'date' },
});
