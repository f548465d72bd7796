import {
  EMPTY_ARRAY,
  indexEntries,
  keyValueOf,
  lookupPart,
  uniquePart,
  valuesAt,
} from './index-keys';

describe('index keys', () => {
  it('follows dotted paths through arrays of subdocuments, missing branches as undefined', () => {
    const doc = { outbox: [{ eventId: 'e1' }, { eventId: ['e2', 'e3'] }, {}], meta: { a: 1 } };
    expect(valuesAt(doc, 'outbox.eventId')).toEqual(['e1', 'e2', 'e3', undefined]);
    expect(valuesAt(doc, 'meta.a')).toEqual([1]);
    expect(valuesAt(doc, 'meta.b')).toEqual([undefined]);
    expect(valuesAt(doc, 'nope.deeper')).toEqual([undefined]);
    expect(valuesAt({ a: [] }, 'a')).toEqual([EMPTY_ARRAY]);
    expect(valuesAt({ a: [[1, 2], 3] }, 'a')).toEqual([1, 2, 3]);
    expect(valuesAt({ a: [{ b: 1 }, { b: 2 }] }, 'a.1.b')).toEqual([undefined, undefined, 2]);
  });

  it('makes one entry per array element, and every combination for a compound index', () => {
    const index = { fields: { _clients: 1, _line: 1 } } as const;
    expect(indexEntries({ _clients: ['c1', 'c2', 'c1'], _line: 'l1' }, index)).toEqual([
      ['c1', 'l1'],
      ['c2', 'l1'],
    ]);
    expect(indexEntries({ _clients: ['a', 'b'], _line: ['x', 'y'] }, index)).toHaveLength(4);
    expect(indexEntries({}, index)).toEqual([[undefined, undefined]]);
  });

  it('leaves a document out of a sparse index only when every field is missing', () => {
    const sparse = { fields: { a: 1, b: 1 }, sparse: true } as const;
    expect(indexEntries({}, sparse)).toEqual([]);
    expect(indexEntries({ b: null }, sparse)).toEqual([[undefined, null]]);
    expect(indexEntries({ a: [] }, sparse)).toEqual([[EMPTY_ARRAY, undefined]]);
  });

  it('encodes parts by type: a lookup for null finds missing and empty arrays, uniqueness does not', () => {
    expect(new Set([lookupPart(1), lookupPart('1'), lookupPart(true), lookupPart(null)]).size).toBe(
      4,
    );
    expect(lookupPart(-0)).toBe(lookupPart(0));
    expect(lookupPart(undefined)).toBe(lookupPart(null));
    expect(lookupPart(EMPTY_ARRAY)).toBe(lookupPart(null));
    expect(uniquePart(EMPTY_ARRAY)).not.toBe(uniquePart(null));
    expect(lookupPart({ a: 1 })).not.toBe(lookupPart('{"a":1}'));
  });

  it('reports a key as MongoDB does, missing as null', () => {
    const index = { fields: { _channel: 1, _username: 1 } } as const;
    expect(keyValueOf(index, ['tg', undefined])).toEqual({ _channel: 'tg', _username: null });
  });
});
