import { ZodTypeAny } from 'zod';
import { ErrorCode, OpenLinesError, validate } from '../errors';
import { LineChannelType } from '../enums';
import {
  ChannelSettingsSchemas,
  LineChannelDataSchema,
  PublicChannelSettingsSchemas,
  SECRET_SETTING_KEYS,
  SECRET_SETTING_MARK,
  channelSettingsPatchSchema,
  toPublicChannelSettings,
} from './index';
import { sampleChannel } from '../__fixtures__/data-samples.fixture';

/** A full, valid writable settings object per type, secrets included. */
const FULL_SETTINGS: Record<LineChannelType, Record<string, unknown>> = {
  internal: {},
  support: {},
  telegram: {
    phoneNumber: '+4915112345678',
    apiId: 123,
    apiHash: 'hash-secret',
    sessionString: 'sess-secret',
  },
  telegramBot: {
    botToken: '123456:ABC-def_ghi',
    secretToken: 'webhook-secret-123456',
    botUsername: 'ol_bot',
  },
  viberbot: {
    authToken: 'viber-secret',
    senderName: 'OpenLines',
    senderAvatarUrl: 'https://x.test/a.png',
  },
  whatsapp: {
    phoneNumberId: '1055',
    accessToken: 'wa-secret',
    appSecret: 'app-secret',
    verifyToken: 'verify-secret',
  },
  instagram: {
    pageId: '77',
    accessToken: 'ig-secret',
    appSecret: 'app-secret',
    verifyToken: 'verify-secret',
  },
  vk: {
    groupId: '12345',
    accessToken: 'vk-secret',
    secretKey: 'vk-key',
    confirmationCode: 'abc123',
  },
  inbox: { address: 'help@example.com', displayName: 'Help', webhookSecret: 'mail-secret' },
  livechat: {
    publicKey: 'pk_live_123456',
    allowedOrigins: ['https://shop.test'],
    welcomeMessage: 'Hi!',
  },
};
const TYPES = Object.values(LineChannelType);

describe('channel settings', () => {
  it.each(TYPES)('%s: the writable schema accepts full settings with secrets', (type) => {
    expect(ChannelSettingsSchemas[type].parse(FULL_SETTINGS[type])).toEqual(FULL_SETTINGS[type]);
  });

  it.each(TYPES)('%s: the public schema strips every secret and keeps the rest', (type) => {
    const view = PublicChannelSettingsSchemas[type].parse(FULL_SETTINGS[type]);
    const expected = Object.fromEntries(
      Object.entries(FULL_SETTINGS[type]).filter(
        ([key]) => !(SECRET_SETTING_KEYS as readonly string[]).includes(key),
      ),
    );
    expect(view).toEqual(expected);
    expect(JSON.stringify(view)).not.toMatch(/secret/);
  });

  it('no public schema declares a secret key', () => {
    for (const type of TYPES) {
      const keys = Object.keys(PublicChannelSettingsSchemas[type].shape);
      expect(
        keys.filter((key) => (SECRET_SETTING_KEYS as readonly string[]).includes(key)),
      ).toEqual([]);
    }
  });

  it('SECRET_SETTING_KEYS is exactly the set of fields marked secret in the schemas', () => {
    const marked = new Set<string>();
    for (const type of TYPES) {
      const shape: Record<string, ZodTypeAny> = ChannelSettingsSchemas[type].shape;
      for (const [key, field] of Object.entries(shape)) {
        if (field.description === SECRET_SETTING_MARK) marked.add(key);
      }
    }
    expect([...marked].sort()).toEqual([...SECRET_SETTING_KEYS].sort());
  });

  it('the channel data schema strips secrets from a stored channel', () => {
    const stored = {
      ...sampleChannel,
      _settings: FULL_SETTINGS.telegramBot,
      _id: 'mongo-internal',
    };
    const reply = LineChannelDataSchema.parse(stored);
    expect(reply._settings).toEqual({ botUsername: 'ol_bot' });
    expect(reply).not.toHaveProperty('_id');
    expect(JSON.stringify(reply)).not.toContain('webhook-secret');
  });

  it('toPublicChannelSettings strips secrets and rejects invalid settings with VALIDATION_FAILED', () => {
    expect(toPublicChannelSettings(LineChannelType.viberbot, FULL_SETTINGS.viberbot)).toEqual({
      senderName: 'OpenLines',
      senderAvatarUrl: 'https://x.test/a.png',
    });
    expect(() => toPublicChannelSettings(LineChannelType.inbox, { address: 'not-mail' })).toThrow(
      expect.objectContaining({
        code: ErrorCode.ValidationFailed,
        message: expect.stringContaining('address'),
      }),
    );
  });

  it('refuses a malformed bot token, a short webhook secret and unknown keys', () => {
    const attempt = (settings: unknown) => {
      try {
        validate(ChannelSettingsSchemas.telegramBot, settings, 'telegramBot settings');
      } catch (error) {
        return (error as OpenLinesError).message;
      }
      throw new Error('accepted');
    };
    expect(attempt({ botToken: 'nonsense', secretToken: 'webhook-secret-123456' })).toContain(
      'botToken',
    );
    expect(attempt({ botToken: '1:a', secretToken: 'short' })).toContain('secretToken');
    expect(attempt({ ...FULL_SETTINGS.telegramBot, token: 'x' })).toContain('token: unknown field');
  });

  it('patches accept any subset of writable keys of the type, nothing else', () => {
    expect(
      channelSettingsPatchSchema(LineChannelType.telegramBot).parse({ botToken: '9:z' }),
    ).toEqual({ botToken: '9:z' });
    expect(
      channelSettingsPatchSchema(LineChannelType.telegramBot).safeParse({ authToken: 'x' }).success,
    ).toBe(false);
  });
});
