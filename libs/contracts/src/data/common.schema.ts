import { z } from 'zod';
import { IdSchema } from './id.schema';

/**
 * Building blocks of every data and request schema. Policy: schemas of what a caller SENDS are
 * `.strict()` (unknown keys are refused, naming them); schemas of what a service RETURNS or
 * publishes strip unknown keys (store internals such as `_id` never reach a caller, and adding an
 * optional field later does not break older readers).
 */
export const NAME_MAX_LENGTH = 256;

/** Ids: see id.schema.ts (re-exported here, where every schema finds its building blocks). */
export { ExternalIdSchema, ID_MAX_LENGTH, IdSchema } from './id.schema';

/** Dates travel as ISO-8601 strings (`new Date().toISOString()`); an offset is accepted. */
/**
 * An instant as ISO-8601. Offsets are accepted and normalised to UTC (`…Z`), the one form that
 * the stores keep, so that dates compare correctly as strings in filters and sorts.
 */
export const IsoDateSchema = z
  .string()
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString());

/** A name a caller writes (`__name`): trimmed, non-empty. */
export const NameSchema = z.string().trim().min(1).max(NAME_MAX_LENGTH);

/** Optimistic-concurrency counter; increases on every change of the item. */
export const VersionSchema = z.number().int().min(0);

/**
 * System fields of every item [doc]. `__createdBy` / `__updatedBy` hold a user id, or `system`.
 * `__deletedAt` is absent until the item is soft-deleted.
 */
export const SystemFieldsShape = {
  __id: IdSchema,
  __name: z.string(),
  __createdAt: IsoDateSchema,
  __createdBy: IdSchema,
  __updatedAt: IsoDateSchema,
  __updatedBy: IdSchema,
  __deletedAt: IsoDateSchema.optional(),
};
export const SystemFieldsSchema = z.object(SystemFieldsShape);
export type SystemFields = z.infer<typeof SystemFieldsSchema>;

/** `__createdBy` / `__updatedBy` of changes nobody in particular made. */
export const SYSTEM_USER_ID = 'system';

/**
 * An old or new value in a change list: any JSON value; `null` means the field was absent.
 */
export const FieldValueSchema: z.ZodType<unknown> = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.unknown()),
  z.record(z.unknown()),
]);

/** Free-form JSON object (message payloads, raw messenger updates). */
export const JsonObjectSchema = z.record(z.unknown());
export type JsonObject = z.infer<typeof JsonObjectSchema>;
