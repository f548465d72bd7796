import { createHmac } from 'node:crypto';
import {
  LineChannelType,
  LinesEvents,
  MESSAGE_TEXT_MAX_LENGTH,
  MessageInboundPayload,
} from '@openlines/contracts';
import { EventLog } from '@openlines/testing';
import { ChannelsUnderTest, startChannels } from './support/channels-under-test';
import { linesApi } from './support/lines-api';
import { telegramUpdate, viberCallback } from './support/messenger-bodies';

const TG_SECRET = 'tg-limits-secret-000001';
const VIBER_TOKEN = 'limits-viber-auth-token-0001';
const PUBLIC_KEY = `pk-limits-${Date.now()}`;

describe('webhook bodies outside our limits', () => {
  let channels: ChannelsUnderTest;
  let events: EventLog;
  const ids = { telegram: '', viber: '' };

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${channels.httpUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const telegram = (body: string) =>
    post(`/webhooks/telegram/${ids.telegram}`, body, {
      'X-Telegram-Bot-Api-Secret-Token': TG_SECRET,
    });
  const viber = (raw: string) =>
    post(`/webhooks/viber/${ids.viber}`, raw, {
      'X-Viber-Content-Signature': createHmac('sha256', VIBER_TOKEN).update(raw).digest('hex'),
    });
  const failure = async (response: Response) => ({
    status: response.status,
    body: (await response.json()) as { code: string; message: string },
  });

  beforeAll(async () => {
    channels = await startChannels();
    events = await EventLog.start(channels.nc, [LinesEvents.message.inbound]);
    const api = linesApi(channels.rpc);
    const _line = (await api.lines.create({ __name: 'Limits line' })).__id;
    ids.telegram = (
      await api.channels.create({
        __name: 'Bot',
        _line,
        _type: LineChannelType.telegramBot,
        _settings: { botToken: '123456:AAH-limits-bot-token', secretToken: TG_SECRET },
      })
    ).__id;
    ids.viber = (
      await api.channels.create({
        __name: 'Viber',
        _line,
        _type: LineChannelType.viberbot,
        _settings: { authToken: VIBER_TOKEN },
      })
    ).__id;
    await api.channels.create({
      __name: 'Site',
      _line,
      _type: LineChannelType.livechat,
      _settings: { publicKey: PUBLIC_KEY, allowedOrigins: ['https://shop.example'] },
    });
  });

  afterAll(async () => {
    await events.stop();
    await channels.close();
  });

  it.each([1e20, -1e20, 0])(
    'answers 400 naming message.date to a Telegram date of %s',
    async (date) => {
      const update = JSON.parse(telegramUpdate(30, 30, 'when?'));
      update.message.date = date;
      const { status, body } = await failure(await telegram(JSON.stringify(update)));
      expect([status, body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(body.message).toContain('message.date');
    },
  );

  it.each(['1e20', '-1e20'])(
    'answers 400 naming timestamp to a Viber timestamp of %s',
    async (ts) => {
      const raw = viberCallback('6912661846655238145').replace(
        '"timestamp":1457764197627',
        `"timestamp":${ts}`,
      );
      const { status, body } = await failure(await viber(raw));
      expect([status, body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(body.message).toContain('timestamp');
    },
  );

  it('takes a signed 1 MB Telegram update truncated: the text at the limit, the raw bounded', async () => {
    const body = telegramUpdate(40, 40, 'я'.repeat(500_000));
    expect(Buffer.byteLength(body)).toBeGreaterThan(1_000_000);
    const response = await telegram(body);
    expect([response.status, ((await response.json()) as { outcome: string }).outcome]).toEqual([
      200,
      'published',
    ]);
    const [event] = await events.waitFor<MessageInboundPayload>(
      LinesEvents.message.inbound,
      (e) => e.channelId === ids.telegram && e.externalMessageId === '40',
    );
    expect(event.payload.text).toBe('я'.repeat(MESSAGE_TEXT_MAX_LENGTH));
    expect(event.payload.raw).toMatchObject({
      truncated: ['text', 'raw'],
      rawBytes: Buffer.byteLength(body),
      rawHead: expect.stringMatching(/^\{"update_id":40,/),
    });
    expect(Buffer.byteLength(JSON.stringify(event.payload))).toBeLessThan(100 * 1024);
  });

  it('refuses a widget text above the message text limit with 400 naming text', async () => {
    const response = await post(
      `/webhooks/livechat/${PUBLIC_KEY}/messages`,
      JSON.stringify({
        visitorToken: 'visitor-long-0123456789',
        messageId: 'w-long',
        text: 'x'.repeat(MESSAGE_TEXT_MAX_LENGTH + 1),
      }),
    );
    const { status, body } = await failure(response);
    expect([status, body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(body.message).toContain('text');
  });
});
