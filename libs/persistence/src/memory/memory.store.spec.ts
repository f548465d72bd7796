import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { MemoryStoreFactory } from './memory-store.factory';

/** What only the in-memory adapter does; the shared behaviour is in test/document-store.contract. */
describe('MemoryStore', () => {
  const factory = new MemoryStoreFactory();

  it('refuses a $lookup that mingo would join wrongly (localField together with pipeline)', async () => {
    const store = factory.createStore<{ __id: string; _line: string }>('memory-lookup');
    await store.insertOne({ __id: 's1', _line: 'l1' });
    const lookup = {
      from: 'lines',
      localField: '_line',
      foreignField: '__id',
      pipeline: [],
      as: 'l',
    };
    await expect(store.aggregate([{ $lookup: lookup }])).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
    });
  });

  it('reads by id without scanning, and still applies the rest of the filter', async () => {
    const store = factory.createStore<{ __id: string; n: number }>('memory-by-id');
    await store.insertMany(Array.from({ length: 100 }, (_, i) => ({ __id: `d${i}`, n: i })));
    expect(await store.findOne({ __id: 'd42' })).toEqual({ __id: 'd42', n: 42 });
    expect(await store.findOne({ __id: 'd42', n: 41 })).toBeNull();
    expect(await store.count({ __id: 'missing' })).toBe(0);
  });

  it('keeps a unique sparse index on documents that have the field only', async () => {
    const store = factory.createStore<{ __id: string; email?: string }>('memory-sparse', {
      indexes: [{ fields: { email: 1 }, unique: true, sparse: true }],
    });
    await store.insertMany([{ __id: 'a' }, { __id: 'b' }, { __id: 'c', email: 'x@y' }]);
    const duplicate = store.insertOne({ __id: 'd', email: 'x@y' });
    await expect(duplicate).rejects.toBeInstanceOf(OpenLinesError);
    await expect(duplicate).rejects.toMatchObject({ code: ErrorCode.Conflict });
  });

  it('counts missing fields as null in a non-sparse unique index, as MongoDB does', async () => {
    const store = factory.createStore<{ __id: string; email?: string }>('memory-dense', {
      indexes: [{ fields: { email: 1 }, unique: true }],
    });
    await store.insertOne({ __id: 'a' });
    await expect(store.insertOne({ __id: 'b' })).rejects.toMatchObject({
      code: ErrorCode.Conflict,
    });
    await expect(
      store.insertOne({ __id: 'c', email: null as unknown as string }),
    ).rejects.toMatchObject({
      code: ErrorCode.Conflict,
    });
  });
});
