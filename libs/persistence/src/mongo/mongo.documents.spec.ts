import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { resolveDefinition } from '../port/collection.definition';
import { toMongoPipeline, toMongoUpdate, toStoredDocument } from './mongo.documents';

const definition = resolveDefinition({ versionField: '_version' });

describe('MongoStore documents', () => {
  it('stores the id as _id too', () => {
    expect(toStoredDocument({ __id: 's1', a: 1 }, definition)).toEqual({
      __id: 's1',
      a: 1,
      _id: 's1',
    });
  });

  it('bumps the version of an update and leaves it otherwise as given', () => {
    expect(toMongoUpdate({ __id: 's1' }, { $set: { a: 1 } }, definition, false)).toEqual({
      $set: { a: 1 },
      $inc: { _version: 1 },
    });
  });

  it('gives an upserted document _id from the filter, from $setOnInsert, or a new one', () => {
    expect(toMongoUpdate({ __id: 's1' }, { $set: { a: 1 } }, definition, true)).toEqual({
      $set: { a: 1 },
      $inc: { _version: 1 },
      $setOnInsert: { _id: 's1' },
    });
    expect(
      toMongoUpdate(
        { _channel: 'tg' },
        { $setOnInsert: { __id: 'c1', __name: 'Ann' } },
        definition,
        true,
      ),
    ).toEqual({
      $setOnInsert: { __id: 'c1', __name: 'Ann', _id: 'c1' },
      $inc: { _version: 1 },
    });
    const fresh = toMongoUpdate({ _channel: 'tg' }, { $set: { a: 1 } }, definition, true);
    expect(fresh.$setOnInsert?._id).toEqual(fresh.$setOnInsert?.__id);
    expect(typeof fresh.$setOnInsert?._id).toBe('string');
  });

  it('refuses script operators in the filter of an update', () => {
    expect(() => toMongoUpdate({ $where: 'true' }, { $set: { a: 1 } }, definition, false)).toThrow(
      OpenLinesError,
    );
  });

  it('hides _id after the leading match/sort/skip/limit stages', () => {
    expect(
      toMongoPipeline([{ $match: { a: 1 } }, { $sort: { b: 1 } }, { $group: { _id: '$c' } }]),
    ).toEqual([
      { $match: { a: 1 } },
      { $sort: { b: 1 } },
      { $project: { _id: 0 } },
      { $group: { _id: '$c' } },
    ]);
    expect(toMongoPipeline([{ $match: { a: 1 } }])).toEqual([
      { $match: { a: 1 } },
      { $project: { _id: 0 } },
    ]);
    expect(toMongoPipeline([{ $unwind: '$x' }])).toEqual([
      { $project: { _id: 0 } },
      { $unwind: '$x' },
    ]);
  });

  it('refuses pipelines that write', () => {
    try {
      toMongoPipeline([{ $match: {} }, { $merge: { into: 'x' } }]);
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as OpenLinesError).code).toBe(ErrorCode.ValidationFailed);
    }
  });
});
