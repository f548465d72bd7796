import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { toStoreError } from './mongo.errors';

describe('toStoreError', () => {
  it('maps a duplicate key error (11000) to CONFLICT, naming _id as the id field', () => {
    const server = Object.assign(new Error('E11000 duplicate key error'), {
      name: 'MongoServerError',
      code: 11000,
      keyPattern: { _id: 1 },
      keyValue: { _id: 's1' },
    });
    const mapped = toStoreError(server, 'sessions', '__id');
    expect(mapped).toBeInstanceOf(OpenLinesError);
    expect((mapped as OpenLinesError).code).toBe(ErrorCode.Conflict);
    expect((mapped as OpenLinesError).details).toEqual({
      collection: 'sessions',
      index: '__id',
      keyValue: { __id: 's1' },
    });
  });

  it('finds the duplicate key inside a bulk write error', () => {
    const bulk = Object.assign(new Error('bulk'), {
      name: 'MongoBulkWriteError',
      writeErrors: [
        { code: 11000, err: { code: 11000, keyValue: { _channel: 'tg', _username: 'ann' } } },
      ],
    });
    const mapped = toStoreError(bulk, 'clients', '__id') as OpenLinesError;
    expect(mapped.code).toBe(ErrorCode.Conflict);
    expect(mapped.details).toMatchObject({ keyValue: { _channel: 'tg', _username: 'ann' } });
  });

  it('maps an unreachable server to UNAVAILABLE and leaves other errors alone', () => {
    const selection = Object.assign(new Error('timed out'), { name: 'MongoServerSelectionError' });
    expect((toStoreError(selection, 'sessions', '__id') as OpenLinesError).code).toBe(
      ErrorCode.Unavailable,
    );
    const other = new Error('boom');
    expect(toStoreError(other, 'sessions', '__id')).toBe(other);
  });
});
