import { z } from 'zod';
import { LineChannelState, LineChannelType } from '../enums';
import { PublicChannelSettingsSchemas } from './channel-settings-public.schema';
import { IdSchema, SystemFieldsShape, VersionSchema } from './common.schema';

/** Fields every channel has, whatever its type. */
const LineChannelBaseSchema = z.object({
  ...SystemFieldsShape,
  _state: z.nativeEnum(LineChannelState),
  /** The line this channel feeds. */
  _line: IdSchema,
  /** Why the channel is in the `error` state; absent otherwise. */
  _error: z.string().optional(),
  _version: VersionSchema.optional(),
});

function variant<T extends LineChannelType>(type: T) {
  return LineChannelBaseSchema.extend({
    _type: z.literal(type),
    _settings: PublicChannelSettingsSchemas[type],
  });
}

/**
 * A channel as services return it [doc + ours]: `_settings` is the PUBLIC view of its type (no
 * secrets). Discriminated by `_type`, so `_settings` narrows with it.
 */
export const LineChannelDataSchema = z.discriminatedUnion('_type', [
  variant(LineChannelType.internal),
  variant(LineChannelType.support),
  variant(LineChannelType.telegram),
  variant(LineChannelType.telegramBot),
  variant(LineChannelType.viberbot),
  variant(LineChannelType.whatsapp),
  variant(LineChannelType.instagram),
  variant(LineChannelType.vk),
  variant(LineChannelType.inbox),
  variant(LineChannelType.livechat),
]);
export type LineChannelData = z.infer<typeof LineChannelDataSchema>;
