import { ErrorCode } from '@openlines/contracts';
import {
  MakeStore,
  SESSIONS,
  SessionDoc,
  expectCode,
  freshName,
  sessions,
} from './contract.fixtures';

/** Read-only aggregation pipelines, the same in MongoDB and in mingo. */
export function aggregateCases(makeStore: MakeStore): void {
  const sessionStore = async () => {
    const store = makeStore<SessionDoc>(freshName('sessions'), SESSIONS);
    await store.insertMany(sessions());
    return store;
  };

  it('groups and sorts; a $group makes its own _id', async () => {
    const store = await sessionStore();
    const perLine = await store.aggregate<{ _id: string; n: number; top: number }>([
      { $match: { __deletedAt: null } },
      { $group: { _id: '$_line', n: { $sum: 1 }, top: { $max: '$_priority' } } },
      { $sort: { _id: 1 } },
    ]);
    expect(perLine).toEqual([
      { _id: 'l1', n: 2, top: 2 },
      { _id: 'l2', n: 1, top: 2 },
    ]);
  });

  it('never shows the _id of stored documents', async () => {
    const store = await sessionStore();
    const plain = await store.aggregate([
      { $match: { __id: 's4' } },
      { $project: { __name: 1, _meta: 1 } },
    ]);
    expect(plain).toEqual([{ __name: 'Dee', _meta: { source: 'web', hops: 1 } }]);
    const unwound = await store.aggregate([
      { $unwind: '$_clients' },
      { $match: { _clients: 'c2' } },
    ]);
    expect(unwound.map((doc) => Object.keys(doc).includes('_id'))).toEqual([false, false]);
  });

  it('joins another collection of the same factory with $lookup', async () => {
    const store = await sessionStore();
    const linesName = freshName('lines');
    const lines = makeStore<{ __id: string; __name: string }>(linesName);
    await lines.insertMany([
      { __id: 'l1', __name: 'Support' },
      { __id: 'l2', __name: 'Sales' },
    ]);
    const joined = await store.aggregate([
      { $match: { __id: { $in: ['s1', 's3'] } } },
      { $sort: { __id: 1 } },
      { $lookup: { from: linesName, localField: '_line', foreignField: '__id', as: 'line' } },
      // Name the joined fields: MongoDB would otherwise show the joined documents' _id.
      { $project: { __id: 1, 'line.__name': 1 } },
    ]);
    expect(joined).toEqual([
      { __id: 's1', line: [{ __name: 'Support' }] },
      { __id: 's3', line: [{ __name: 'Sales' }] },
    ]);
  });

  it('refuses stages that write', async () => {
    const store = await sessionStore();
    await expectCode(store.aggregate([{ $out: 'elsewhere' }]), ErrorCode.ValidationFailed);
    await expectCode(
      store.aggregate([{ $merge: { into: 'elsewhere' } }]),
      ErrorCode.ValidationFailed,
    );
  });
}
