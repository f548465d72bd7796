import { LineSessionState } from '@openlines/contracts';
import { BookkeptSession, documentUpdate, withBookkeeping } from './session-bookkeeping.rules';

const { Waiting, AssignedToOperator, Closed, MarkedAsSpam } = LineSessionState;
const T0 = new Date('2024-01-01T10:00:00.000Z');
const T1 = new Date('2024-01-01T10:05:00.000Z');
const base: BookkeptSession = {
  __id: 's1', _line: 'l1', _clients: ['c1'], _state: Waiting, _openKey: 'l1|c1',
  _acceptedAt: T0.toISOString(), _queuedAt: T0.toISOString(), _queueTick: 1,
};

describe('session bookkeeping', () => {
  it('leaving the queue stamps _acceptedAt and drops the queue position', () => {
    const next = withBookkeeping(base, { ...base, _state: AssignedToOperator, _userId: 'op' }, T1, 2);
    expect(next).toMatchObject({ _acceptedAt: T1.toISOString(), _openKey: 'l1|c1' });
    expect(next._queuedAt).toBeUndefined();
    expect(next._queueTick).toBeUndefined();
  });

  it('entering the queue takes a new position; moving between group queues keeps it', () => {
    const { _queuedAt, _queueTick, ...unqueued } = base;
    expect([_queuedAt, _queueTick]).toEqual([T0.toISOString(), 1]);
    const assigned: BookkeptSession = { ...unqueued, _state: AssignedToOperator, _userId: 'op' };
    const { _userId, ...withoutOperator } = assigned;
    expect(_userId).toBe('op');
    const requeued = withBookkeeping(assigned, { ...withoutOperator, _state: Waiting }, T1, 7);
    expect(requeued).toMatchObject({ _queuedAt: T1.toISOString(), _queueTick: 7 });
    const moved = withBookkeeping(base, { ...base, _userGroupId: 'g2' }, T1, 9);
    expect(moved).toMatchObject({ _queuedAt: T0.toISOString(), _queueTick: 1, _acceptedAt: T1.toISOString() });
  });

  it('closing stamps _closedAt and frees the open key; spam frees it too', () => {
    const closed = withBookkeeping(base, { ...base, _state: Closed }, T1, 2);
    expect(closed).toMatchObject({ _closedAt: T1.toISOString(), _openKey: 's1' });
    expect(withBookkeeping(base, { ...base, _state: MarkedAsSpam }, T1, 2)._openKey).toBe('s1');
  });

  it('a change that is neither state nor assignee keeps _acceptedAt', () => {
    expect(withBookkeeping(base, { ...base }, T1, 2)._acceptedAt).toBe(T0.toISOString());
  });

  it('builds $set and $unset from two documents, skipping the given fields', () => {
    const update = documentUpdate(
      { a: 1, b: [1], c: 'x', d: 'gone', _outbox: [] },
      { a: 1, b: [1, 2], c: 'y', e: 'new', _outbox: [1] },
      new Set(['_outbox']),
    );
    expect(update).toEqual({ $set: { b: [1, 2], c: 'y', e: 'new' }, $unset: { d: '' } });
  });
});
