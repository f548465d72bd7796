import { randomUUID } from 'node:crypto';
import {
  ChannelChangedPayload,
  LineChannelType,
  LinesEvents,
  MessageOutboundPayload,
} from '@openlines/contracts';
import { EventPublisher } from '@openlines/messaging';
import { waitFor } from '@openlines/testing';
import { ChannelsUnderTest, startChannels } from './support/channels-under-test';
import { EventLog } from '@openlines/testing';
import { FakeMessengerApi } from './support/fake-messenger-api';
import { linesApi } from './support/lines-api';

const GOOD_TOKEN = '111111:good-token';
const REVOKED_TOKEN = '222222:revoked-token';
const VIBER_TOKEN = 'viber-auth-token-0001';

/** Telegram's answers: a sent message for the good bot, 401 for the revoked one. */
const telegram: FakeMessengerApi = new FakeMessengerApi((call) =>
  call.path.includes(REVOKED_TOKEN)
    ? { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } }
    : {
        status: 200,
        body: { ok: true, result: { message_id: 500, date: 1, chat: { id: 1, type: 'private' } } },
      },
);
const viber = new FakeMessengerApi(() => ({
  status: 200,
  body: { status: 0, status_message: 'ok', message_token: 5741311803571721087 },
}));

describe('delivery of operator replies (message.outbound → messenger)', () => {
  let channels: ChannelsUnderTest;
  let events: EventLog;
  let publisher: EventPublisher;
  let api: ReturnType<typeof linesApi>;
  let lineId: string;

  const reply = (
    channelId: string,
    text: string,
    extra: Partial<MessageOutboundPayload> = {},
  ): MessageOutboundPayload => ({
    eventId: `outbound:${randomUUID()}`,
    occurredAt: new Date().toISOString(),
    messageId: randomUUID(),
    sessionId: 'session-1',
    lineId,
    channelId,
    clientId: 'client-1',
    account: 'Testusername',
    externalChatId: '1111111',
    text,
    ...extra,
  });
  const send = (message: MessageOutboundPayload) =>
    publisher.publish(LinesEvents.message.outbound, message);

  beforeAll(async () => {
    channels = await startChannels({
      TELEGRAM_API_BASE_URL: await telegram.start(),
      VIBER_API_BASE_URL: `${await viber.start()}/pa`,
      DELIVERY_BACKOFF_MS: '20',
      DELIVERY_MAX_ATTEMPTS: '5',
      DELIVERY_AUTH_FAILURES: '3',
    });
    events = await EventLog.start(channels.nc, [LinesEvents.channel.changed]);
    publisher = new EventPublisher(channels.nc);
    api = linesApi(channels.rpc);
    lineId = (await api.lines.create({ __name: 'Delivery line' })).__id;
  });

  afterAll(async () => {
    await events.stop();
    await channels.close();
    await telegram.stop();
    await viber.stop();
  });

  it('delivers an operator reply to Telegram as one sendMessage call', async () => {
    const bot = await api.channels.create({
      __name: 'Bot',
      _line: lineId,
      _type: LineChannelType.telegramBot,
      _settings: { botToken: GOOD_TOKEN, secretToken: 'tg-webhook-secret-000001' },
    });
    const first = reply(bot.__id, 'Hello, how can I help?');
    await send(first);
    await send(first); // the same event again: JetStream drops it by its id
    await send(reply(bot.__id, 'Second reply'));
    await waitFor(() => telegram.callsTo(GOOD_TOKEN).length >= 2, {
      what: 'two sendMessage calls',
    });
    expect(telegram.callsTo(GOOD_TOKEN).map((c) => [c.method, c.path, c.body])).toEqual([
      [
        'POST',
        `/bot${GOOD_TOKEN}/sendMessage`,
        { chat_id: '1111111', text: 'Hello, how can I help?' },
      ],
      ['POST', `/bot${GOOD_TOKEN}/sendMessage`, { chat_id: '1111111', text: 'Second reply' }],
    ]);
  });

  it('delivers to Viber with the auth token header and the sender name', async () => {
    const channel = await api.channels.create({
      __name: 'Viber',
      _line: lineId,
      _type: LineChannelType.viberbot,
      _settings: { authToken: VIBER_TOKEN, senderName: 'OpenLines' },
    });
    await send(
      reply(channel.__id, 'Hi from Viber', {
        externalChatId: '01234567890A=',
        account: '01234567890A=',
      }),
    );
    await waitFor(() => viber.calls.length === 1, { what: 'one send_message call' });
    const [call] = viber.calls;
    expect([call.path, call.headers['x-viber-auth-token'], call.body]).toEqual([
      '/pa/send_message',
      VIBER_TOKEN,
      {
        receiver: '01234567890A=',
        type: 'text',
        text: 'Hi from Viber',
        sender: { name: 'OpenLines' },
      },
    ]);
  });

  it('puts the channel into the error state after three 401s in a row, with the reason', async () => {
    const bot = await api.channels.create({
      __name: 'Revoked',
      _line: lineId,
      _type: LineChannelType.telegramBot,
      _settings: { botToken: REVOKED_TOKEN, secretToken: 'tg-webhook-secret-000001' },
    });
    await send(reply(bot.__id, 'Anyone there?'));
    const [, failed] = await events.waitFor<ChannelChangedPayload>(
      LinesEvents.channel.changed,
      (e) => e.channelId === bot.__id,
      2,
    );
    expect(failed.payload).toMatchObject({
      state: 'error',
      previousState: 'active',
      reason: 'Telegram 401: Unauthorized (3 authorisation failures in a row)',
    });
    expect(await api.channels.get(bot.__id)).toMatchObject({
      _state: 'error',
      _error: failed.payload.reason,
    });
    expect(telegram.callsTo(REVOKED_TOKEN)).toHaveLength(3);
  });
});
