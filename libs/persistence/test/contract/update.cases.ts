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

/** updateOne / updateMany / findOneAndUpdate with MongoDB update operators, upserts and versions. */
export function updateCases(makeStore: MakeStore): void {
  const sessionStore = async () => {
    const store = makeStore<SessionDoc>(freshName('sessions'), SESSIONS);
    await store.insertMany(sessions());
    return store;
  };

  it('applies $set, $unset, $inc, $push, $addToSet, $pull and bumps the version', async () => {
    const store = await sessionStore();
    const result = await store.updateOne(
      { __id: 's1' },
      {
        $set: { _state: 'Closed', '_meta.source': 'tg' },
        $unset: { __createdAt: '' },
        $inc: { _priority: 5 },
        $push: { _tags: 'x' },
      },
    );
    expect(result).toEqual({ matchedCount: 1, modifiedCount: 1 });
    // MongoDB refuses two operators on one path in one update, hence two updates here.
    await store.updateOne({ __id: 's1' }, { $addToSet: { _clients: 'c1', _tags: 'y' } });
    await store.updateOne({ __id: 's1' }, { $pull: { _tags: 'x' } });
    expect(await store.findOne({ __id: 's1' })).toEqual({
      __id: 's1',
      __name: 'Ann',
      _state: 'Closed',
      _line: 'l1',
      _clients: ['c1'],
      _priority: 7,
      _tags: ['y'],
      _meta: { source: 'tg' },
      _version: 4,
    });
  });

  it('reports no match and changes nothing when no document matches', async () => {
    const store = await sessionStore();
    expect(await store.updateOne({ __id: 'nope' }, { $set: { _state: 'Closed' } })).toEqual({
      matchedCount: 0,
      modifiedCount: 0,
    });
    expect(await store.count({ _state: 'Closed' })).toBe(1);
  });

  it('upserts from the filter equalities and $setOnInsert, then matches the existing document', async () => {
    const store = makeStore<ClientDoc>(freshName('clients'), CLIENTS);
    const filter = { _channel: 'tg', _username: 'ann' };
    const first = await store.updateOne(
      filter,
      { $setOnInsert: { __id: 'c1', __name: 'Ann' } },
      { upsert: true },
    );
    expect(first).toEqual({ matchedCount: 0, modifiedCount: 0, upsertedId: 'c1' });
    const second = await store.updateOne(
      filter,
      { $setOnInsert: { __id: 'c2', __name: 'Other' } },
      { upsert: true },
    );
    expect(second.matchedCount).toBe(1);
    expect(await store.find({})).toEqual([
      { __id: 'c1', _channel: 'tg', _username: 'ann', __name: 'Ann', _version: 2 },
    ]);
  });

  it('gives an upserted document without an id a new one', async () => {
    const store = makeStore<ClientDoc>(freshName('clients'), CLIENTS);
    const result = await store.updateOne(
      { _channel: 'wa', _username: 'bob' },
      { $set: { __name: 'Bob' } },
      { upsert: true },
    );
    expect(typeof result.upsertedId).toBe('string');
    expect(await store.findOne({ __id: result.upsertedId })).toEqual({
      __id: result.upsertedId,
      _channel: 'wa',
      _username: 'bob',
      __name: 'Bob',
      _version: 1,
    });
  });

  it('refuses an update that would duplicate a unique key, leaving the document as it was', async () => {
    const store = makeStore<ClientDoc>(freshName('clients'), CLIENTS);
    await store.insertMany([
      { __id: 'a', _channel: 'tg', _username: 'ann' },
      { __id: 'b', _channel: 'tg', _username: 'bob' },
    ]);
    await expectCode(
      store.updateOne({ __id: 'b' }, { $set: { _username: 'ann' } }),
      ErrorCode.Conflict,
    );
    expect(await store.findOne({ __id: 'b' })).toEqual({
      __id: 'b',
      _channel: 'tg',
      _username: 'bob',
      _version: 1,
    });
  });

  it('refuses to change the id or to use unsupported operators', async () => {
    const store = await sessionStore();
    await expectCode(
      store.updateOne({ __id: 's1' }, { $set: { __id: 'x' } }),
      ErrorCode.ValidationFailed,
    );
    await expectCode(
      store.updateOne({ __id: 's1' }, { $rename: { a: 'b' } } as never),
      ErrorCode.ValidationFailed,
    );
    await expectCode(store.updateOne({ __id: 's1' }, {}), ErrorCode.ValidationFailed);
    expect(await store.findOne({ __id: 's1' })).toEqual({ ...sessions()[0], _version: 1 });
  });

  it('updates many documents', async () => {
    const store = await sessionStore();
    const result = await store.updateMany({ _line: 'l2' }, { $set: { _state: 'Closed' } });
    expect(result).toEqual({ matchedCount: 2, modifiedCount: 2 });
    expect(
      (await store.find({ _state: 'Closed' }, { sort: { __id: 1 } })).map((doc) => [
        doc.__id,
        doc._version,
      ]),
    ).toEqual([
      ['s2', 1],
      ['s3', 2],
      ['s4', 2],
    ]);
  });

  it('findOneAndUpdate returns the document after the update, in sort order, or null', async () => {
    const store = await sessionStore();
    const taken = await store.findOneAndUpdate(
      { _state: 'Waiting' },
      { $set: { _state: 'AssignedToOperator' } },
      { sort: { _priority: -1, __createdAt: 1 } },
    );
    expect(taken).toMatchObject({ __id: 's1', _state: 'AssignedToOperator', _version: 2 });
    expect(
      await store.findOneAndUpdate({ _state: 'Nope' }, { $set: { _state: 'Closed' } }),
    ).toBeNull();
    const created = await store.findOneAndUpdate(
      { __id: 's9' },
      { $set: { _state: 'Waiting' } },
      { upsert: true },
    );
    expect(created).toEqual({ __id: 's9', _state: 'Waiting', _version: 1 });
  });
}
