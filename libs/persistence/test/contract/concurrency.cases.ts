import { ErrorCode } from '@openlines/contracts';
import {
  CLIENTS,
  ClientDoc,
  MakeStore,
  SESSIONS,
  SessionDoc,
  expectCode,
  freshName,
  outcomeOf,
} from './contract.fixtures';

/** Optimistic concurrency: compareAndSet, and unique keys under concurrent find-or-create. */
export function concurrencyCases(makeStore: MakeStore): void {
  const oneSession = async () => {
    const store = makeStore<SessionDoc>(freshName('sessions'), SESSIONS);
    await store.insertOne({ __id: 's1', _state: 'Waiting' });
    return store;
  };

  it('compareAndSet applies the update at the expected version and bumps it', async () => {
    const store = await oneSession();
    const after = await store.compareAndSet('s1', 1, { $set: { _state: 'AssignedToOperator' } });
    expect(after).toEqual({ __id: 's1', _state: 'AssignedToOperator', _version: 2 });
    expect(await store.findOne({ __id: 's1' })).toEqual(after);
  });

  it('compareAndSet at a stale version fails with CONFLICT naming the current version', async () => {
    const store = await oneSession();
    await store.updateOne({ __id: 's1' }, { $set: { _priority: 3 } });
    const error = await expectCode(
      store.compareAndSet('s1', 1, { $set: { _state: 'Closed' } }),
      ErrorCode.Conflict,
    );
    expect(error.details).toMatchObject({ id: 's1', expectedVersion: 1, currentVersion: 2 });
    expect(await store.findOne({ __id: 's1' })).toMatchObject({ _state: 'Waiting', _version: 2 });
  });

  it('compareAndSet of a missing document fails with NOT_FOUND', async () => {
    const store = await oneSession();
    await expectCode(
      store.compareAndSet('nope', 1, { $set: { _state: 'Closed' } }),
      ErrorCode.NotFound,
    );
  });

  it('compareAndSet refuses an update that sets the version itself', async () => {
    const store = await oneSession();
    await expectCode(
      store.compareAndSet('s1', 1, { $set: { _version: 7 } }),
      ErrorCode.ValidationFailed,
    );
  });

  it('two concurrent compareAndSet at one version: exactly one wins, the other gets CONFLICT', async () => {
    const store = await oneSession();
    const outcomes = await Promise.all([
      outcomeOf(store.compareAndSet('s1', 1, { $set: { _userId: 'op-a' } })),
      outcomeOf(store.compareAndSet('s1', 1, { $set: { _userId: 'op-b' } })),
    ]);
    const winners = outcomes.filter((outcome) => outcome.value !== undefined);
    expect(winners).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.code === ErrorCode.Conflict)).toHaveLength(1);
    expect(await store.findOne({ __id: 's1' })).toEqual(winners[0].value);
  });

  it('twenty concurrent compareAndSet at one version: exactly one wins', async () => {
    const store = await oneSession();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        outcomeOf(store.compareAndSet('s1', 1, { $set: { _userId: `op-${i}` } })),
      ),
    );
    const winners = outcomes.filter((outcome) => outcome.value !== undefined);
    expect(winners).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.code === ErrorCode.Conflict)).toHaveLength(19);
    const stored = await store.findOne({ __id: 's1' });
    expect(stored).toEqual({
      __id: 's1',
      _state: 'Waiting',
      _userId: winners[0].value?._userId,
      _version: 2,
    });
  });

  it('concurrent find-or-create by unique key makes exactly one document', async () => {
    const store = makeStore<ClientDoc>(freshName('clients'), CLIENTS);
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        outcomeOf(store.insertOne({ __id: `c${i}`, _channel: 'tg', _username: 'ann' })),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.value !== undefined)).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.code === ErrorCode.Conflict)).toHaveLength(9);
    expect(await store.count({ _channel: 'tg', _username: 'ann' })).toBe(1);
  });
}
