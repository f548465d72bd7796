import { createHmac } from 'node:crypto';
import {
  LineChannelData,
  LineChannelType,
  LinesEvents,
  MessageInboundPayload,
} from '@openlines/contracts';
import { ChannelsUnderTest, startChannels } from './support/channels-under-test';
import { EventLog } from '@openlines/testing';
import { linesApi } from './support/lines-api';
import { telegramUpdate, viberCallback } from './support/messenger-bodies';

const TG_SECRET = 'tg-webhook-secret-000001';
const VIBER_TOKEN = '445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9';

describe('inbound webhooks (HTTP /webhooks/*)', () => {
  let channels: ChannelsUnderTest;
  let events: EventLog;
  let telegram: LineChannelData;
  let viber: LineChannelData;
  let lineId: string;

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${channels.httpUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const inbound = (channelId: string) =>
    events.matching<MessageInboundPayload>(
      LinesEvents.message.inbound,
      (e) => e.channelId === channelId,
    );
  const viberSignature = (raw: string) =>
    createHmac('sha256', VIBER_TOKEN).update(raw).digest('hex');

  beforeAll(async () => {
    channels = await startChannels();
    events = await EventLog.start(channels.nc, [LinesEvents.message.inbound]);
    const api = linesApi(channels.rpc);
    lineId = (await api.lines.create({ __name: 'Webhooks line' })).__id;
    telegram = await api.channels.create({
      __name: 'Bot',
      _line: lineId,
      _type: LineChannelType.telegramBot,
      _settings: { botToken: '123456:AAH-secret-bot-token', secretToken: TG_SECRET },
    });
    viber = await api.channels.create({
      __name: 'Viber',
      _line: lineId,
      _type: LineChannelType.viberbot,
      _settings: { authToken: VIBER_TOKEN },
    });
  });

  afterAll(async () => {
    await events.stop();
    await channels.close();
  });

  it('turns a Telegram update into one message.inbound event, and drops a repeat of it', async () => {
    const body = telegramUpdate(10000, 1365, '/start');
    const first = await post(`/webhooks/telegram/${telegram.__id}`, body, {
      'X-Telegram-Bot-Api-Secret-Token': TG_SECRET,
    });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({
      outcome: 'published',
      eventId: `inbound:${telegram.__id}:1111111:1365`,
    });
    const again = await post(`/webhooks/telegram/${telegram.__id}`, body, {
      'X-Telegram-Bot-Api-Secret-Token': TG_SECRET,
    });
    expect(await again.json()).toMatchObject({ outcome: 'duplicate' });
    const [event] = await events.waitFor<MessageInboundPayload>(
      LinesEvents.message.inbound,
      (e) => e.channelId === telegram.__id,
    );
    expect(event.msgId).toBe(`inbound:${telegram.__id}:1111111:1365`);
    expect(event.payload).toMatchObject({
      channelId: telegram.__id,
      lineId,
      channelType: 'telegramBot',
      account: 'Testusername',
      externalUserId: '1111111',
      externalChatId: '1111111',
      displayName: 'Test Firstname Test Lastname',
      externalMessageId: '1365',
      text: '/start',
      attachments: [],
      languageCode: 'en',
      sentAt: '2015-09-07T17:05:32.000Z',
    });
    // A later, different message is a new event: only repeats are dropped.
    await post(`/webhooks/telegram/${telegram.__id}`, telegramUpdate(10001, 1366, 'hi'), {
      'X-Telegram-Bot-Api-Secret-Token': TG_SECRET,
    });
    await events.waitFor(
      LinesEvents.message.inbound,
      (e: MessageInboundPayload) => e.channelId === telegram.__id,
      2,
    );
    expect(inbound(telegram.__id).map((e) => e.payload.externalMessageId)).toEqual([
      '1365',
      '1366',
    ]);
  });

  it('turns a signed Viber callback into one event with the exact message token', async () => {
    const raw = viberCallback('4912661846655238145');
    const response = await post(`/webhooks/viber/${viber.__id}`, raw, {
      'X-Viber-Content-Signature': viberSignature(raw),
    });
    expect(response.status).toBe(200);
    const [event] = await events.waitFor<MessageInboundPayload>(
      LinesEvents.message.inbound,
      (e) => e.channelId === viber.__id,
    );
    expect(event.payload).toMatchObject({
      channelType: 'viberbot',
      account: '01234567890A=',
      displayName: 'John McClane',
      externalMessageId: '4912661846655238145',
      text: 'a message to the service',
      avatarUrl: 'http://avatar.example.com',
    });
  });

  it('answers 401 to forged or missing signatures and publishes nothing', async () => {
    const raw = viberCallback('4912661846655238146');
    const forged = createHmac('sha256', 'not-the-token').update(raw).digest('hex');
    const statuses = [
      (await post(`/webhooks/viber/${viber.__id}`, raw, { 'X-Viber-Content-Signature': forged }))
        .status,
      (await post(`/webhooks/viber/${viber.__id}`, raw)).status,
      (
        await post(`/webhooks/viber/${viber.__id}`, raw.replace('service', 'servicE'), {
          'X-Viber-Content-Signature': viberSignature(raw),
        })
      ).status,
      (
        await post(`/webhooks/telegram/${telegram.__id}`, telegramUpdate(2, 2, 'x'), {
          'X-Telegram-Bot-Api-Secret-Token': 'wrong-secret-000000001',
        })
      ).status,
      (await post(`/webhooks/telegram/${telegram.__id}`, telegramUpdate(3, 3, 'x'))).status,
    ];
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    // A signed message sent after the forged ones is the only new event.
    const marker = viberCallback('4912661846655238147');
    await post(`/webhooks/viber/${viber.__id}`, marker, {
      'X-Viber-Content-Signature': viberSignature(marker),
    });
    await events.waitFor(
      LinesEvents.message.inbound,
      (e: MessageInboundPayload) => e.externalMessageId === '4912661846655238147',
    );
    expect(inbound(viber.__id).map((e) => e.payload.externalMessageId)).toEqual([
      '4912661846655238145',
      '4912661846655238147',
    ]);
    expect(inbound(telegram.__id).map((e) => e.payload.externalMessageId)).not.toContain('2');
  });

  it('acknowledges updates without a message (200) and publishes nothing for them', async () => {
    const webhookCheck =
      '{"event":"webhook","timestamp":1457764197627,"chat_hostname":"SN-372_","message_token":241256543215}';
    const delivered =
      '{"event":"delivered","timestamp":1457764197627,"chat_hostname":"SN-372_","message_token":4912661846655238145,"user_id":"01234567890A="}';
    for (const raw of [webhookCheck, delivered]) {
      const response = await post(`/webhooks/viber/${viber.__id}`, raw, {
        'X-Viber-Content-Signature': viberSignature(raw),
      });
      expect([response.status, ((await response.json()) as { outcome: string }).outcome]).toEqual([
        200,
        'ignored',
      ]);
    }
    const edited = JSON.stringify({
      update_id: 5,
      edited_message: JSON.parse(telegramUpdate(5, 1365, 'edited')).message,
    });
    const response = await post(`/webhooks/telegram/${telegram.__id}`, edited, {
      'X-Telegram-Bot-Api-Secret-Token': TG_SECRET,
    });
    expect([response.status, ((await response.json()) as { outcome: string }).outcome]).toEqual([
      200,
      'ignored',
    ]);
  });

  it('answers 400 with the reason to a body that is not an update', async () => {
    const headers = { 'X-Telegram-Bot-Api-Secret-Token': TG_SECRET };
    const missing = await post(
      `/webhooks/telegram/${telegram.__id}`,
      '{"message":{"text":"hi"}}',
      headers,
    );
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('update_id'),
    });
    expect((await post(`/webhooks/telegram/${telegram.__id}`, '{not json', headers)).status).toBe(
      400,
    );
    const huge = JSON.stringify({ update_id: 1, padding: 'x'.repeat(1024 * 1024) });
    expect((await post(`/webhooks/telegram/${telegram.__id}`, huge, headers)).status).toBe(413);
  });

  it('answers 404 to an unknown channel and to a channel of another type', async () => {
    expect(
      (await post('/webhooks/telegram/no-such-channel', telegramUpdate(1, 1, 'x'))).status,
    ).toBe(404);
    expect((await post(`/webhooks/telegram/${viber.__id}`, telegramUpdate(1, 1, 'x'))).status).toBe(
      404,
    );
    expect((await post('/webhooks/livechat/no-such-key/messages', '{}')).status).toBe(404);
  });

  it('answers 410 once the channel is disconnected, and publishes nothing', async () => {
    const api = linesApi(channels.rpc);
    const bot = await api.channels.create({
      __name: 'Gone',
      _line: lineId,
      _type: LineChannelType.telegramBot,
      _settings: { botToken: '654321:other-bot', secretToken: TG_SECRET },
    });
    await api.channels.disconnect(bot.__id);
    const response = await post(`/webhooks/telegram/${bot.__id}`, telegramUpdate(9, 9, 'x'), {
      'X-Telegram-Bot-Api-Secret-Token': TG_SECRET,
    });
    expect(response.status).toBe(410);
    expect(inbound(bot.__id)).toEqual([]);
  });
});
