import { OPERATORS_BY_TYPE, defineEntityFields } from './entity-fields.definition';
import { SYSTEM_FIELDS } from './system-fields.definition';

describe('defineEntityFields', () => {
  it('includes the system fields of every item, with operators and sortability by type', () => {
    const spec = defineEntityFields({ _clients: { type: 'refArray' } });
    expect(Object.keys(spec).sort()).toEqual([...Object.keys(SYSTEM_FIELDS), '_clients'].sort());
    expect(spec.__deletedAt).toEqual({
      type: 'date',
      operators: OPERATORS_BY_TYPE.date,
      sortable: true,
    });
    expect(spec.__id.operators).toContain('in');
    expect(spec._clients).toEqual({
      type: 'refArray',
      operators: OPERATORS_BY_TYPE.refArray,
      sortable: false,
    });
    expect(Object.isFrozen(spec)).toBe(true);
  });

  it('leaves the system fields out on request and lets a declaration narrow operators', () => {
    const spec = defineEntityFields(
      { _state: { type: 'enum', values: ['A', 'B'], operators: ['eq'], sortable: false } },
      { includeSystemFields: false },
    );
    expect(Object.keys(spec)).toEqual(['_state']);
    expect(spec._state).toEqual({
      type: 'enum',
      values: ['A', 'B'],
      operators: ['eq'],
      sortable: false,
    });
  });

  it('throws at declaration on names, operators and options that cannot work', () => {
    expect(() => defineEntityFields({ $where: { type: 'string' } })).toThrow(
      /invalid searchable field name/,
    );
    expect(() => defineEntityFields({ 'a..b': { type: 'string' } })).toThrow(
      /invalid searchable field name/,
    );
    expect(() => defineEntityFields({ 'a.__proto__': { type: 'string' } })).toThrow(
      /invalid searchable field name/,
    );
    expect(() => defineEntityFields({ n: { type: 'number', operators: ['like'] } })).toThrow(
      /cannot support like/,
    );
    expect(() => defineEntityFields({ e: { type: 'enum' } })).toThrow(/needs its values/);
    expect(() => defineEntityFields({ t: { type: 'stringArray', sortable: true } })).toThrow(
      /cannot be sortable/,
    );
  });
});
