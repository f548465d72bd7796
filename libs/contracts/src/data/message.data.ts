import { z } from 'zod';
import { LineMessageType } from '../enums';
import { ExternalIdSchema, IdSchema, JsonObjectSchema, SystemFieldsShape } from './common.schema';

export const MESSAGE_TEXT_MAX_LENGTH = 20_000;
export const MESSAGE_FILES_MAX = 20;

/** A file attached to a message [ours]. */
const LineMessageFileShape = {
  name: z.string().min(1).max(256),
  url: z.string().url().max(4096),
  mimeType: z.string().min(1).max(256).optional(),
  /** Bytes. */
  size: z.number().int().min(0).optional(),
};
export const LineMessageFileSchema = z.object(LineMessageFileShape);
export const LineMessageFileInputSchema = z.object(LineMessageFileShape).strict();
export type LineMessageFile = z.infer<typeof LineMessageFileSchema>;

/**
 * A session message [doc] (its fields have no `_` prefix). Exactly one author field is set for
 * person messages: `client` (client id) or `operator` (user id); [ours] `bot` (bot id) for bot
 * messages; none for system messages. `externalId` is the messenger's id; for messages created
 * inside OpenLines it equals `__id` until the messenger reports its own.
 */
export const LineMessageDataSchema = z.object({
  ...SystemFieldsShape,
  body: z.string(),
  client: IdSchema.optional(),
  operator: IdSchema.optional(),
  bot: IdSchema.optional(),
  externalId: ExternalIdSchema,
  files: z.array(LineMessageFileSchema).optional(),
  isRead: z.boolean(),
  payload: JsonObjectSchema.optional(),
  /** The session id. */
  session: IdSchema,
  type: z.nativeEnum(LineMessageType),
});
export type LineMessageData = z.infer<typeof LineMessageDataSchema>;
