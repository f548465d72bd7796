import { z } from 'zod';
import { LineChannelType } from '../enums';
import { validate } from '../errors';
import {
  ChannelSettingsSchemas,
  SECRET_SETTING_KEYS,
  SecretSettingKey,
} from './channel-settings.schema';

/** The public views are the writable schemas minus these keys. */
const SECRET_KEYS = new Set<string>(SECRET_SETTING_KEYS);

type PublicShape<S extends z.AnyZodObject> = Omit<S['shape'], SecretSettingKey>;
type PublicSchema<S extends z.AnyZodObject> = z.ZodObject<PublicShape<S>>;

function publicView<S extends z.AnyZodObject>(schema: S): PublicSchema<S> {
  const shape: z.ZodRawShape = schema.shape;
  const entries = Object.entries(shape).filter(([key]) => !SECRET_KEYS.has(key));
  return z.object(Object.fromEntries(entries)) as unknown as PublicSchema<S>;
}

/** Public (secret-free) settings per channel type; unknown and secret keys are stripped. */
export const PublicChannelSettingsSchemas = {
  [LineChannelType.internal]: publicView(ChannelSettingsSchemas.internal),
  [LineChannelType.support]: publicView(ChannelSettingsSchemas.support),
  [LineChannelType.telegram]: publicView(ChannelSettingsSchemas.telegram),
  [LineChannelType.telegramBot]: publicView(ChannelSettingsSchemas.telegramBot),
  [LineChannelType.viberbot]: publicView(ChannelSettingsSchemas.viberbot),
  [LineChannelType.whatsapp]: publicView(ChannelSettingsSchemas.whatsapp),
  [LineChannelType.instagram]: publicView(ChannelSettingsSchemas.instagram),
  [LineChannelType.vk]: publicView(ChannelSettingsSchemas.vk),
  [LineChannelType.inbox]: publicView(ChannelSettingsSchemas.inbox),
  [LineChannelType.livechat]: publicView(ChannelSettingsSchemas.livechat),
};
export type PublicChannelSettings<T extends LineChannelType = LineChannelType> = z.infer<
  (typeof PublicChannelSettingsSchemas)[T]
>;

/**
 * Schema of a settings patch (`lines.channels.update`): any subset of the writable keys of that
 * type; the service validates the patch once it knows the channel's type, then merges it.
 */
export function channelSettingsPatchSchema<T extends LineChannelType>(type: T) {
  return ChannelSettingsSchemas[type].partial().strict();
}

/** The secret-free view of stored settings, for replies and events (VALIDATION_FAILED if invalid). */
export function toPublicChannelSettings<T extends LineChannelType>(
  type: T,
  settings: unknown,
): PublicChannelSettings<T> {
  const schema: z.AnyZodObject = PublicChannelSettingsSchemas[type];
  return validate(schema, settings, `${type} channel settings`) as PublicChannelSettings<T>;
}
