import { z } from 'zod';
import { UnixSecondsSchema } from './messenger-time.schema';

/**
 * The parts of the Telegram Bot API `Update` (https://core.telegram.org/bots/api#update) that we
 * read, field for field. Unknown fields pass through untouched: Telegram adds fields often and a
 * new one must never turn a good update into a 400.
 */
export const TelegramUserSchema = z
  .object({
    id: z.number().int(),
    is_bot: z.boolean(),
    first_name: z.string(),
    last_name: z.string().optional(),
    username: z.string().optional(),
    language_code: z.string().optional(),
  })
  .passthrough();

export const TelegramChatSchema = z
  .object({
    id: z.number().int(),
    type: z.enum(['private', 'group', 'supergroup', 'channel']),
    title: z.string().optional(),
    username: z.string().optional(),
    first_name: z.string().optional(),
    last_name: z.string().optional(),
  })
  .passthrough();

export const TelegramPhotoSizeSchema = z
  .object({
    file_id: z.string().min(1),
    file_unique_id: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    file_size: z.number().int().optional(),
  })
  .passthrough();

/** Document, Video, Audio and Voice share these fields. */
export const TelegramFileSchema = z
  .object({
    file_id: z.string().min(1),
    file_unique_id: z.string(),
    file_name: z.string().optional(),
    mime_type: z.string().optional(),
    file_size: z.number().int().optional(),
  })
  .passthrough();

export const TelegramMessageSchema = z
  .object({
    message_id: z.number().int(),
    from: TelegramUserSchema.optional(),
    date: UnixSecondsSchema,
    chat: TelegramChatSchema,
    text: z.string().optional(),
    caption: z.string().optional(),
    photo: z.array(TelegramPhotoSizeSchema).optional(),
    document: TelegramFileSchema.optional(),
    video: TelegramFileSchema.optional(),
    audio: TelegramFileSchema.optional(),
    voice: TelegramFileSchema.optional(),
  })
  .passthrough();

export const TelegramUpdateSchema = z
  .object({
    update_id: z.number().int(),
    message: TelegramMessageSchema.optional(),
  })
  .passthrough();

export type TelegramUser = z.infer<typeof TelegramUserSchema>;
export type TelegramMessage = z.infer<typeof TelegramMessageSchema>;
export type TelegramUpdate = z.infer<typeof TelegramUpdateSchema>;
