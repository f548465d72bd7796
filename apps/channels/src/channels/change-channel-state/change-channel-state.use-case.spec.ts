import { EmbeddedOutboxRepository } from '@openlines/messaging';
import {
  ChannelChangedPayload,
  ChannelCreateRequestSchema,
  ErrorCode,
  LineChannelType,
  OpenLinesError,
} from '@openlines/contracts';
import { MemoryStore } from '@openlines/persistence';
import { newChannelRecord } from '../domain/channel.rules';
import { ChannelRepository } from '../persistence/channel.repository';
import { CHANNELS_COLLECTION_DEFINITION, ChannelDocument } from '../persistence/channel.schema';
import { ChangeChannelStateUseCase } from './change-channel-state.use-case';

const now = new Date('2024-05-01T10:00:00.000Z');
const settings: Record<string, unknown> = {
  telegramBot: { botToken: '1:abc', secretToken: 'secret-token-0000001' },
  whatsapp: { phoneNumberId: '1', accessToken: 'a', appSecret: 'b', verifyToken: 'c' },
};

describe('ChangeChannelStateUseCase', () => {
  let store: MemoryStore<ChannelDocument>;
  let channels: ChannelRepository;
  let states: ChangeChannelStateUseCase;

  const add = (id: string, type: LineChannelType) =>
    channels.insert(
      newChannelRecord(
        ChannelCreateRequestSchema.parse({
          __name: id,
          _line: 'line-1',
          _type: type,
          _settings: settings[type],
        }),
        id,
        now,
      ),
      [],
    );
  const events = async () =>
    (await new EmbeddedOutboxRepository(store).listPending(100)).map(
      (r) => r.payload as ChannelChangedPayload,
    );

  beforeEach(async () => {
    store = new MemoryStore('channels', CHANNELS_COLLECTION_DEFINITION);
    channels = new ChannelRepository(store);
    states = new ChangeChannelStateUseCase(channels, { kick: () => undefined }, () => now);
    await add('tg', LineChannelType.telegramBot);
    await add('wa', LineChannelType.whatsapp);
  });

  it('disconnects and reconnects a reconnectable channel, one event per change', async () => {
    expect(await states.disconnect('tg', 'holiday')).toMatchObject({ _state: 'disconnected' });
    expect(await states.disconnect('tg')).toMatchObject({ _state: 'disconnected' });
    expect(await states.reconnect('tg')).toMatchObject({ _state: 'active' });
    expect(await events()).toEqual([
      expect.objectContaining({
        eventId: 'channel.changed:tg:2',
        state: 'disconnected',
        previousState: 'active',
        reason: 'holiday',
      }),
      expect.objectContaining({
        eventId: 'channel.changed:tg:3',
        state: 'active',
        previousState: 'disconnected',
      }),
    ]);
  });

  it('refuses to reconnect a whatsapp channel and changes nothing', async () => {
    await states.disconnect('wa');
    await expect(states.reconnect('wa')).rejects.toMatchObject({
      code: ErrorCode.InvalidTransition,
    });
    expect((await channels.getById('wa'))._state).toBe('disconnected');
    expect(await events()).toHaveLength(1);
  });

  it('keeps the reason of the error state and clears it on reconnect', async () => {
    expect(await states.markError('tg', 'Telegram 401: Unauthorized')).toMatchObject({
      _state: 'error',
      _error: 'Telegram 401: Unauthorized',
    });
    const back = await states.reconnect('tg');
    expect(back._state).toBe('active');
    expect(back).not.toHaveProperty('_error');
  });

  it('answers NOT_FOUND for an unknown channel', async () => {
    await expect(states.disconnect('nope')).rejects.toBeInstanceOf(OpenLinesError);
    await expect(states.disconnect('nope')).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });

  it('applies racing transitions one at a time: no lost update, one event per write', async () => {
    const results = await Promise.allSettled([
      states.disconnect('tg'),
      states.markError('tg', 'x'),
      states.reconnect('tg'),
    ]);
    // All three read the active channel; the disconnect wrote first, so the error state, re-read
    // after its conflict, no longer applies to a disconnected channel.
    expect(results[0].status).toBe('fulfilled');
    expect(results[1]).toMatchObject({
      status: 'rejected',
      reason: { code: ErrorCode.InvalidTransition },
    });
    const written = await events();
    expect(written.map((e) => e.eventId)).toEqual(
      written.map((_e, i) => `channel.changed:tg:${i + 2}`),
    );
    const final = await channels.getById('tg');
    expect(final._state).toBe(written[written.length - 1].state);
    expect(final._version).toBe(written.length + 1);
  });
});
