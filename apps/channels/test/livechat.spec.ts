import { randomUUID } from 'node:crypto';
import {
  LineChannelData,
  LineChannelType,
  LinesEvents,
  MessageInboundPayload,
  MessageOutboundPayload,
} from '@openlines/contracts';
import { EventPublisher } from '@openlines/messaging';
import { waitFor } from '@openlines/testing';
import { ChannelsUnderTest, startChannels } from './support/channels-under-test';
import { EventLog } from '@openlines/testing';
import { linesApi } from './support/lines-api';

const PUBLIC_KEY = `pk-site-${Date.now()}`;
const VISITOR = 'visitor-token-0123456789';

describe('the web live chat (POST and GET /webhooks/livechat/:publicKey/messages)', () => {
  let channels: ChannelsUnderTest;
  let events: EventLog;
  let site: LineChannelData;
  const path = `/webhooks/livechat/${PUBLIC_KEY}/messages`;

  const post = (body: unknown) =>
    fetch(`${channels.httpUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const poll = async (visitorToken: string, after = 0) => {
    const response = await fetch(
      `${channels.httpUrl}${path}?visitorToken=${visitorToken}&after=${after}`,
    );
    return { status: response.status, body: (await response.json()) as { messages?: unknown[] } };
  };

  beforeAll(async () => {
    channels = await startChannels();
    events = await EventLog.start(channels.nc, [LinesEvents.message.inbound]);
    const api = linesApi(channels.rpc);
    const lineId = (await api.lines.create({ __name: 'Site line' })).__id;
    site = await api.channels.create({
      __name: 'Site',
      _line: lineId,
      _type: LineChannelType.livechat,
      _settings: { publicKey: PUBLIC_KEY, allowedOrigins: ['https://shop.example/contact'] },
    });
  });

  afterAll(async () => {
    await events.stop();
    await channels.close();
  });

  it('reports ready with its NATS connection, store and consumers', async () => {
    const response = await fetch(`${channels.httpUrl}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      checks: { nats: { status: 'ok' }, store: { status: 'ok' }, consumers: { status: 'ok' } },
    });
  });

  it('takes a visitor message as one inbound event that never carries the visitor token', async () => {
    expect(
      (
        await post({
          visitorToken: VISITOR,
          text: 'Hello from the site',
          messageId: 'w-1',
          name: 'Ann',
        })
      ).status,
    ).toBe(200);
    const [event] = await events.waitFor<MessageInboundPayload>(
      LinesEvents.message.inbound,
      (e) => e.channelId === site.__id,
    );
    expect(event.payload).toMatchObject({
      channelType: 'livechat',
      displayName: 'Ann',
      text: 'Hello from the site',
      externalMessageId: 'w-1',
    });
    expect(JSON.stringify(event.payload)).not.toContain(VISITOR);
    const refused = await post({ visitorToken: 'short', text: 'x', messageId: 'w-2' });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      message: expect.stringContaining('visitorToken'),
    });
  });

  it('answers browsers on the allowed origins only (CORS)', async () => {
    const preflight = (origin: string) =>
      fetch(`${channels.httpUrl}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const allowed = await preflight('https://shop.example');
    expect([allowed.status, allowed.headers.get('access-control-allow-origin')]).toEqual([
      204,
      'https://shop.example',
    ]);
    expect((await preflight('https://evil.example')).status).toBe(403);
    const foreign = await fetch(`${channels.httpUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ visitorToken: VISITOR, text: 'from elsewhere', messageId: 'w-evil' }),
    });
    expect(foreign.status).toBe(403);
    const ok = await fetch(`${channels.httpUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://shop.example' },
      body: JSON.stringify({ visitorToken: VISITOR, text: 'from the shop', messageId: 'w-shop' }),
    });
    expect([ok.status, ok.headers.get('access-control-allow-origin')]).toEqual([
      200,
      'https://shop.example',
    ]);
    await events.waitFor<MessageInboundPayload>(
      LinesEvents.message.inbound,
      (e) => e.externalMessageId === 'w-shop',
    );
    expect(
      events.matching<MessageInboundPayload>(
        LinesEvents.message.inbound,
        (e) => e.externalMessageId === 'w-evil',
      ),
    ).toEqual([]);
  });

  it('keeps an operator reply until the visitor polls it, for that visitor only', async () => {
    await post({ visitorToken: VISITOR, text: 'Anyone?', messageId: 'w-3' });
    const [event] = await events.waitFor<MessageInboundPayload>(
      LinesEvents.message.inbound,
      (e) => e.externalMessageId === 'w-3',
    );
    const reply: MessageOutboundPayload = {
      eventId: `outbound:${randomUUID()}`,
      occurredAt: new Date().toISOString(),
      messageId: randomUUID(),
      sessionId: 'session-1',
      lineId: site._line,
      channelId: site.__id,
      clientId: 'client-1',
      // Sessions answers to the account and chat the inbound event named.
      account: event.payload.account,
      externalChatId: event.payload.externalChatId,
      text: 'Welcome!',
    };
    await new EventPublisher(channels.nc).publish(LinesEvents.message.outbound, reply);
    await waitFor(async () => (await poll(VISITOR)).body.messages?.length === 1, {
      what: 'the reply in the widget outbox',
    });
    expect((await poll(VISITOR)).body.messages).toEqual([
      { seq: 1, text: 'Welcome!', sentAt: expect.any(String) },
    ]);
    expect((await poll(VISITOR, 1)).body.messages).toEqual([]);
    expect((await poll('another-visitor-token-01')).body.messages).toEqual([]);
    expect((await poll('bad')).status).toBe(400);
  });
});
