import {
  createLinesClient,
  ErrorCode,
  LineChannelState,
  LinesClient,
  LineSessionPriority,
  LineSessionState,
} from '../src';
import { LinesRpc } from '@openlines/contracts';
import { FakeLinesBackend } from './fake-lines-backend';
import { client, session } from './samples';

const OPERATOR = { type: 'operator', id: 'op-1' } as const;

describe('SDK over NATS: search, session actions and save', () => {
  let backend: FakeLinesBackend;
  let lines: LinesClient;

  beforeAll(async () => {
    backend = await FakeLinesBackend.start();
    lines = createLinesClient({
      servers: process.env.NATS_URL!,
      subjectPrefix: backend.prefix,
      actor: OPERATOR,
    });
  });
  afterAll(async () => {
    await lines?.close();
    await backend?.close();
  });

  it('sends the search of the seed as a filter tree and wraps the items', async () => {
    backend.on(LinesRpc.sessions.search, () => ({ items: [session('s-1'), session('s-2')] }));
    const customer = { id: 'cl-7', data: { __id: 'cl-7' } };
    const found = await lines.sessions
      .search()
      .where((f, c) =>
        c.and(
          f.__deletedAt.eq(null),
          f._clients.all([customer]),
          f._state.neq(LineSessionState.Closed),
        ),
      )
      .sort('__createdAt', false)
      .from(5)
      .size(2)
      .all();
    expect(backend.last(LinesRpc.sessions.search)).toEqual({
      filter: {
        and: [
          { field: '__deletedAt', op: 'eq', value: null },
          { field: '_clients', op: 'all', value: ['cl-7'] },
          { field: '_state', op: 'neq', value: 'Closed' },
        ],
      },
      from: 5,
      size: 2,
      sort: [{ field: '__createdAt', ascending: false }],
    });
    expect(found.map((item) => [item.id, item.namespace, item.code])).toEqual([
      ['s-1', 'lines', 'sessions'],
      ['s-2', 'lines', 'sessions'],
    ]);
  });

  it('first() asks for one item, undefined when none; count() sends the filter only', async () => {
    backend.on(LinesRpc.channels.search, () => ({ items: [] }));
    backend.on(LinesRpc.channels.count, () => ({ count: 3 }));
    const search = lines.channels
      .search()
      .where((f) => f._state.eq(LineChannelState.active))
      .size(50);
    expect(await search.first()).toBeUndefined();
    expect(backend.last(LinesRpc.channels.search)).toMatchObject({ size: 1 });
    expect(await search.count()).toBe(3);
    expect(backend.last(LinesRpc.channels.count)).toEqual({
      filter: { field: '_state', op: 'eq', value: 'active' },
    });
  });

  it('session actions send the session id and the actor, and take the reply as data', async () => {
    backend.on(LinesRpc.sessions.get, (p) => session(String(p.id)));
    backend.on(LinesRpc.sessions.assignToOperator, (p) =>
      session(String(p.sessionId), {
        _state: LineSessionState.AssignedToOperator,
        _userId: String(p.operatorId),
      }),
    );
    backend.on(LinesRpc.sessions.setPriority, (p) =>
      session(String(p.sessionId), { _priority: p.priority as LineSessionPriority }),
    );
    backend.on(LinesRpc.sessions.close, (p) =>
      session(String(p.sessionId), { _state: LineSessionState.Closed }),
    );
    const item = await lines.sessions.get('s-3');

    for (const user of ['u-1', { id: 'u-1' }, { __id: 'u-1' }, { data: { __id: 'u-1' } }]) {
      await item.assignToOperator(user);
      expect(backend.last(LinesRpc.sessions.assignToOperator)).toEqual({
        sessionId: 's-3',
        operatorId: 'u-1',
        actor: OPERATOR,
      });
    }
    expect(item.data._state).toBe(LineSessionState.AssignedToOperator);
    await item.setPriority(LineSessionPriority.High);
    expect(item.data._priority).toBe(LineSessionPriority.High);
    await item.close();
    expect(backend.last(LinesRpc.sessions.close)).toEqual({ sessionId: 's-3', actor: OPERATOR });
    expect(item.data._state).toBe(LineSessionState.Closed);
  });

  it('a bad user argument fails before anything is sent', async () => {
    const item = await lines.sessions.get('s-4');
    const before = backend.count(LinesRpc.sessions.assignToOperator);
    await expect(item.assignToOperator({ name: 'nobody' })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
    });
    expect(backend.count(LinesRpc.sessions.assignToOperator)).toBe(before);
  });

  it('save() sends only the changed writable fields, and nothing when nothing changed', async () => {
    backend.on(LinesRpc.sessions.update, (p) => session(String(p.sessionId), p.data as object));
    backend.on(LinesRpc.clients.get, (p) => client(String(p.id)));
    backend.on(LinesRpc.clients.save, (p) => client(String(p.id), p.data as object));
    const item = await lines.sessions.get('s-5');
    await item.save();
    expect(backend.count(LinesRpc.sessions.update)).toBe(0);
    item.data.__name = 'VIP';
    item.data._lastActivityAt = '2030-01-01T00:00:00.000Z';
    await item.save();
    expect(backend.last(LinesRpc.sessions.update)).toEqual({
      sessionId: 's-5',
      actor: OPERATOR,
      data: { __name: 'VIP' },
    });

    const customer = await lines.clients.get('cl-1');
    const contact = {
      namespace: 'crm',
      code: 'contacts',
      id: 'contact-1',
      data: { __id: 'contact-1', __name: 'Ann' },
    };
    (customer.data as { _applicationItem?: unknown })._applicationItem = contact;
    await customer.save();
    expect(backend.last(LinesRpc.clients.save)).toEqual({
      id: 'cl-1',
      data: { _applicationItem: { namespace: 'crm', code: 'contacts', id: 'contact-1' } },
    });
    expect(customer.data._applicationItem).toEqual({
      namespace: 'crm',
      code: 'contacts',
      id: 'contact-1',
    });
  });
});
