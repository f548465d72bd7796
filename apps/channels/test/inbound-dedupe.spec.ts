import { createHmac } from 'node:crypto';
import { LineChannelType, LinesEvents, MessageInboundPayload } from '@openlines/contracts';
import { EventLog } from '@openlines/testing';
import { ChannelsUnderTest, startChannels } from './support/channels-under-test';
import { linesApi } from './support/lines-api';
import { telegramUpdate, viberCallback } from './support/messenger-bodies';

const TG_SECRET = 'tg-dedupe-secret-000001';
const VIBER_TOKEN = 'dedupe-viber-auth-token-0001';
const PUBLIC_KEY = `pk-dedupe-${Date.now()}`;

/** A Telegram update of message `messageId` in the private chat of user `userId`. */
function telegramFrom(userId: number, updateId: number, messageId: number, text: string): string {
  const update = JSON.parse(telegramUpdate(updateId, messageId, text));
  update.message.from.id = userId;
  update.message.chat.id = userId;
  delete update.message.from.username;
  return JSON.stringify(update);
}

describe('inbound de-duplication is per (channel, chat, message id)', () => {
  let channels: ChannelsUnderTest;
  let events: EventLog;
  const ids = { telegram: '', viber: '' };

  const post = async (path: string, body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${channels.httpUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return (await response.json()) as { outcome: string; eventId: string };
  };
  const telegram = (body: string) =>
    post(`/webhooks/telegram/${ids.telegram}`, body, {
      'X-Telegram-Bot-Api-Secret-Token': TG_SECRET,
    });
  const livechat = (visitorToken: string, messageId: string, text: string) =>
    post(
      `/webhooks/livechat/${PUBLIC_KEY}/messages`,
      JSON.stringify({ visitorToken, messageId, text }),
    );
  const published = (channelId: string, count: number) =>
    events.waitFor<MessageInboundPayload>(
      LinesEvents.message.inbound,
      (e) => e.channelId === channelId,
      count,
    );

  beforeAll(async () => {
    channels = await startChannels();
    events = await EventLog.start(channels.nc, [LinesEvents.message.inbound]);
    const api = linesApi(channels.rpc);
    const _line = (await api.lines.create({ __name: 'Dedupe line' })).__id;
    ids.telegram = (
      await api.channels.create({
        __name: 'Bot',
        _line,
        _type: LineChannelType.telegramBot,
        _settings: { botToken: '123456:AAH-dedupe-bot-token', secretToken: TG_SECRET },
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

  it('takes the same Telegram message_id from two chats, and drops a retry of either', async () => {
    const first = await telegram(telegramFrom(2001, 1, 500, 'from chat 2001'));
    const second = await telegram(telegramFrom(2002, 2, 500, 'from chat 2002'));
    expect([first.outcome, second.outcome]).toEqual(['published', 'published']);
    expect(first.eventId).toBe(`inbound:${ids.telegram}:2001:500`);
    expect((await telegram(telegramFrom(2002, 2, 500, 'from chat 2002'))).outcome).toBe(
      'duplicate',
    );
    const texts = (await published(ids.telegram, 2)).map((e) => e.payload.text);
    expect(texts).toEqual(['from chat 2001', 'from chat 2002']);
  });

  it('takes the same widget messageId from two visitors, and drops a resend', async () => {
    const ann = await livechat('visitor-ann-0123456789', 'w-1', 'Ann here');
    const bob = await livechat('visitor-bob-0123456789', 'w-1', 'Bob here');
    expect([ann.outcome, bob.outcome]).toEqual(['published', 'published']);
    expect(ann.eventId).not.toBe(bob.eventId);
    expect((await livechat('visitor-ann-0123456789', 'w-1', 'Ann here')).outcome).toBe('duplicate');
    const [{ payload }] = await events.waitFor<MessageInboundPayload>(
      LinesEvents.message.inbound,
      (e) => e.text === 'Bob here',
    );
    expect(payload.externalMessageId).toBe('w-1');
  });

  it('still drops a Viber retry: the token with its sender', async () => {
    const raw = viberCallback('5912661846655238145');
    const signature = createHmac('sha256', VIBER_TOKEN).update(raw).digest('hex');
    const send = () =>
      post(`/webhooks/viber/${ids.viber}`, raw, { 'X-Viber-Content-Signature': signature });
    const first = await send();
    expect(first).toEqual({
      outcome: 'published',
      eventId: `inbound:${ids.viber}:01234567890A=:5912661846655238145`,
    });
    expect((await send()).outcome).toBe('duplicate');
    expect(await published(ids.viber, 1)).toHaveLength(1);
  });
});
