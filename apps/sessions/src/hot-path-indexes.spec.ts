import { LineSessionState, OperatorStatusType } from '@openlines/contracts';
import { MemoryStoreFactory } from '@openlines/persistence';
import { MessageRepository } from './message/persistence/message.repository';
import { MessageDocument } from './message/persistence/message.schema';
import { OperatorLoadRepository } from './operator/persistence/operator-load.repository';
import { OperatorRepository } from './operator/persistence/operator.repository';
import { SessionRepository } from './session/persistence/session.repository';
import { SessionDocument, openKeyOf } from './session/persistence/session.schema';

/**
 * Every query the sessions service makes per request or event is served by an id or a declared
 * index: on a store that throws instead of scanning, each hot-path method runs. (The outbox
 * sweep, `withPendingOutbox`, scans on purpose: a background pass every few seconds. Searches
 * scan when the caller's filter names no indexed field: bounded by their page size.)
 */
describe('sessions: hot paths use indexes', () => {
  const stores = new MemoryStoreFactory({ scans: 'throw' });
  const sessions = new SessionRepository(stores);
  const messages = new MessageRepository(stores);
  const operators = new OperatorRepository(stores);
  const loads = new OperatorLoadRepository(stores);

  beforeAll(async () => {
    const session = {
      __id: 's1',
      __createdAt: '2024-01-01T00:00:00.000Z',
      _line: 'l1',
      _clients: ['c1'],
      _state: LineSessionState.Waiting,
      _openKey: openKeyOf('l1', 'c1'),
      _createdTick: 1,
      _recentMessageIds: ['m1'],
      _outbox: [],
      _pendingMessages: [],
      _assignments: [],
    };
    await sessions.insert(session as unknown as SessionDocument);
    const message = { __id: 'm1', session: 's1', _seq: 1, _channel: 'ch1', _line: 'l1' };
    await messages.insertIfAbsent(message as unknown as MessageDocument);
  });

  it('reads sessions by id, open key, client, recent message, queue and operator', async () => {
    expect(await sessions.findById('s1')).toMatchObject({ __id: 's1' });
    expect(await sessions.findOpen('l1', 'c1')).toMatchObject({ __id: 's1' });
    expect(await sessions.findLatest('l1', 'c1')).toMatchObject({ __id: 's1' });
    expect(await sessions.chainOf('l1', 'c1')).toHaveLength(1);
    expect(await sessions.findByRecentMessage('m1')).toMatchObject({ __id: 's1' });
    expect(await sessions.waitingOn('l1')).toHaveLength(1);
    expect(await sessions.activeCountsOn('l1')).toEqual(new Map());
    expect(await sessions.activeOf('op1')).toEqual([]);
    expect(await sessions.linesWithWaiting()).toEqual(['l1']);
  });

  it('writes sessions by id', async () => {
    const after = await sessions.compareAndSet('s1', 1, { $set: { _priority: 1 } });
    expect(after._version).toBe(2);
    await sessions.removeRelayed('s1', ['e1'], ['m9']);
  });

  it('reads a session’s messages in order, and a message by id', async () => {
    expect(await messages.exists('m1')).toBe(true);
    expect(await messages.page('s1', 0, 20)).toHaveLength(1);
    expect(await messages.last('s1')).toMatchObject({ __id: 'm1' });
  });

  it('reads and writes operators and their seats', async () => {
    await operators.upsert('op1', 'Ann', ['g1'], '2024-01-01T00:00:00.000Z');
    expect(await operators.findById('op1')).toMatchObject({ __id: 'op1' });
    expect(await operators.inGroups(['g1', 'g2'])).toHaveLength(1);
    await operators.setStatus('op1', OperatorStatusType.online, '2024-01-01T00:01:00.000Z');
    const seat = { session: 's1', version: 2, at: '2024-01-01T00:02:00.000Z' };
    expect(await loads.tryReserve('l1', 'op1', 2, seat)).toBe(true);
    expect(await loads.find('l1', 'op1')).toMatchObject({ _operator: 'op1' });
    expect((await loads.ofLine('l1')).size).toBe(1);
    await loads.releaseStale('l1', 'op1', [seat]);
    await loads.release('l1', 'op1', seat);
    await loads.releaseLeft('l1', 'op1', 's1', 3);
  });
});
