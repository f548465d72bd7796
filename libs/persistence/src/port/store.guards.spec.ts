import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { resolveDefinition } from './collection.definition';
import {
  assertNoServerScript,
  assertUpdate,
  equalityFields,
  prepareInsert,
  upsertId,
  withVersionBump,
} from './store.guards';

const definition = resolveDefinition({ versionField: '_version' });

function codeOf(action: () => unknown): ErrorCode | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof OpenLinesError) return error.code;
    throw error;
  }
  return undefined;
}

describe('store guards', () => {
  it('bumps the version unless the update manages it', () => {
    expect(withVersionBump({ $set: { a: 1 }, $inc: { n: 2 } }, definition)).toEqual({
      $set: { a: 1 },
      $inc: { n: 2, _version: 1 },
    });
    expect(withVersionBump({ $set: { _version: 9 } }, definition)).toEqual({
      $set: { _version: 9 },
    });
    expect(withVersionBump({ $set: { a: 1 } }, resolveDefinition())).toEqual({ $set: { a: 1 } });
  });

  it('accepts the port operators and refuses others, an id change and _id', () => {
    expect(
      codeOf(() => assertUpdate({ $set: { a: 1 }, $setOnInsert: { __id: 'x' } }, definition)),
    ).toBeUndefined();
    expect(codeOf(() => assertUpdate({ $rename: { a: 'b' } } as never, definition))).toBe(
      ErrorCode.ValidationFailed,
    );
    expect(codeOf(() => assertUpdate({ $set: { '__id.x': 1 } }, definition))).toBe(
      ErrorCode.ValidationFailed,
    );
    expect(codeOf(() => assertUpdate({ $unset: { _id: '' } }, definition))).toBe(
      ErrorCode.ValidationFailed,
    );
    expect(codeOf(() => assertUpdate({ $set: 'a' } as never, definition))).toBe(
      ErrorCode.ValidationFailed,
    );
  });

  it('finds script operators at any depth without recursion', () => {
    let deep: Record<string, unknown> = { $where: 'true' };
    for (let i = 0; i < 50_000; i += 1) deep = { $and: [deep] };
    expect(codeOf(() => assertNoServerScript(deep, 'filter'))).toBe(ErrorCode.ValidationFailed);
    expect(
      codeOf(() => assertNoServerScript({ a: { $in: ['$where'] } }, 'filter')),
    ).toBeUndefined();
  });

  it('extracts the equalities an upsert copies, as MongoDB does', () => {
    const filter = {
      a: 1,
      b: { $eq: 'x' },
      c: { $gt: 2 },
      $and: [{ d: 'y' }, { e: { $in: [1] } }],
      'f.g': true,
    };
    expect(equalityFields(filter)).toEqual({ a: 1, b: 'x', d: 'y', 'f.g': true });
    expect(upsertId({ __id: 'from-filter' }, {}, definition)).toBe('from-filter');
    expect(upsertId({ __id: 'f' }, { $setOnInsert: { __id: 'on-insert' } }, definition)).toBe(
      'on-insert',
    );
    expect(upsertId({}, {}, definition)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('prepares an insert as a deep copy with id and first version, refusing _id and bad ids', () => {
    const doc = { nested: { a: 1 } };
    const prepared = prepareInsert(doc, definition) as Record<string, unknown>;
    expect(prepared).toMatchObject({ nested: { a: 1 }, _version: 1 });
    expect(prepared.nested).not.toBe(doc.nested);
    expect(codeOf(() => prepareInsert({ _id: 'x' }, definition))).toBe(ErrorCode.ValidationFailed);
    expect(codeOf(() => prepareInsert({ __id: 42 }, definition))).toBe(ErrorCode.ValidationFailed);
  });
});
