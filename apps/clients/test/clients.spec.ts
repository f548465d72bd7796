import {
  ClientChangedPayload,
  ErrorCode,
  LineChannelType,
  LinesEvents,
  LinesRpc,
} from '@openlines/contracts';
import { TestService, isolateTestSubjects, startTestService } from '@openlines/testing';
import { ClientsModule } from '../src/clients.module';
import { clientsConfigFromEnv } from '../src/config/clients.config';
import { clientsApi, failureOf } from './support/clients-api';
import { EventLog } from '@openlines/testing';
import { FakeChannelsModule, addChannel, addLine } from './support/fake-channels.module';

describe('clients over RPC (lines.clients.*)', () => {
  let clients: TestService;
  let fakeChannels: TestService;
  let events: EventLog;
  let api: ReturnType<typeof clientsApi>;
  const contacts = { namespace: 'crm', code: 'contacts' };

  beforeAll(async () => {
    isolateTestSubjects();
    addLine('line-1', contacts);
    addChannel('tg-1', LineChannelType.telegram, 'line-1');
    addChannel('staff-1', LineChannelType.internal, 'line-1');
    fakeChannels = await startTestService(FakeChannelsModule, { name: 'channels' });
    const config = clientsConfigFromEnv({
      ...process.env,
      MONGO_URL: '',
      STORE: 'memory',
      OUTBOX_POLL_MS: '200',
    });
    clients = await startTestService(ClientsModule.forRoot(config), { name: 'clients' });
    events = await EventLog.start(clients.nc, [LinesEvents.client.changed]);
    api = clientsApi(clients.rpc);
  });

  afterAll(async () => {
    await events.stop();
    await clients.close();
    await fakeChannels.close();
  });

  it('creates a client on first contact, emits client.changed, and finds it afterwards', async () => {
    const first = await api.findOrCreate({
      channelId: 'tg-1',
      account: 'ann_k',
      displayName: 'Ann K',
      externalId: '42',
      extraData: { languageCode: 'en' },
    });
    expect(first).toMatchObject({
      created: true,
      client: {
        __name: 'Ann K',
        _channel: 'tg-1',
        _username: 'ann_k',
        _externalId: '42',
        _blockedStatus: 'notBlocked',
      },
    });
    const again = await api.findOrCreate({ channelId: 'tg-1', account: 'ann_k' });
    expect(again).toEqual({ created: false, client: first.client });
    const [event] = await events.waitFor<ClientChangedPayload>(
      LinesEvents.client.changed,
      (e) => e.clientId === first.client.__id,
    );
    expect(event.payload.changes).toContainEqual({
      field: '_username',
      oldValue: null,
      newValue: 'ann_k',
    });
  });

  it('finds a Telegram user by channel and username, as the spec example does', async () => {
    const { client } = await api.findOrCreate({ channelId: 'tg-1', account: 'telegram_username' });
    const found = await api
      .search()
      .where((f, g) =>
        g.and(f.__deletedAt.eq(null), f._channel.eq('tg-1'), f._username.eq('telegram_username')),
      )
      .first();
    expect(found).toEqual(client);
  });

  it('gives 50 racing findOrCreate requests exactly one client', async () => {
    const replies = await Promise.all(
      Array.from({ length: 50 }, () =>
        api.findOrCreate({ channelId: 'tg-1', account: 'racer', displayName: 'Racer' }),
      ),
    );
    expect(new Set(replies.map((r) => r.client.__id)).size).toBe(1);
    expect(replies.filter((r) => r.created)).toHaveLength(1);
    expect(
      await api
        .search()
        .where((f) => f._username.eq('racer'))
        .count(),
    ).toBe(1);
    const id = replies[0].client.__id;
    await events.waitFor(
      LinesEvents.client.changed,
      (e: ClientChangedPayload) => e.clientId === id,
    );
  });

  it('links an app item the line binds for accounts, and forbids any other', async () => {
    const { client } = await api.findOrCreate({ channelId: 'tg-1', account: 'linked' });
    const contact = { ...contacts, id: 'contact-7' };
    // client.data._applicationItem = contact; await client.save();
    expect(await api.save({ id: client.__id, data: { _applicationItem: contact } })).toMatchObject({
      _applicationItem: contact,
    });
    const forbidden = await failureOf(
      api.save({
        id: client.__id,
        data: { _applicationItem: { namespace: 'crm', code: 'companies', id: 'co-1' } },
      }),
    );
    expect(forbidden.code).toBe(ErrorCode.Forbidden);
    expect(forbidden.message).toContain('crm.contacts');
    expect((await api.get(client.__id))._applicationItem).toEqual(contact);
    const [, linked] = await events.waitFor<ClientChangedPayload>(
      LinesEvents.client.changed,
      (e) => e.clientId === client.__id,
      2,
    );
    expect(linked.payload.changes).toEqual([
      { field: '_applicationItem', oldValue: null, newValue: contact },
    ]);
  });

  it('saves a name and extra data', async () => {
    const { client } = await api.findOrCreate({ channelId: 'tg-1', account: 'renamed' });
    const saved = await api.save({
      id: client.__id,
      data: { __name: 'Dora', _extraData: { phone: '+100', custom: { plan: 'gold' } } },
    });
    expect(saved).toMatchObject({
      __name: 'Dora',
      _extraData: { phone: '+100', custom: { plan: 'gold' } },
    });
  });

  it('blocks an external account for a time on its line, and unblocks it', async () => {
    const { client } = await api.findOrCreate({ channelId: 'tg-1', account: 'spammer' });
    const until = new Date(Date.now() + 86_400_000).toISOString();
    const blocked = await api.block({ id: client.__id, until, lineId: 'line-1' });
    expect(blocked).toMatchObject({
      _blockedStatus: 'blocked',
      _blockedUntil: until,
      _blockedLine: 'line-1',
    });
    const unblocked = await api.unblock(client.__id);
    expect(unblocked._blockedStatus).toBe('notBlocked');
    expect(unblocked).not.toHaveProperty('_blockedUntil');
    const changes = await events.waitFor<ClientChangedPayload>(
      LinesEvents.client.changed,
      (e) => e.clientId === client.__id,
      3,
    );
    expect(changes[1].payload.changes.map((c) => c.field)).toEqual([
      '_blockedLine',
      '_blockedStatus',
      '_blockedUntil',
    ]);
  });

  it('forbids blocking an employee (internal channel)', async () => {
    const { client } = await api.findOrCreate({ channelId: 'staff-1', account: 'user-7' });
    expect(client._user).toBe('user-7');
    expect((await failureOf(api.block({ id: client.__id }))).code).toBe(ErrorCode.Forbidden);
  });

  it('refuses bad requests naming the field, and unknown items with NOT_FOUND', async () => {
    const { client } = await api.findOrCreate({ channelId: 'tg-1', account: 'refusals' });
    const cases: [string, unknown, ErrorCode, string][] = [
      [LinesRpc.clients.findOrCreate, { channelId: 'tg-1' }, ErrorCode.ValidationFailed, 'account'],
      [
        LinesRpc.clients.findOrCreate,
        { channelId: 'tg-1', account: 'x', extraData: { email: 'not-an-email' } },
        ErrorCode.ValidationFailed,
        'extraData.email',
      ],
      [
        LinesRpc.clients.save,
        { id: client.__id, data: { _blockedStatus: 'blocked' } },
        ErrorCode.ValidationFailed,
        '_blockedStatus',
      ],
      [
        LinesRpc.clients.save,
        { id: client.__id, data: { _applicationItem: { namespace: 'crm', code: 'contacts' } } },
        ErrorCode.ValidationFailed,
        '_applicationItem.id',
      ],
      [
        LinesRpc.clients.block,
        { id: client.__id, until: 'tomorrow' },
        ErrorCode.ValidationFailed,
        'until',
      ],
      [
        LinesRpc.clients.block,
        { id: client.__id, until: '2001-01-01T00:00:00Z' },
        ErrorCode.ValidationFailed,
        'until',
      ],
      [
        LinesRpc.clients.block,
        { id: client.__id, lineId: 'line-2' },
        ErrorCode.ValidationFailed,
        'lineId',
      ],
      [
        LinesRpc.clients.search,
        { filter: { field: '_username', op: 'gt', value: 'a' } },
        ErrorCode.ValidationFailed,
        'filter',
      ],
      [
        LinesRpc.clients.findOrCreate,
        { channelId: 'no-such-channel', account: 'x' },
        ErrorCode.NotFound,
        'no-such-channel',
      ],
      [LinesRpc.clients.get, { id: 'no-such-client' }, ErrorCode.NotFound, 'no-such-client'],
      [LinesRpc.clients.unblock, { id: 'no-such-client' }, ErrorCode.NotFound, 'no-such-client'],
    ];
    for (const [subject, payload, code, mention] of cases) {
      const error = await failureOf(clients.rpc.request(subject, payload));
      expect([subject, mention, error.code]).toEqual([subject, mention, code]);
      expect(`${error.message} ${JSON.stringify(error.details)}`).toContain(mention);
    }
  });
});
