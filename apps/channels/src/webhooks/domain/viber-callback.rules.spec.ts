import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { exactMessageToken, normaliseViberCallback } from './viber-callback.rules';

// The message callback as documented (https://developers.viber.com/docs/api/rest-bot-api/#receive-message-from-user).
const raw = `{
  "event": "message",
  "timestamp": 1457764197627,
  "chat_hostname": "SN-376_",
  "message_token": 4912661846655238145,
  "sender": {
    "id": "01234567890A=",
    "name": "John McClane",
    "avatar": "http://avatar.example.com",
    "country": "UK",
    "language": "en",
    "api_version": 1
  },
  "message": {
    "type": "text",
    "text": "a message to the service",
    "media": "http://example.com",
    "location": { "lat": 50.76891, "lon": 6.11499 },
    "tracking_data": "tracking data"
  },
  "silent": false
}`;

const parse = (text: string) => normaliseViberCallback(JSON.parse(text), text);

function withMessage(message: Record<string, unknown>): string {
  return JSON.stringify({ ...JSON.parse(raw), message }).replace(
    '4912661846655238000',
    '4912661846655238145',
  );
}

describe('normaliseViberCallback', () => {
  it('turns a text message into one inbound message with the exact 64-bit token', () => {
    expect(parse(raw)).toEqual({
      kind: 'message',
      message: {
        account: '01234567890A=',
        externalUserId: '01234567890A=',
        displayName: 'John McClane',
        externalMessageId: '4912661846655238145',
        externalChatId: '01234567890A=',
        text: 'a message to the service',
        attachments: [],
        sentAt: '2016-03-12T06:29:57.627Z',
        languageCode: 'en',
        avatarUrl: 'http://avatar.example.com',
      },
    });
  });

  it('keeps a picture with its caption', () => {
    const body = withMessage({
      type: 'picture',
      text: 'photo of the bill',
      media: 'https://dl.viber.com/p.jpg',
      size: 3000,
    });
    expect(parse(body)).toMatchObject({
      message: {
        text: 'photo of the bill',
        attachments: [{ type: 'picture', url: 'https://dl.viber.com/p.jpg', size: 3000 }],
      },
    });
  });

  it('keeps a file with its name', () => {
    const body = withMessage({
      type: 'file',
      media: 'https://dl.viber.com/f',
      file_name: 'a.pdf',
      size: 10,
    });
    expect(parse(body)).toMatchObject({
      message: {
        text: '',
        attachments: [{ type: 'file', url: 'https://dl.viber.com/f', name: 'a.pdf', size: 10 }],
      },
    });
  });

  it('shows a url message as its link', () => {
    expect(parse(withMessage({ type: 'url', media: 'https://example.com/x' }))).toMatchObject({
      message: { text: 'https://example.com/x' },
    });
  });

  it.each([
    [
      'the webhook check',
      {
        event: 'webhook',
        timestamp: 1457764197627,
        chat_hostname: 'SN-372_',
        message_token: 241256543215,
      },
    ],
    [
      'a subscription',
      {
        event: 'subscribed',
        timestamp: 1457764197627,
        user: { id: 'u', name: 'U' },
        message_token: 4912661846655238145,
      },
    ],
    [
      'a delivery report',
      {
        event: 'delivered',
        timestamp: 1457764197627,
        chat_hostname: 'SN-372_',
        message_token: 4912661846655238145,
        user_id: '01234567890A=',
      },
    ],
  ])('ignores %s', (_name, body) => {
    expect(normaliseViberCallback(body, JSON.stringify(body))).toMatchObject({ kind: 'ignored' });
  });

  it('ignores a sticker', () => {
    expect(parse(withMessage({ type: 'sticker', sticker_id: 46105 }))).toMatchObject({
      kind: 'ignored',
    });
  });

  it('refuses a message callback without its sender, naming the field', () => {
    const body = { ...JSON.parse(raw), sender: undefined };
    let error: OpenLinesError | undefined;
    try {
      normaliseViberCallback(body, JSON.stringify(body));
    } catch (caught) {
      error = caught as OpenLinesError;
    }
    expect(error?.code).toBe(ErrorCode.ValidationFailed);
    expect(error?.message).toContain('sender');
  });

  it('refuses a body without an event', () => {
    expect(() => normaliseViberCallback({ timestamp: 1 }, '{"timestamp":1}')).toThrow(/event/);
  });
});

describe('exactMessageToken', () => {
  it('falls back to the parsed value when the raw text does not hold it', () => {
    expect(exactMessageToken('{}', 17)).toBe('17');
    expect(exactMessageToken('{"message_token": 99}', 17)).toBe('17');
  });
});
