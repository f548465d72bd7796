import { resolveDefinition } from '../port/collection.definition';
import { IndexPlan, planQuery } from './query-planner';

const definition = resolveDefinition({
  indexes: [
    { fields: { _line: 1, _state: 1 }, name: 'line_state' },
    { fields: { _openKey: 1 }, unique: true, name: 'open' },
    { fields: { line: 1, type: 1, at: 1 }, name: 'measurement' },
    { fields: { livechatKey: 1 }, unique: true, sparse: true, name: 'key' },
  ],
});
const memory = { ranges: false };
const sqlite = { ranges: true };
const indexed = (plan: ReturnType<typeof planQuery>): IndexPlan => {
  if (plan.kind !== 'index') throw new Error(`expected an index plan, got ${plan.kind}`);
  return plan;
};

describe('planQuery', () => {
  it('reads by id when the filter names ids, whatever else it says', () => {
    expect(planQuery({ __id: 's1', __deletedAt: null }, definition, memory)).toEqual({
      kind: 'ids',
      ids: ['s1'],
    });
    expect(planQuery({ $and: [{ __id: { $in: ['a', 'b', 7] } }] }, definition, memory)).toEqual({
      kind: 'ids',
      ids: ['a', 'b'],
    });
  });

  it('takes the index with the longest equality prefix, equalities from $eq, $in, $all and $and', () => {
    const plan = indexed(
      planQuery(
        { $and: [{ _line: 'l1' }, { _state: { $in: ['Waiting', 'Closed'] } }] },
        definition,
        memory,
      ),
    );
    expect(plan).toMatchObject({ name: 'line_state', equalities: [['l1'], ['Waiting', 'Closed']] });
    expect(indexed(planQuery({ _line: { $eq: 'l1' } }, definition, memory)).equalities).toEqual([
      ['l1'],
    ]);
    expect(indexed(planQuery({ _line: { $all: ['l1'] } }, definition, memory)).name).toBe(
      'line_state',
    );
    const both = planQuery(
      { _line: 'l1', $and: [{ _line: { $in: ['l1', 'l2'] } }] },
      definition,
      memory,
    );
    expect(indexed(both).equalities).toEqual([['l1']]);
  });

  it('uses a range after the equality prefix where the adapter can', () => {
    const filter = { line: 'l', type: { $in: ['a', 'b'] }, at: { $gte: 10, $lt: 20 } };
    expect(indexed(planQuery(filter, definition, sqlite)).ranges).toEqual([
      { op: '$gte', value: 10 },
      { op: '$lt', value: 20 },
    ]);
    expect(indexed(planQuery(filter, definition, memory)).ranges).toEqual([]);
    expect(indexed(planQuery({ line: { $gt: 'k' } }, definition, sqlite)).equalities).toEqual([]);
    expect(planQuery({ line: { $gt: 'k' } }, definition, memory).kind).toBe('scan');
    // A string bound past the surrogates would sort differently in SQLite: not used.
    expect(planQuery({ line: { $gt: '\u{1F600}' } }, definition, sqlite).kind).toBe('scan');
  });

  it('does not narrow by what it cannot use, and names the fields when it scans', () => {
    for (const filter of [
      { $or: [{ _line: 'l1' }, { _line: 'l2' }] },
      { _line: { $ne: 'l1' } },
      { _line: { $exists: true } },
      { _line: /l/ },
      { _line: { a: 1 } },
      { _line: ['l1'] },
      { _line: { $in: ['l1', ['l2']] } },
      { _state: 'Waiting' },
    ])
      expect(planQuery(filter, definition, sqlite).kind).toBe('scan');
    expect(planQuery({ $or: [{ b: 1 }, { a: { $ne: 2 } }], c: null }, definition, memory)).toEqual({
      kind: 'scan',
      fields: ['a', 'b', 'c'],
    });
  });

  it('uses a sparse index only for a condition a missing field cannot meet', () => {
    expect(indexed(planQuery({ livechatKey: 'k' }, definition, memory)).name).toBe('key');
    expect(planQuery({ livechatKey: null }, definition, memory).kind).toBe('scan');
    expect(planQuery({ livechatKey: { $in: ['k', null] } }, definition, memory).kind).toBe('scan');
    expect(indexed(planQuery({ _openKey: null }, definition, memory)).name).toBe('open');
  });

  it('plans an empty $in as an index lookup that finds nothing', () => {
    expect(indexed(planQuery({ _openKey: { $in: [] } }, definition, memory)).equalities).toEqual([
      [],
    ]);
  });
});
