import {
  ChannelChangedPayload,
  ErrorCode,
  LineChannelData,
  LineChannelState,
  LineChannelType,
  LinesEvents,
  LinesRpc,
} from '@openlines/contracts';
import { everyType, expectNoSecrets } from './support/channel-fixtures';
import { ChannelsUnderTest, startChannels } from './support/channels-under-test';
import { EventLog } from '@openlines/testing';
import { failureOf, linesApi } from './support/lines-api';

describe('channels over RPC (lines.channels.*)', () => {
  let channels: ChannelsUnderTest;
  let events: EventLog;
  let api: ReturnType<typeof linesApi>;
  let lineId: string;
  let created: LineChannelData[];

  beforeAll(async () => {
    channels = await startChannels();
    events = await EventLog.start(channels.nc, [LinesEvents.channel.changed]);
    api = linesApi(channels.rpc);
    lineId = (await api.lines.create({ __name: 'Channels line' })).__id;
    created = [];
    for (const request of everyType(lineId, 'a')) created.push(await api.channels.create(request));
  });

  afterAll(async () => {
    await events.stop();
    await channels.close();
  });

  const byType = (type: LineChannelType) =>
    created.find((c) => c._type === type) as LineChannelData;
  const changesOf = (id: string) =>
    events.matching<ChannelChangedPayload>(LinesEvents.channel.changed, (e) => e.channelId === id);

  it('creates an active channel of every type, each announced by channel.changed', async () => {
    expect(created.map((c) => c._state)).toEqual(created.map(() => LineChannelState.active));
    for (const channel of created) {
      const [event] = await events.waitFor<ChannelChangedPayload>(
        LinesEvents.channel.changed,
        (e) => e.channelId === channel.__id,
      );
      expect(event.payload).toMatchObject({
        lineId,
        state: 'active',
        previousState: 'disconnected',
        reason: 'created',
      });
    }
  });

  it('never returns a secret: not on create, get, search, update, nor in events', async () => {
    expectNoSecrets(created);
    expect(byType(LineChannelType.telegramBot)._settings).toEqual({ botUsername: 'ol_bot' });
    for (const channel of created) expectNoSecrets(await api.channels.get(channel.__id));
    expectNoSecrets(
      await api.channels
        .search()
        .where((f) => f._line.eq(lineId))
        .size(100)
        .all(),
    );
    const viber = byType(LineChannelType.viberbot);
    expectNoSecrets(
      await api.channels.update({
        id: viber.__id,
        data: { _settings: { authToken: 'viber-auth-token-secret' } },
      }),
    );
    expectNoSecrets(events.events);
  });

  it('finds the inactive channels with _state.neq(active), as the spec example does', async () => {
    const viber = byType(LineChannelType.viberbot);
    const vk = byType(LineChannelType.vk);
    await api.channels.disconnect(viber.__id, 'holiday');
    await api.channels.markError(vk.__id, 'VK 401: token revoked');
    const inactive = await api.channels
      .search()
      .where((f, g) =>
        g.and(f.__deletedAt.eq(null), f._state.neq(LineChannelState.active), f._line.eq(lineId)),
      )
      .all();
    expect(inactive.map((c) => [c._type, c._state, c._error])).toEqual(
      expect.arrayContaining([
        ['viberbot', 'disconnected', undefined],
        ['vk', 'error', 'VK 401: token revoked'],
      ]),
    );
    expect(inactive).toHaveLength(2);
    const [, disconnected] = await events.waitFor<ChannelChangedPayload>(
      LinesEvents.channel.changed,
      (e) => e.channelId === viber.__id,
      2,
    );
    expect(disconnected.payload).toMatchObject({
      state: 'disconnected',
      previousState: 'active',
      reason: 'holiday',
    });
  });

  it('reconnects the reconnectable types and refuses the others with INVALID_TRANSITION', async () => {
    const fresh: LineChannelData[] = [];
    for (const request of everyType(lineId, 'b')) fresh.push(await api.channels.create(request));
    for (const channel of fresh) await api.channels.disconnect(channel.__id);
    // The spec's example: the disconnected channels of the types that can be activated.
    const reconnectable = await api.channels
      .search()
      .where((f, g) =>
        g.and(
          f.__deletedAt.eq(null),
          f._state.neq(LineChannelState.active),
          f._type.in([
            LineChannelType.inbox,
            LineChannelType.telegramBot,
            LineChannelType.viberbot,
            LineChannelType.livechat,
            LineChannelType.instagram,
          ]),
          f.__id.in(fresh.map((c) => c.__id)),
        ),
      )
      .size(100)
      .all();
    expect(reconnectable.map((c) => c._type).sort()).toEqual([
      'inbox',
      'instagram',
      'livechat',
      'telegramBot',
      'viberbot',
    ]);
    for (const channel of reconnectable)
      expect((await api.channels.reconnect(channel.__id))._state).toBe('active');
    const others = fresh.filter((c) => !reconnectable.some((r) => r.__id === c.__id));
    expect(others.map((c) => c._type).sort()).toEqual([
      'internal',
      'support',
      'telegram',
      'vk',
      'whatsapp',
    ]);
    for (const channel of others) {
      const error = await failureOf(api.channels.reconnect(channel.__id));
      expect(error.code).toBe(ErrorCode.InvalidTransition);
      expect((await api.channels.get(channel.__id))._state).toBe('disconnected');
    }
  });

  it('leaves the error state only by reconnect, which clears the reason', async () => {
    const bot = byType(LineChannelType.telegramBot);
    await api.channels.markError(bot.__id, 'Telegram 401: Unauthorized');
    const back = await api.channels.reconnect(bot.__id);
    expect(back).toMatchObject({ _state: 'active' });
    expect(back).not.toHaveProperty('_error');
    await events.waitFor(
      LinesEvents.channel.changed,
      (e: ChannelChangedPayload) => e.channelId === bot.__id && e.previousState === 'error',
    );
    expect(changesOf(bot.__id).map((e) => e.payload.state)).toEqual(['active', 'error', 'active']);
  });

  it('soft-deletes a channel, which then takes no transition', async () => {
    const inbox = byType(LineChannelType.inbox);
    const deleted = await api.channels.delete(inbox.__id);
    expect(deleted).toMatchObject({ _state: 'disconnected', __deletedAt: expect.any(String) });
    expect((await failureOf(api.channels.reconnect(inbox.__id))).code).toBe(
      ErrorCode.InvalidTransition,
    );
  });

  it('refuses bad requests with the reason', async () => {
    const cases: [string, unknown, ErrorCode, string][] = [
      [
        LinesRpc.channels.create,
        { __name: 'x', _line: lineId, _type: 'fax' },
        ErrorCode.ValidationFailed,
        '_type',
      ],
      [
        LinesRpc.channels.create,
        {
          __name: 'x',
          _line: lineId,
          _type: 'telegramBot',
          _settings: { botToken: 'nonsense', secretToken: 'tg-webhook-secret-000001' },
        },
        ErrorCode.ValidationFailed,
        'botToken',
      ],
      [
        LinesRpc.channels.create,
        { __name: 'x', _line: 'no-line', _type: 'support' },
        ErrorCode.NotFound,
        'no-line',
      ],
      [LinesRpc.channels.create, everyType(lineId, 'a')[9], ErrorCode.Conflict, 'publicKey'],
      [
        LinesRpc.channels.markError,
        { id: byType(LineChannelType.support).__id },
        ErrorCode.ValidationFailed,
        'reason',
      ],
      [
        LinesRpc.channels.update,
        { id: byType(LineChannelType.viberbot).__id, data: { _settings: { botToken: '1:x' } } },
        ErrorCode.ValidationFailed,
        'botToken',
      ],
      [
        LinesRpc.channels.search,
        { filter: { field: '_settings.botToken', op: 'eq', value: 'x' } },
        ErrorCode.ValidationFailed,
        '_settings.botToken',
      ],
      [
        LinesRpc.channels.disconnect,
        { id: 'no-such-channel' },
        ErrorCode.NotFound,
        'no-such-channel',
      ],
    ];
    for (const [subject, payload, code, mention] of cases) {
      const error = await failureOf(channels.rpc.request(subject, payload));
      expect([subject, error.code]).toEqual([subject, code]);
      expect(`${error.message} ${JSON.stringify(error.details)}`).toContain(mention);
    }
  });

  it('refuses a channel on a deleted line, and deleting a line with connected channels', async () => {
    const line = await api.lines.create({ __name: 'Short-lived' });
    const support = await api.channels.create({
      __name: 's',
      _line: line.__id,
      _type: LineChannelType.support,
    });
    expect((await failureOf(api.lines.delete(line.__id))).code).toBe(ErrorCode.Conflict);
    await api.channels.disconnect(support.__id);
    await api.lines.delete(line.__id);
    const error = await failureOf(
      api.channels.create({ __name: 's2', _line: line.__id, _type: LineChannelType.support }),
    );
    expect(error.code).toBe(ErrorCode.NotFound);
  });
});
