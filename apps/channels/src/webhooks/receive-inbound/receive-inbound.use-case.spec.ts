import { createHmac } from 'node:crypto';
import {
  ChannelCreateRequestSchema,
  ErrorCode,
  LineChannelState,
  LineChannelType,
  MessageInboundPayload,
} from '@openlines/contracts';
import { MemoryStore } from '@openlines/persistence';
import { testLogger } from '@openlines/testing';
import { newChannelRecord } from '../../channels/domain/channel.rules';
import { ChannelRepository } from '../../channels/persistence/channel.repository';
import { CHANNELS_COLLECTION_DEFINITION } from '../../channels/persistence/channel.schema';
import { InboundReceiptRepository } from '../persistence/inbound-receipt.repository';
import { ReceiveInboundUseCase } from './receive-inbound.use-case';

const now = new Date('2024-05-01T10:00:00.000Z');
const secret = 'tg-secret-token-000001';
const authToken = 'viber-auth-token';
const update = {
  update_id: 1,
  message: {
    message_id: 7,
    date: 1714557600,
    chat: { id: 42, type: 'private', first_name: 'Ann' },
    from: { id: 42, is_bot: false, first_name: 'Ann', username: 'ann_k' },
    text: 'Hello',
  },
};

describe('ReceiveInboundUseCase', () => {
  let channels: ChannelRepository;
  let published: MessageInboundPayload[];
  let inbound: ReceiveInboundUseCase;

  const add = async (id: string, type: LineChannelType, settings: unknown) => {
    const input = ChannelCreateRequestSchema.parse({
      __name: id,
      _line: 'line-1',
      _type: type,
      _settings: settings,
    });
    await channels.insert(newChannelRecord(input, id, now), []);
  };

  beforeEach(async () => {
    channels = new ChannelRepository(new MemoryStore('channels', CHANNELS_COLLECTION_DEFINITION));
    published = [];
    const receipts = new InboundReceiptRepository(new MemoryStore('receipts'));
    inbound = new ReceiveInboundUseCase(
      channels,
      receipts,
      { publish: async (p) => void published.push(p) },
      testLogger('receive-inbound'),
      () => now,
    );
    await add('tg', LineChannelType.telegramBot, { botToken: '1:abc', secretToken: secret });
    await add('vb', LineChannelType.viberbot, { authToken });
  });

  it('publishes a Telegram message once, with the channel, line and derived event id', async () => {
    expect(await inbound.telegram('tg', secret, update)).toEqual({
      outcome: 'published',
      eventId: 'inbound:tg:42:7',
    });
    expect(await inbound.telegram('tg', secret, update)).toEqual({
      outcome: 'duplicate',
      eventId: 'inbound:tg:42:7',
    });
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({
      eventId: 'inbound:tg:42:7',
      channelId: 'tg',
      lineId: 'line-1',
      channelType: 'telegramBot',
      account: 'ann_k',
      externalUserId: '42',
      externalChatId: '42',
      displayName: 'Ann',
      externalMessageId: '7',
      text: 'Hello',
      attachments: [],
      receivedAt: now.toISOString(),
      raw: update,
    });
  });

  it('checks, in order: channel of that type, secret, state, body', async () => {
    await expect(inbound.telegram('vb', secret, update)).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
    await expect(inbound.telegram('tg', 'wrong-secret-token-0001', update)).rejects.toMatchObject({
      code: ErrorCode.Unauthorized,
    });
    await expect(inbound.telegram('tg', secret, { update_id: 'x' })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
    });
    const before = await channels.getById('tg');
    await channels.replace(before, { ...before, _state: LineChannelState.disconnected }, []);
    await expect(inbound.telegram('tg', 'wrong-secret-token-0001', update)).rejects.toMatchObject({
      code: ErrorCode.Unauthorized,
    });
    await expect(inbound.telegram('tg', secret, update)).rejects.toMatchObject({
      code: ErrorCode.InvalidTransition,
    });
    expect(published).toEqual([]);
  });

  it('accepts a Viber callback only with the HMAC of its raw body', async () => {
    const raw = Buffer.from(
      '{"event":"message","timestamp":1714557600000,"message_token":5741311803571721087,' +
        '"sender":{"id":"u1=","name":"Bo"},"message":{"type":"text","text":"Hi"}}',
    );
    const body = JSON.parse(raw.toString());
    const signature = createHmac('sha256', authToken).update(raw).digest('hex');
    await expect(
      inbound.viber('vb', signature.replace(/^./, '0'), raw, body),
    ).rejects.toMatchObject({ code: ErrorCode.Unauthorized });
    await expect(inbound.viber('vb', signature, undefined, body)).rejects.toMatchObject({
      code: ErrorCode.Unauthorized,
    });
    expect(await inbound.viber('vb', signature, raw, body)).toEqual({
      outcome: 'published',
      eventId: 'inbound:vb:u1=:5741311803571721087',
    });
  });

  it('acknowledges updates without a message and publishes nothing', async () => {
    const result = await inbound.telegram('tg', secret, {
      update_id: 2,
      edited_message: update.message,
    });
    expect(result).toMatchObject({ outcome: 'ignored' });
    expect(published).toEqual([]);
  });

  it('publishes nothing and remembers nothing when JetStream refuses', async () => {
    const receipts = new InboundReceiptRepository(new MemoryStore('receipts-2'));
    const failing = new ReceiveInboundUseCase(
      channels,
      receipts,
      { publish: () => Promise.reject(new Error('no stream')) },
      testLogger('receive-inbound'),
      () => now,
    );
    await expect(failing.telegram('tg', secret, update)).rejects.toThrow('no stream');
    const key = { channelId: 'tg', chatId: '42', externalMessageId: '7' };
    expect(await receipts.seen(key)).toBe(false);
  });
});
