import { ErrorCode, LineChangedPayload, LinesEvents, LinesRpc } from '@openlines/contracts';
import { ChannelsUnderTest, startChannels } from './support/channels-under-test';
import { EventLog } from '@openlines/testing';
import { failureOf, linesApi } from './support/lines-api';

describe('lines over RPC (lines.lines.*)', () => {
  let channels: ChannelsUnderTest;
  let events: EventLog;
  let api: ReturnType<typeof linesApi>;

  beforeAll(async () => {
    channels = await startChannels();
    events = await EventLog.start(channels.nc, [LinesEvents.line.changed]);
    api = linesApi(channels.rpc);
  });

  afterAll(async () => {
    await events.stop();
    await channels.close();
  });

  it('creates a line with every field of the spec and emits line.changed', async () => {
    const line = await api.lines.create({
      __name: 'Support',
      _operatorGroups: ['operators'],
      _supervisorGroups: ['supervisors'],
      _bot: 'bot-1',
      _accountApp: { namespace: 'crm', code: 'contacts' },
      _requestApps: [{ namespace: 'crm', code: 'appeals' }],
      _sessionNameTemplate: '{clientName} / {channelName}',
      _distribution: 'auto',
      _operatorCapacity: 3,
      _botFirst: true,
      _requeueOnOffline: true,
      _targetReplySeconds: 45,
    });
    expect(line).toMatchObject({
      __name: 'Support',
      _bot: 'bot-1',
      _botFirst: true,
      _operatorCapacity: 3,
      _version: 1,
    });
    const [event] = await events.waitFor<LineChangedPayload>(
      LinesEvents.line.changed,
      (e) => e.lineId === line.__id,
    );
    expect(event.msgId).toBe(`line.changed:${line.__id}:1`);
    expect(event.payload.line).toEqual(line);
    expect(event.payload.changes).toContainEqual({
      field: '_targetReplySeconds',
      oldValue: null,
      newValue: 45,
    });
  });

  it('finds the live chat named "Some live chat" as the spec example does', async () => {
    const created = await api.lines.create({ __name: 'Some live chat' });
    const found = await api.lines
      .search()
      .where((f, g) => g.and(f.__deletedAt.eq(null), f.__name.eq('Some live chat')))
      .first();
    expect(found).toEqual(created);
  });

  it('updates settings partially, removes the bot with null, and refuses an inconsistent line', async () => {
    const line = await api.lines.create({ __name: 'Sales', _bot: 'bot-2' });
    const updated = await api.lines.update({
      id: line.__id,
      data: { _bot: null, _distribution: 'auto' },
    });
    expect(updated).not.toHaveProperty('_bot');
    expect(updated).toMatchObject({ _distribution: 'auto', _version: 2 });
    const refused = await failureOf(api.lines.update({ id: line.__id, data: { _botFirst: true } }));
    expect(refused.code).toBe(ErrorCode.ValidationFailed);
    expect(refused.details).toEqual({
      issues: [{ field: '_bot', message: 'Required when _botFirst is true' }],
    });
    const [change] = await events.waitFor<LineChangedPayload>(
      LinesEvents.line.changed,
      (e) => e.lineId === line.__id,
      2,
    );
    expect(change.payload.line._distribution).toBe('manual');
  });

  it('soft-deletes a line: it keeps its data and leaves the live list', async () => {
    const line = await api.lines.create({ __name: 'Old line' });
    const deleted = await api.lines.delete(line.__id);
    expect(deleted.__deletedAt).toEqual(expect.any(String));
    expect(await api.lines.get(line.__id)).toEqual(deleted);
    const live = await api.lines
      .search()
      .where((f, g) => g.and(f.__deletedAt.eq(null), f.__id.eq(line.__id)))
      .count();
    expect(live).toBe(0);
  });

  it.each([
    ['no name', LinesRpc.lines.create, { _operatorGroups: [] }, '__name'],
    [
      'a capacity of 0',
      LinesRpc.lines.create,
      { __name: 'x', _operatorCapacity: 0 },
      '_operatorCapacity',
    ],
    [
      'an unknown placeholder',
      LinesRpc.lines.create,
      { __name: 'x', _sessionNameTemplate: '{foo}' },
      '_sessionNameTemplate',
    ],
    ['an unknown field', LinesRpc.lines.create, { __name: 'x', _color: 'red' }, '_color'],
    ['an empty update', LinesRpc.lines.update, { id: 'line-1', data: {} }, 'data'],
    [
      'a search on an unknown field',
      LinesRpc.lines.search,
      { filter: { field: '_secret', op: 'eq', value: 1 } },
      'filter',
    ],
  ])(
    'refuses %s with VALIDATION_FAILED naming the field',
    async (_name, subject, payload, field) => {
      const error = await failureOf(channels.rpc.request(subject, payload));
      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect(JSON.stringify(error.details)).toContain(field);
    },
  );

  it('answers NOT_FOUND for a line that does not exist', async () => {
    expect((await failureOf(api.lines.get('no-such-line'))).code).toBe(ErrorCode.NotFound);
    expect(
      (await failureOf(api.lines.update({ id: 'no-such-line', data: { __name: 'x' } }))).code,
    ).toBe(ErrorCode.NotFound);
  });
});
