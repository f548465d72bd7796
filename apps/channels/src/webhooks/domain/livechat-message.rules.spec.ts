import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import {
  LivechatPollSchema,
  normaliseLivechatMessage,
  visitorAccountOf,
} from './livechat-message.rules';

const token = 'v1s1tor-T0ken_abcdef';
const now = new Date('2024-05-01T10:00:00.000Z');

describe('live chat messages', () => {
  it('turns a widget post into one inbound message of the visitor', () => {
    const result = normaliseLivechatMessage(
      { visitorToken: token, text: ' Hello ', messageId: 'm-1', name: 'Ann' },
      now,
    );
    expect(result).toEqual({
      kind: 'message',
      message: {
        account: visitorAccountOf(token),
        externalUserId: visitorAccountOf(token),
        displayName: 'Ann',
        externalMessageId: 'm-1',
        externalChatId: visitorAccountOf(token),
        text: 'Hello',
        attachments: [],
        sentAt: '2024-05-01T10:00:00.000Z',
      },
    });
  });

  it('never puts the token itself into the account', () => {
    const account = visitorAccountOf(token);
    expect(account).not.toContain(token);
    expect(account).toMatch(/^visitor-[0-9a-f]{32}$/);
    expect(visitorAccountOf(token)).toBe(account);
    expect(visitorAccountOf(`${token}x`)).not.toBe(account);
  });

  it.each([
    ['visitorToken', { text: 'hi', messageId: 'm' }],
    ['visitorToken', { visitorToken: 'short', text: 'hi', messageId: 'm' }],
    ['text', { visitorToken: token, text: '   ', messageId: 'm' }],
    ['messageId', { visitorToken: token, text: 'hi' }],
    ['admin', { visitorToken: token, text: 'hi', messageId: 'm', admin: true }],
  ])('refuses a post with a bad %s', (field, body) => {
    try {
      normaliseLivechatMessage(body, now);
      throw new Error('expected a refusal');
    } catch (caught) {
      const error = caught as OpenLinesError;
      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect(error.details).toMatchObject({ issues: [expect.objectContaining({ field })] });
    }
  });

  it('reads the poll query with a default cursor', () => {
    expect(LivechatPollSchema.parse({ visitorToken: token })).toEqual({
      visitorToken: token,
      after: 0,
    });
    expect(LivechatPollSchema.parse({ visitorToken: token, after: '7' })).toEqual({
      visitorToken: token,
      after: 7,
    });
  });
});
