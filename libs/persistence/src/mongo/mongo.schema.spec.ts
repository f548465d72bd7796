import { createConnection } from 'mongoose';
import { resolveDefinition } from '../port/collection.definition';
import { createMongoModel } from './mongo.schema';

describe('createMongoModel', () => {
  // A connection that never connects: enough to inspect the compiled schema.
  const connection = createConnection();
  afterAll(() => connection.close());

  it('keys documents by a string _id, stores any field and declares the indexes', () => {
    const definition = resolveDefinition({
      versionField: '_version',
      indexes: [
        { fields: { _channel: 1, _username: 1 }, unique: true },
        { fields: { _line: 1, _state: 1 } },
      ],
    });
    const model = createMongoModel(connection, 'clients', definition);
    expect(model.schema.path('_id').instance).toBe('String');
    expect(model.schema.get('strict')).toBe(false);
    expect(model.schema.get('versionKey')).toBe(false);
    expect(model.schema.indexes()).toEqual([
      [{ __id: 1 }, expect.objectContaining({ unique: true })],
      [
        { _channel: 1, _username: 1 },
        expect.objectContaining({ unique: true, name: '_channel_1__username_1' }),
      ],
      [{ _line: 1, _state: 1 }, expect.objectContaining({ unique: false })],
    ]);
    expect(createMongoModel(connection, 'clients', definition)).toBe(model);
  });
});
