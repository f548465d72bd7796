import { LineSessionData, LineSessionState, LinesRpc, OperatorStatusType } from '@openlines/contracts';
import { MemoryStoreFactory, StoreFactory } from '@openlines/persistence';
import { uniqueName, waitFor } from '@openlines/testing';
import { OPERATORS_COLLECTION, OPERATORS_DEFINITION, OperatorDocument } from '../src/operator/persistence/operator.schema';
import { SessionsHarness } from './support/sessions-harness';

/** One in-memory database that outlives the service instances using it, as SQLite or MongoDB would. */
function survivingStore(): StoreFactory {
  const inner = new MemoryStoreFactory();
  return {
    kind: inner.kind,
    createStore: (name, definition) => inner.createStore(name, definition),
    ping: () => inner.ping(),
    close: async () => undefined,
  };
}

describe('routing at start: a process died between a change and its routing run', () => {
  let h: SessionsHarness;
  let store: StoreFactory;

  beforeEach(async () => {
    store = survivingStore();
    h = await SessionsHarness.start({ storeFactory: store });
  });
  afterEach(() => h?.close());

  it('offers the queue to an operator who is online already, without waiting for the next event on the line', async () => {
    const f = h.seedLine({ _distribution: 'auto' });
    const session = await h.openSession(f);
    expect(session._state).toBe(LineSessionState.Waiting);
    const operatorId = uniqueName('op');
    // The last write of the process that died: the operator is online; nobody routed the line.
    const cameOnline = async () => {
      await store.createStore<OperatorDocument>(OPERATORS_COLLECTION, OPERATORS_DEFINITION).insertOne({
        __id: operatorId,
        __name: 'Olga',
        _groups: [f.operatorGroup],
        _status: OperatorStatusType.online,
        _statusChangedAt: new Date().toISOString(),
      });
    };

    await h.restart({}, store, cameOnline);
    await waitFor(
      async () => {
        const current = await h.call<LineSessionData>(LinesRpc.sessions.get, { id: session.__id });
        return current._state === LineSessionState.AssignedToOperator && current._userId === operatorId;
      },
      { what: 'the waiting session assigned by the new instance' },
    );
  });
});
