import {
  ChannelCreateRequestSchema,
  LineChannelType,
  MessageOutboundPayload,
} from '@openlines/contracts';
import { MemoryStore } from '@openlines/persistence';
import { ChangeChannelStateUseCase } from '../../channels/change-channel-state/change-channel-state.use-case';
import { ChannelRecord, newChannelRecord } from '../../channels/domain/channel.rules';
import { ChannelRepository } from '../../channels/persistence/channel.repository';
import { CHANNELS_COLLECTION_DEFINITION } from '../../channels/persistence/channel.schema';
import { DeliveryOutcome } from '../domain/delivery-outcome.rules';
import { DeliveryReceiptRepository } from '../persistence/delivery-receipt.repository';
import { OutboundSender } from '../senders/outbound-sender';
import { DeliverOutboundUseCase, DeliveryFailedError } from './deliver-outbound.use-case';

const now = new Date('2024-05-01T10:00:00.000Z');

/** A messenger that answers with the next outcome of a script and records what it was asked. */
class ScriptedSender implements OutboundSender {
  readonly sent: string[] = [];
  constructor(private readonly script: DeliveryOutcome[]) {}
  async send(_channel: ChannelRecord, message: MessageOutboundPayload): Promise<DeliveryOutcome> {
    this.sent.push(message.text);
    return this.script.shift() ?? { kind: 'delivered' };
  }
}

const reply = (eventId: string): MessageOutboundPayload => ({
  eventId,
  occurredAt: now.toISOString(),
  messageId: `m-${eventId}`,
  sessionId: 's-1',
  lineId: 'line-1',
  channelId: 'tg',
  clientId: 'c-1',
  account: 'ann_k',
  externalChatId: '42',
  text: `reply ${eventId}`,
});
const auth: DeliveryOutcome = { kind: 'authFailure', reason: 'Telegram 401: Unauthorized' };

describe('DeliverOutboundUseCase', () => {
  let channels: ChannelRepository;
  let states: ChangeChannelStateUseCase;

  const deliverWith = (sender: OutboundSender) =>
    new DeliverOutboundUseCase(
      channels,
      new DeliveryReceiptRepository(new MemoryStore('receipts')),
      { [LineChannelType.telegramBot]: sender },
      states,
      3,
      () => now,
    );

  beforeEach(async () => {
    channels = new ChannelRepository(new MemoryStore('channels', CHANNELS_COLLECTION_DEFINITION));
    states = new ChangeChannelStateUseCase(channels, { kick: () => undefined }, () => now);
    const input = ChannelCreateRequestSchema.parse({
      __name: 'Bot',
      _line: 'line-1',
      _type: LineChannelType.telegramBot,
      _settings: { botToken: '1:abc', secretToken: 'secret-token-0000001' },
    });
    await channels.insert(newChannelRecord(input, 'tg', now), []);
  });

  it('sends a reply once, even when the event comes again', async () => {
    const sender = new ScriptedSender([]);
    const deliver = deliverWith(sender);
    await deliver.execute(reply('e1'));
    await deliver.execute(reply('e1'));
    expect(sender.sent).toEqual(['reply e1']);
  });

  it('puts the channel into error at the third authorisation failure in a row', async () => {
    const deliver = deliverWith(new ScriptedSender([auth, auth, auth]));
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await expect(deliver.execute(reply('e1'))).rejects.toBeInstanceOf(DeliveryFailedError);
      expect((await channels.getById('tg'))._state).toBe(attempt < 3 ? 'active' : 'error');
    }
    expect((await channels.getById('tg'))._error).toBe(
      'Telegram 401: Unauthorized (3 authorisation failures in a row)',
    );
    await expect(deliver.execute(reply('e1'))).rejects.toThrow('channel tg is error');
  });

  it('starts counting again after a delivery', async () => {
    const deliver = deliverWith(
      new ScriptedSender([auth, auth, { kind: 'delivered' }, auth, auth]),
    );
    await expect(deliver.execute(reply('e1'))).rejects.toThrow();
    await expect(deliver.execute(reply('e1'))).rejects.toThrow();
    await deliver.execute(reply('e1'));
    await expect(deliver.execute(reply('e2'))).rejects.toThrow();
    await expect(deliver.execute(reply('e2'))).rejects.toThrow();
    expect(await channels.getById('tg')).toMatchObject({ _state: 'active', authFailures: 2 });
  });

  it('does not deliver through a disconnected channel or one without an adapter', async () => {
    await states.disconnect('tg');
    await expect(deliverWith(new ScriptedSender([])).execute(reply('e1'))).rejects.toThrow(
      'channel tg is disconnected',
    );
    await expect(
      deliverWith(new ScriptedSender([])).execute({ ...reply('e2'), channelId: 'nope' }),
    ).rejects.toThrow('not found');
  });
});
