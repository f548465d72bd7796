import { diffFields, isReassignment, jsonEqual, responsibleOf } from './session-diff.rules';

describe('session field-change diff', () => {
  it('lists changed fields in sorted order with old and new values', () => {
    const before = { _state: 'Waiting', _userId: undefined, _priority: 'Medium', __name: 'a' };
    const after = { _state: 'AssignedToOperator', _userId: 'op-1', _priority: 'Medium', __name: 'a' };
    expect(diffFields(before, after)).toEqual([
      { field: '_state', oldValue: 'Waiting', newValue: 'AssignedToOperator' },
      { field: '_userId', oldValue: null, newValue: 'op-1' },
    ]);
  });

  it('reports a removed field as null and ignores version and update stamps', () => {
    const before = { _userId: 'op-1', _version: 3, __updatedAt: 'x', __updatedBy: 'a' };
    const after = { _version: 4, __updatedAt: 'y', __updatedBy: 'b' };
    expect(diffFields(before, after)).toEqual([{ field: '_userId', oldValue: 'op-1', newValue: null }]);
  });

  it('compares arrays and objects deeply', () => {
    const apps = [{ namespace: 'n', code: 'c', id: '1' }];
    expect(diffFields({ _apps: apps }, { _apps: [{ ...apps[0] }] })).toEqual([]);
    expect(diffFields({ _apps: apps }, { _apps: [{ ...apps[0], id: '2' }] })).toHaveLength(1);
    expect(jsonEqual([1, 2], [1, 2, 3])).toBe(false);
    expect(jsonEqual({ a: 1 }, [1])).toBe(false);
    expect(jsonEqual(null, undefined)).toBe(true);
  });

  it('detects a change of who is responsible', () => {
    const queued = responsibleOf({ _userGroupId: 'g' });
    const taken = responsibleOf({ _userGroupId: 'g', _userId: 'op-1' });
    expect(queued).toEqual({ userGroupId: 'g' });
    expect(isReassignment(queued, taken)).toBe(true);
    expect(isReassignment(taken, { ...taken })).toBe(false);
    expect(isReassignment({ botId: 'b' }, {})).toBe(true);
  });
});
