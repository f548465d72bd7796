import { ErrorCode } from '@openlines/contracts';
import {
  CLIENTS,
  ClientDoc,
  MakeStore,
  SESSIONS,
  SessionDoc,
  expectCode,
  freshName,
  sessions,
} from './contract.fixtures';

/** Inserting, reading, counting, deleting; ids, versions and unique keys. */
export function crudCases(makeStore: MakeStore): void {
  const sessionStore = () => makeStore<SessionDoc>(freshName('sessions'), SESSIONS);

  it('inserts a copy with its id and first version, and reads it back without _id', async () => {
    const store = sessionStore();
    const inserted = await store.insertOne({ __id: 's1', __name: 'Ann' });
    expect(inserted).toEqual({ __id: 's1', __name: 'Ann', _version: 1 });
    expect(await store.findOne({ __id: 's1' })).toEqual({ __id: 's1', __name: 'Ann', _version: 1 });
    expect(await store.findOne({ __id: 'nope' })).toBeNull();
  });

  it('gives a document without an id a new unique one', async () => {
    const store = sessionStore();
    const [a, b] = await store.insertMany([{ __name: 'A' }, { __name: 'B' }]);
    expect(typeof a.__id).toBe('string');
    expect(a.__id).not.toBe(b.__id);
    expect(await store.count({ __id: { $in: [a.__id, b.__id] } })).toBe(2);
  });

  it('refuses a duplicate id with CONFLICT', async () => {
    const store = sessionStore();
    await store.insertOne({ __id: 's1', __name: 'Ann' });
    await expectCode(store.insertOne({ __id: 's1', __name: 'Other' }), ErrorCode.Conflict);
    expect(await store.find({})).toEqual([{ __id: 's1', __name: 'Ann', _version: 1 }]);
  });

  it('enforces a unique index on insert, keeping the documents inserted before the duplicate', async () => {
    const store = makeStore<ClientDoc>(freshName('clients'), CLIENTS);
    await store.insertOne({ __id: 'a', _channel: 'tg', _username: 'ann' });
    await store.insertOne({ __id: 'b', _channel: 'wa', _username: 'ann' });
    const error = await expectCode(
      store.insertOne({ __id: 'c', _channel: 'tg', _username: 'ann' }),
      ErrorCode.Conflict,
    );
    expect(error.details).toMatchObject({ keyValue: { _channel: 'tg', _username: 'ann' } });
    await expectCode(
      store.insertMany([
        { __id: 'd', _channel: 'vk', _username: 'bob' },
        { __id: 'e', _channel: 'wa', _username: 'ann' },
      ]),
      ErrorCode.Conflict,
    );
    expect((await store.find({}, { sort: { __id: 1 } })).map((doc) => doc.__id)).toEqual([
      'a',
      'b',
      'd',
    ]);
  });

  it('finds with filter, sort, skip, limit and projection', async () => {
    const store = sessionStore();
    await store.insertMany(sessions());
    const waiting = await store.find({ _state: 'Waiting' }, { sort: { __createdAt: -1 } });
    expect(waiting.map((doc) => doc.__id)).toEqual(['s4', 's1']);
    const page = await store.find({}, { sort: { _priority: -1, __id: 1 }, skip: 1, limit: 2 });
    expect(page.map((doc) => doc.__id)).toEqual(['s1', 's4']);
    const named = await store.find(
      { _line: 'l1' },
      { sort: { __id: 1 }, projection: { __name: 1 } },
    );
    expect(named).toEqual([{ __name: 'Ann' }, { __name: 'Bob' }]);
    const live = await store.find({ __deletedAt: null, _clients: 'c2' });
    expect(live.map((doc) => doc.__id)).toEqual(['s2']);
    expect(await store.findOne({ _state: 'Waiting' }, { sort: { __name: -1 } })).toMatchObject({
      __id: 's4',
    });
  });

  it('compares ISO date strings in time order', async () => {
    const store = sessionStore();
    await store.insertMany(sessions());
    const since = await store.find(
      { __createdAt: { $gte: '2024-01-02T10:00:00.000Z' } },
      { sort: { __id: 1 } },
    );
    expect(since.map((doc) => doc.__id)).toEqual(['s2', 's3', 's4']);
  });

  it('counts matching documents', async () => {
    const store = sessionStore();
    await store.insertMany(sessions());
    expect(await store.count()).toBe(4);
    expect(await store.count({ _state: { $ne: 'Closed' }, __deletedAt: null })).toBe(2);
  });

  it('deletes one or many documents and frees their unique keys', async () => {
    const store = makeStore<ClientDoc>(freshName('clients'), CLIENTS);
    await store.insertMany([
      { __id: 'a', _channel: 'tg', _username: 'ann' },
      { __id: 'b', _channel: 'tg', _username: 'bob' },
      { __id: 'c', _channel: 'wa', _username: 'cid' },
    ]);
    expect(await store.deleteOne({ _channel: 'tg' })).toEqual({ deletedCount: 1 });
    expect(await store.deleteMany({ _channel: { $in: ['tg', 'wa'] } })).toEqual({
      deletedCount: 2,
    });
    expect(await store.deleteOne({ _channel: 'tg' })).toEqual({ deletedCount: 0 });
    await store.insertOne({ __id: 'a2', _channel: 'tg', _username: 'ann' });
    expect(await store.count()).toBe(1);
  });

  it('never lets a caller mutate stored documents through inputs or outputs', async () => {
    const store = sessionStore();
    const input: SessionDoc = { __id: 's1', _tags: ['a'], _meta: { hops: 1 } };
    const inserted = await store.insertOne(input);
    input._tags?.push('from-input');
    inserted._tags?.push('from-result');
    const read = await store.findOne({ __id: 's1' });
    if (read?._meta) read._meta.hops = 99;
    const tags = ['b'];
    await store.updateOne({ __id: 's1' }, { $set: { _tags: tags } });
    tags.push('from-update');
    expect(await store.findOne({ __id: 's1' })).toEqual({
      __id: 's1',
      _tags: ['b'],
      _meta: { hops: 1 },
      _version: 2,
    });
  });

  it('refuses server-side script operators and stays untouched', async () => {
    const store = sessionStore();
    await store.insertMany(sessions());
    await expectCode(store.find({ $where: 'sleep(1000) || true' }), ErrorCode.ValidationFailed);
    await expectCode(store.deleteMany({ $and: [{ $where: 'true' }] }), ErrorCode.ValidationFailed);
    await expectCode(
      store.aggregate([{ $match: { $expr: { $function: { body: 'x', args: [], lang: 'js' } } } }]),
      ErrorCode.ValidationFailed,
    );
    expect(await store.find({}, { sort: { __id: 1 } })).toEqual(
      sessions().map((doc) => ({ ...doc, _version: 1 })),
    );
  });
}
