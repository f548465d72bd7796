import { randomUUID } from 'node:crypto';
import { LineChannelType, LinesEvents, MessageOutboundPayload } from '@openlines/contracts';
import { EventPublisher } from '@openlines/messaging';
import { waitFor } from '@openlines/testing';
import { visitorAccountOf } from '../src/webhooks/domain/livechat-message.rules';
import { ChannelsUnderTest, startChannels } from './support/channels-under-test';
import { FakeMessengerApi, RecordedCall } from './support/fake-messenger-api';
import { linesApi } from './support/lines-api';

const TIMEOUT_MS = 8000;
const BACKOFF_MS = 1000;
const VISITOR = 'visitor-token-concurrency-01';

const textOf = (call: RecordedCall) => (call.body as { text: string }).text;

/** Telegram's API accepts every call and never answers it. */
const hungTelegram = new FakeMessengerApi(() => 'hang');
/** Viber answers 503 to the first try of the reply "one", then takes everything. */
const viber: FakeMessengerApi = new FakeMessengerApi((call) => {
  const triesOfOne = viber.calls.filter((c) => textOf(c) === 'one').length;
  return textOf(call) === 'one' && triesOfOne === 1
    ? { status: 503, body: 'Service Unavailable' }
    : { status: 200, body: { status: 0, status_message: 'ok', message_token: 1 } };
});

describe('delivery keeps channels and sessions apart (a hung messenger API)', () => {
  let channels: ChannelsUnderTest;
  let publisher: EventPublisher;
  let api: ReturnType<typeof linesApi>;
  let lineId: string;

  const reply = (channelId: string, sessionId: string, text: string, chat: string) =>
    publisher.publish(LinesEvents.message.outbound, {
      eventId: `outbound:${randomUUID()}`,
      occurredAt: new Date().toISOString(),
      messageId: randomUUID(),
      sessionId,
      lineId,
      channelId,
      clientId: `client-${sessionId}`,
      account: chat,
      externalChatId: chat,
      text,
    } satisfies MessageOutboundPayload);
  const widgetReplies = async (publicKey: string): Promise<{ text: string }[]> => {
    const url = `${channels.httpUrl}/webhooks/livechat/${publicKey}/messages?visitorToken=${VISITOR}&after=0`;
    return ((await (await fetch(url)).json()) as { messages?: { text: string }[] }).messages ?? [];
  };

  beforeAll(async () => {
    channels = await startChannels({
      TELEGRAM_API_BASE_URL: await hungTelegram.start(),
      VIBER_API_BASE_URL: await viber.start(),
      DELIVERY_TIMEOUT_MS: String(TIMEOUT_MS),
      DELIVERY_BACKOFF_MS: String(BACKOFF_MS),
    });
    publisher = new EventPublisher(channels.nc);
    api = linesApi(channels.rpc);
    lineId = (await api.lines.create({ __name: 'Concurrency line' })).__id;
  });

  afterAll(async () => {
    await hungTelegram.stop(); // first: the deliveries hanging on it end now, not at their timeout
    await channels.close();
    await viber.stop();
  });

  it('delivers a live-chat reply at once while Telegram hangs on five sessions', async () => {
    const bot = await api.channels.create({
      __name: 'Hung bot',
      _line: lineId,
      _type: LineChannelType.telegramBot,
      _settings: { botToken: '333333:hung-token', secretToken: 'tg-webhook-secret-000001' },
    });
    const publicKey = `pk-concurrency-${Date.now()}`;
    const site = await api.channels.create({
      __name: 'Site',
      _line: lineId,
      _type: LineChannelType.livechat,
      _settings: { publicKey },
    });
    for (let n = 1; n <= 5; n += 1) await reply(bot.__id, `tg-session-${n}`, `tg ${n}`, `${n}`);
    await waitFor(() => hungTelegram.calls.length > 0, { what: 'a sendMessage call hanging' });

    const sent = Date.now();
    await reply(site.__id, 'web-session', 'Hello from the operator', visitorAccountOf(VISITOR));
    await waitFor(async () => (await widgetReplies(publicKey)).length === 1, {
      what: 'the live-chat reply in the widget outbox',
      timeoutMs: TIMEOUT_MS / 2,
    });
    expect(Date.now() - sent).toBeLessThan(TIMEOUT_MS / 4);
    expect(await widgetReplies(publicKey)).toMatchObject([{ text: 'Hello from the operator' }]);
    // The five Telegram sessions hang side by side, not one after another.
    await waitFor(() => hungTelegram.calls.length === 5, { timeoutMs: TIMEOUT_MS / 2 });
  });

  it("keeps one session's replies in order through a retry, holding back no other session", async () => {
    const channel = await api.channels.create({
      __name: 'Viber',
      _line: lineId,
      _type: LineChannelType.viberbot,
      _settings: { authToken: 'viber-auth-token-0002', senderName: 'OpenLines' },
    });
    for (const text of ['one', 'two', 'three']) await reply(channel.__id, 'vb-a', text, 'chat-A');
    await reply(channel.__id, 'vb-b', 'other', 'chat-B');
    await waitFor(() => viber.calls.length === 5, { what: 'five send_message calls' });
    const texts = viber.calls.map(textOf);
    // "one" failed once (503): "two" and "three" waited for its retry, "other" did not.
    expect(texts.filter((text) => text !== 'other')).toEqual(['one', 'one', 'two', 'three']);
    expect(texts.indexOf('other')).toBeLessThan(texts.lastIndexOf('one'));
  });
});
