import { z } from 'zod';
import { UnixMillisSchema } from './messenger-time.schema';

/**
 * The Viber REST bot API callback (https://developers.viber.com/docs/api/rest-bot-api/#callbacks),
 * field for field as far as we read it; unknown fields pass through. Every callback has `event`
 * and `timestamp`; only `event: 'message'` carries a sender and a message.
 */
export const ViberCallbackEnvelopeSchema = z
  .object({
    event: z.string().min(1),
    timestamp: UnixMillisSchema,
    message_token: z.union([z.number().int(), z.string().regex(/^\d+$/)]).optional(),
  })
  .passthrough();

export const ViberSenderSchema = z
  .object({
    id: z.string().min(1),
    name: z.string(),
    avatar: z.string().optional(),
    language: z.string().optional(),
    country: z.string().optional(),
    api_version: z.number().int().optional(),
  })
  .passthrough();

export const ViberMessageSchema = z
  .object({
    type: z.string().min(1),
    text: z.string().optional(),
    media: z.string().optional(),
    thumbnail: z.string().optional(),
    file_name: z.string().optional(),
    size: z.number().int().optional(),
    tracking_data: z.string().optional(),
  })
  .passthrough();

export const ViberMessageCallbackSchema = ViberCallbackEnvelopeSchema.extend({
  event: z.literal('message'),
  message_token: z.union([z.number().int(), z.string().regex(/^\d+$/)]),
  sender: ViberSenderSchema,
  message: ViberMessageSchema,
});

export type ViberMessageCallback = z.infer<typeof ViberMessageCallbackSchema>;
export type ViberMessage = z.infer<typeof ViberMessageSchema>;
