import { LineChannelType, LineSessionState } from '@openlines/contracts';
import { search } from '../src';
import { CHANNEL_FIELDS, SESSION_FIELDS, seededStores, storeExecutor } from './search.fixtures';

/**
 * The example queries of the Live Chats API, end to end: builder → JSON request → compiled
 * MongoDB filter → MemoryStore. Each checks the filter the store receives and the items found.
 */
describe('search examples of the spec on MemoryStore', () => {
  async function sessionsSearch() {
    const { sessions } = await seededStores();
    return storeExecutor(sessions, SESSION_FIELDS);
  }
  const ids = (items: { __id: string }[]) => items.map((item) => item.__id);

  it('finds live items: __deletedAt.eq(null)', async () => {
    const { executor, compiled } = await sessionsSearch();
    const items = await search(executor)
      .where((f) => f.__deletedAt.eq(null))
      .all();
    expect(compiled[0].filter).toEqual({ __deletedAt: null });
    expect(compiled[0].sort).toEqual({ __id: 1 });
    expect(ids(items)).toEqual(['s1', 's2', 's3', 's5']);
  });

  it('by state, neq: live sessions that are not closed', async () => {
    const { executor, compiled } = await sessionsSearch();
    const items = await search(executor)
      .where((f, g) => g.and(f.__deletedAt.eq(null), f._state.neq(LineSessionState.Closed)))
      .all();
    expect(compiled[0].filter).toEqual({
      $and: [{ __deletedAt: null }, { _state: { $ne: 'Closed' } }],
    });
    expect(ids(items)).toEqual(['s1', 's3', 's5']);
  });

  it('by name: eq, and like (case-insensitive substring)', async () => {
    const { executor, compiled } = await sessionsSearch();
    expect(
      ids(
        await search(executor)
          .where((f) => f.__name.eq('Ann Lee'))
          .all(),
      ),
    ).toEqual(['s1']);
    expect(compiled[0].filter).toEqual({ __name: 'Ann Lee' });
    const like = await search(executor)
      .where((f) => f.__name.like('ANN'))
      .sort('_lastActivityAt', false)
      .all();
    expect(compiled[1]).toMatchObject({
      filter: { __name: { $regex: 'ANN', $options: 'i' } },
      sort: { _lastActivityAt: -1, __id: 1 },
    });
    expect(ids(like)).toEqual(['s4', 's3', 's1']);
  });

  it('by type in a list: channels of some messenger types', async () => {
    const { channels } = await seededStores();
    const { executor, compiled } = storeExecutor(channels, CHANNEL_FIELDS);
    const items = await search(executor)
      .where((f) => f._type.in([LineChannelType.telegramBot, LineChannelType.livechat]))
      .all();
    expect(compiled[0].filter).toEqual({ _type: { $in: ['telegramBot', 'livechat'] } });
    expect(ids(items)).toEqual(['ch-tg', 'ch-web']);
  });

  it('by client, all([...]) with client items: the seed’s f._clients.all([client])', async () => {
    const { executor, compiled } = await sessionsSearch();
    const ann = { id: 'c-ann', data: { __id: 'c-ann' } };
    const bob = { data: { __id: 'c-bob' } };
    expect(
      ids(
        await search(executor)
          .where((f) => f._clients.all([ann]))
          .all(),
      ),
    ).toEqual(['s1', 's3', 's4']);
    expect(
      ids(
        await search(executor)
          .where((f) => f._clients.all([ann, bob]))
          .all(),
      ),
    ).toEqual(['s3']);
    expect(compiled[1].filter).toEqual({ _clients: { $all: ['c-ann', 'c-bob'] } });
  });

  it('by id, and by a reference given as an item: f._channel.eq(channel)', async () => {
    const { executor, compiled } = await sessionsSearch();
    expect(
      await search(executor)
        .where((f) => f.__id.eq('s3'))
        .first(),
    ).toMatchObject({ __id: 's3', _userId: 'op-1' });
    expect(compiled[0]).toMatchObject({ filter: { __id: 's3' }, limit: 1 });
    const channel = { id: 'ch-wa', data: { __id: 'ch-wa', __name: 'WhatsApp' } };
    expect(
      ids(
        await search(executor)
          .where((f) => f._channel.eq(channel))
          .all(),
      ),
    ).toEqual(['s5']);
    expect(
      await search(executor)
        .where((f) => f.__id.eq('missing'))
        .first(),
    ).toBeUndefined();
  });

  it('pages with from/size and counts regardless of them', async () => {
    const { executor } = await sessionsSearch();
    const live = () =>
      search(executor)
        .where((f) => f.__deletedAt.eq(null))
        .sort('_lastActivityAt');
    expect(ids(await live().from(1).size(2).all())).toEqual(['s2', 's3']);
    expect(await live().from(1).size(2).count()).toBe(4);
    const since = search(executor).where((f) =>
      f._lastActivityAt.gte(new Date(Date.UTC(2024, 0, 3))),
    );
    expect(await since.count()).toBe(3);
  });
});
