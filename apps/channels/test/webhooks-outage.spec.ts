import { ErrorCode, LineChannelData, LineChannelType } from '@openlines/contracts';
import { RunningNatsServer, startNatsServer, waitFor } from '@openlines/testing';
import { ChannelsUnderTest, startChannels } from './support/channels-under-test';
import { linesApi } from './support/lines-api';
import { telegramUpdate } from './support/messenger-bodies';

const TG_SECRET = 'tg-webhook-secret-outage1';

describe('inbound webhooks during a NATS outage', () => {
  // A server of this spec alone, since the spec stops it.
  let nats: RunningNatsServer;
  let channels: ChannelsUnderTest;
  let telegram: LineChannelData;

  beforeAll(async () => {
    nats = await startNatsServer({ storePrefix: 'channels-outage-' });
    process.env.NATS_URL = nats.url;
    channels = await startChannels();
    const api = linesApi(channels.rpc);
    const lineId = (await api.lines.create({ __name: 'Outage line' })).__id;
    telegram = await api.channels.create({
      __name: 'Bot',
      _line: lineId,
      _type: LineChannelType.telegramBot,
      _settings: { botToken: '123456:AAH-secret-bot-token', secretToken: TG_SECRET },
    });
  });
  afterAll(async () => {
    await channels?.close();
    await nats?.stop();
  });

  it('answers 503 UNAVAILABLE with Retry-After, so that the messenger retries', async () => {
    const port = Number(new URL(nats.url).port);
    await nats.stop();
    const response = await fetch(`${channels.httpUrl}/webhooks/telegram/${telegram.__id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': TG_SECRET },
      body: telegramUpdate(20000, 2001, 'hello?'),
    });
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ code: ErrorCode.Unavailable, message: expect.any(String) });
    expect(Object.keys(body).every((key) => ['code', 'message', 'details'].includes(key))).toBe(
      true,
    );

    // NATS back on the same address: the service reconnects and is ready again.
    nats = await startNatsServer({ storePrefix: 'channels-outage-', port });
    await waitFor(async () => (await fetch(`${channels.httpUrl}/readyz`)).ok, {
      what: 'channels ready again',
      timeoutMs: 20_000,
    });
  });
});
