import { changedWritableFields, sameValue, snapshot, WritableFields } from './writable-diff';

const fields: WritableFields = {
  __name: {},
  _extraData: {},
  _applicationItem: {
    nullable: true,
    normalise: (value) => {
      const item = value as { namespace: string; code: string; id: string };
      return { namespace: item.namespace, code: item.code, id: item.id };
    },
  },
};

describe('changedWritableFields', () => {
  const baseline = {
    __name: 'Ann',
    _extraData: { phone: '1', custom: { a: 'b' } },
    _username: 'ann',
  };

  it('sends nothing when nothing writable changed', () => {
    const current = { ...snapshot(baseline), _username: 'changed-but-read-only' };
    expect(changedWritableFields(baseline, current, fields)).toEqual({});
  });

  it('sends changed fields only, comparing nested values by content', () => {
    const current = snapshot(baseline);
    current.__name = 'Anna';
    current._extraData = { custom: { a: 'b' }, phone: '1' };
    expect(changedWritableFields(baseline, current, fields)).toEqual({ __name: 'Anna' });
    current._extraData.phone = '2';
    expect(changedWritableFields(baseline, current, fields)).toEqual({
      __name: 'Anna',
      _extraData: { custom: { a: 'b' }, phone: '2' },
    });
  });

  it('normalises an assigned object to its wire form', () => {
    const contact = {
      namespace: 'crm',
      code: 'contacts',
      id: 'c-1',
      data: { __name: 'Big object' },
      fetch: () => 1,
    };
    const current = { ...snapshot(baseline), _applicationItem: contact };
    expect(changedWritableFields(baseline, current, fields)).toEqual({
      _applicationItem: { namespace: 'crm', code: 'contacts', id: 'c-1' },
    });
  });

  it('sends null for a removed nullable field and nothing for a removed non-nullable one', () => {
    const withLink = {
      ...baseline,
      _applicationItem: { namespace: 'crm', code: 'contacts', id: 'c-1' },
    };
    const current: Record<string, unknown> = snapshot(withLink);
    delete current._applicationItem;
    delete current._extraData;
    expect(changedWritableFields(withLink, current, fields)).toEqual({ _applicationItem: null });
  });
});

describe('sameValue', () => {
  it('compares arrays by order and objects regardless of key order', () => {
    expect(sameValue([1, { a: 1, b: 2 }], [1, { b: 2, a: 1 }])).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: undefined }, {})).toBe(true);
    expect(sameValue([], {})).toBe(false);
  });
});
