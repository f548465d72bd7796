import {
  ChannelCreateRequestSchema,
  LineChannelState,
  LineChannelType,
  OpenLinesError,
  SECRET_SETTING_KEYS,
} from '@openlines/contracts';
import { newChannelRecord, toChannelData, withSettingsPatch } from './channel.rules';

const now = new Date('2024-05-01T10:00:00.000Z');
const telegram = {
  __name: 'Bot',
  _line: 'line-1',
  _type: LineChannelType.telegramBot,
  _settings: {
    botToken: '123:abc-DEF',
    secretToken: 'a-very-long-secret-token',
    botUsername: 'ol_bot',
  },
};
const record = (input: unknown) =>
  newChannelRecord(ChannelCreateRequestSchema.parse(input), 'ch-1', now);

describe('channel records', () => {
  it('starts a new channel active, with every setting stored', () => {
    const channel = record(telegram);
    expect(channel).toMatchObject({
      _state: LineChannelState.active,
      _line: 'line-1',
      authFailures: 0,
    });
    expect(channel._settings).toEqual(telegram._settings);
  });

  it('never shows a secret in the public view', () => {
    const data = toChannelData({ ...record(telegram), authFailures: 2 });
    expect(data._settings).toEqual({ botUsername: 'ol_bot' });
    expect(Object.keys(data)).not.toContain('authFailures');
    const text = JSON.stringify(data);
    for (const secret of ['123:abc-DEF', 'a-very-long-secret-token'])
      expect(text).not.toContain(secret);
    for (const key of SECRET_SETTING_KEYS) expect(text).not.toContain(`"${key}"`);
  });

  it('keeps the live chat key at the top level for its unique index', () => {
    const channel = record({
      __name: 'Site',
      _line: 'l',
      _type: LineChannelType.livechat,
      _settings: { publicKey: 'pk-12345678' },
    });
    expect(channel.livechatKey).toBe('pk-12345678');
    expect(toChannelData(channel)._settings).toEqual({ publicKey: 'pk-12345678' });
  });

  it('merges a settings patch of the channel type and clears the failure count', () => {
    const next = withSettingsPatch(
      { ...record(telegram), authFailures: 2 },
      { botToken: '123:new' },
    );
    expect(next._settings).toEqual({ ...telegram._settings, botToken: '123:new' });
    expect(next.authFailures).toBe(0);
  });

  it('refuses a settings key of another type, naming it under data._settings', () => {
    try {
      withSettingsPatch(record(telegram), { authToken: 'viber' });
      throw new Error('expected a refusal');
    } catch (caught) {
      const error = caught as OpenLinesError;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details).toEqual({
        issues: [expect.objectContaining({ field: 'data._settings.authToken' })],
      });
      expect(error.message).toContain('authToken');
    }
  });
});
