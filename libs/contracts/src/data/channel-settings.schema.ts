import { z } from 'zod';
import { LineChannelType } from '../enums';
import { ExternalIdSchema } from './id.schema';

/**
 * Type-specific channel settings. The WRITABLE schemas (what `lines.channels.create` accepts)
 * include secrets; the PUBLIC schemas (what any reply or event carries) are the same minus every
 * key in SECRET_SETTING_KEYS, and strip unknown keys, so parsing stored settings through them
 * drops the secrets. Secrets also go into the logger's redaction list.
 */
export const SECRET_SETTING_KEYS = [
  'botToken',
  'secretToken',
  'authToken',
  'accessToken',
  'appSecret',
  'verifyToken',
  'apiHash',
  'sessionString',
  'secretKey',
  'webhookSecret',
] as const;
export type SecretSettingKey = (typeof SECRET_SETTING_KEYS)[number];

/** Marks a secret field in the schema itself; a spec checks these marks against the list above. */
export const SECRET_SETTING_MARK = 'secret';
const secret = <T extends z.ZodTypeAny>(schema: T): T => schema.describe(SECRET_SETTING_MARK);
const Secret = secret(z.string().min(1).max(1024));
/** A messenger's account, page or number id (numeric in practice); no invisible characters. */
const MessengerId = ExternalIdSchema.max(64);
const HttpUrl = z
  .string()
  .url()
  .max(2048)
  .regex(/^https?:\/\//, 'Must be an http(s) URL');

/** Writable settings per channel type. */
export const ChannelSettingsSchemas = {
  [LineChannelType.internal]: z.object({}).strict(),
  [LineChannelType.support]: z.object({}).strict(),
  /** A personal Telegram account (MTProto). */
  [LineChannelType.telegram]: z
    .object({
      phoneNumber: z.string().regex(/^\+?\d{5,16}$/, 'Must be a phone number'),
      apiId: z.number().int().positive(),
      apiHash: Secret,
      sessionString: Secret.optional(),
    })
    .strict(),
  [LineChannelType.telegramBot]: z
    .object({
      botToken: secret(
        z.string().regex(/^\d+:[\w-]+$/, 'Must be a Telegram bot token (<id>:<secret>)'),
      ),
      /** Checked against Telegram's `X-Telegram-Bot-Api-Secret-Token` webhook header. */
      secretToken: secret(
        z.string().regex(/^[\w-]{16,256}$/, 'Must be 16-256 characters A-Z a-z 0-9 _ -'),
      ),
      botUsername: z.string().min(1).max(64).optional(),
    })
    .strict(),
  [LineChannelType.viberbot]: z
    .object({
      authToken: Secret,
      /** Viber's `sender.name` (max 28); defaults to the channel's name. */
      senderName: z.string().min(1).max(28).optional(),
      senderAvatarUrl: HttpUrl.optional(),
    })
    .strict(),
  /** WhatsApp Cloud API. */
  [LineChannelType.whatsapp]: z
    .object({
      phoneNumberId: MessengerId,
      businessAccountId: MessengerId.optional(),
      accessToken: Secret,
      appSecret: Secret,
      verifyToken: Secret,
    })
    .strict(),
  [LineChannelType.instagram]: z
    .object({
      pageId: MessengerId,
      accessToken: Secret,
      appSecret: Secret,
      verifyToken: Secret,
    })
    .strict(),
  /** A VK community (Callback API). */
  [LineChannelType.vk]: z
    .object({
      groupId: z.string().regex(/^\d+$/, 'Must be a numeric group id'),
      accessToken: Secret,
      secretKey: Secret,
      /** Echoed to VK's confirmation request; not a secret. */
      confirmationCode: z.string().min(1).max(64),
    })
    .strict(),
  /** E-mail; inbound mail is posted to the channel's webhook. */
  [LineChannelType.inbox]: z
    .object({
      address: z.string().email().max(320),
      displayName: z.string().min(1).max(128).optional(),
      webhookSecret: Secret.optional(),
    })
    .strict(),
  /** The web widget; `publicKey` is embedded in pages, so it is public. */
  [LineChannelType.livechat]: z
    .object({
      publicKey: z.string().min(8).max(128),
      allowedOrigins: z.array(HttpUrl).max(50).optional(),
      welcomeMessage: z.string().min(1).max(2000).optional(),
    })
    .strict(),
} satisfies Record<LineChannelType, z.AnyZodObject>;
type WritableSchemas = typeof ChannelSettingsSchemas;

export type ChannelSettings<T extends LineChannelType = LineChannelType> = z.infer<
  WritableSchemas[T]
>;
