import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { normaliseTelegramUpdate } from './telegram-update.rules';

// Bodies as Telegram sends them (https://core.telegram.org/bots/webhooks#testing-your-bot-with-updates).
const textUpdate = {
  update_id: 10000,
  message: {
    date: 1441645532,
    chat: {
      last_name: 'Test Lastname',
      id: 1111111,
      type: 'private',
      first_name: 'Test Firstname',
      username: 'Testusername',
    },
    message_id: 1365,
    from: {
      last_name: 'Test Lastname',
      id: 1111111,
      is_bot: false,
      first_name: 'Test Firstname',
      username: 'Testusername',
      language_code: 'en',
    },
    text: '/start',
  },
};

function withMessage(patch: Record<string, unknown>) {
  return { ...textUpdate, message: { ...textUpdate.message, ...patch } };
}

function failureOf(body: unknown): OpenLinesError {
  try {
    normaliseTelegramUpdate(body);
  } catch (error) {
    return error as OpenLinesError;
  }
  throw new Error('expected the body to be refused');
}

describe('normaliseTelegramUpdate', () => {
  it('turns a private text message into one inbound message', () => {
    expect(normaliseTelegramUpdate(textUpdate)).toEqual({
      kind: 'message',
      message: {
        account: 'Testusername',
        externalUserId: '1111111',
        displayName: 'Test Firstname Test Lastname',
        externalMessageId: '1365',
        externalChatId: '1111111',
        text: '/start',
        attachments: [],
        sentAt: '2015-09-07T17:05:32.000Z',
        languageCode: 'en',
      },
    });
  });

  it('knows a user without a username by the numeric id', () => {
    const from = { id: 42, is_bot: false, first_name: 'Ann' };
    const result = normaliseTelegramUpdate(withMessage({ from }));
    expect(result).toMatchObject({
      kind: 'message',
      message: { account: '42', displayName: 'Ann' },
    });
  });

  it('takes the largest photo size and the caption as text', () => {
    const photo = [
      { file_id: 'small', file_unique_id: 'u1', width: 90, height: 90, file_size: 1000 },
      { file_id: 'large', file_unique_id: 'u2', width: 1280, height: 1280, file_size: 90000 },
    ];
    const result = normaliseTelegramUpdate(
      withMessage({ text: undefined, photo, caption: 'my receipt' }),
    );
    expect(result).toMatchObject({
      kind: 'message',
      message: { text: 'my receipt', attachments: [{ type: 'photo', ref: 'large', size: 90000 }] },
    });
  });

  it('keeps a document with its name and type', () => {
    const document = {
      file_id: 'doc1',
      file_unique_id: 'd',
      file_name: 'invoice.pdf',
      mime_type: 'application/pdf',
      file_size: 12,
    };
    const result = normaliseTelegramUpdate(withMessage({ text: undefined, document }));
    expect(result).toMatchObject({
      message: {
        text: '',
        attachments: [
          {
            type: 'document',
            ref: 'doc1',
            name: 'invoice.pdf',
            mimeType: 'application/pdf',
            size: 12,
          },
        ],
      },
    });
  });

  it.each([
    ['an edited message', { update_id: 1, edited_message: textUpdate.message }],
    ['a callback query', { update_id: 2, callback_query: { id: 'x' } }],
    ['a group message', withMessage({ chat: { id: -5, type: 'group', title: 'g' } })],
    ['a message from a bot', withMessage({ from: { id: 7, is_bot: true, first_name: 'B' } })],
    ['a sticker', withMessage({ text: undefined, sticker: { file_id: 's' } })],
  ])('ignores %s', (_name, body) => {
    expect(normaliseTelegramUpdate(body)).toMatchObject({ kind: 'ignored' });
  });

  it('refuses a body that is not an update, naming the field', () => {
    const error = failureOf({ message: textUpdate.message });
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.message).toContain('update_id');
  });

  it('refuses a message without its chat', () => {
    const error = failureOf(withMessage({ chat: undefined }));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.message).toContain('message.chat');
  });

  it('refuses a body that is not an object', () => {
    expect(failureOf('hello').code).toBe(ErrorCode.ValidationFailed);
  });
});
