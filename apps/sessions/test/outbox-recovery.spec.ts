import { LineSessionData, LinesEvents, LinesRpc } from '@openlines/contracts';
import { EventPublisher } from '@openlines/messaging';
import { MemoryStoreFactory, StoreFactory } from '@openlines/persistence';
import { connectTestNats } from '@openlines/testing';
import { SESSIONS_COLLECTION, SESSIONS_DEFINITION, SessionDocument } from '../src/session/persistence/session.schema';
import { SessionsHarness, operator, system } from './support/sessions-harness';

const S = LinesRpc.sessions;

/** One in-memory database that outlives the service instances using it, as MongoDB would. */
function survivingStore(): StoreFactory & { sessions: () => ReturnType<StoreFactory['createStore']> } {
  const inner = new MemoryStoreFactory();
  return {
    kind: inner.kind,
    createStore: (name, definition) => inner.createStore(name, definition),
    ping: () => inner.ping(),
    close: async () => undefined,
    sessions: () => inner.createStore<SessionDocument>(SESSIONS_COLLECTION, SESSIONS_DEFINITION),
  };
}

describe('outbox: the sessions process dies between the state write and the relay', () => {
  let h: SessionsHarness;
  let store: ReturnType<typeof survivingStore>;

  beforeEach(async () => {
    store = survivingStore();
    h = await SessionsHarness.start({ storeFactory: store, config: { outboxRelayEnabled: false } });
  });
  afterEach(() => h?.close());

  const pendingOf = async (sessionId: string) => ((await store.sessions().findOne({ __id: sessionId })) as SessionDocument)._outbox;

  /** Waits until the stream shows a later change of the session, so everything before it has been read. */
  async function settle(sessionId: string): Promise<void> {
    const probe = await h.call<LineSessionData>(S.update, { sessionId, data: { __name: 'probe' }, actor: system });
    await h.events.waitFor(() => h.events.of(sessionId).some((e) => e.payload.version === probe._version), 'the probe event');
  }

  it('after a restart on the same store, every pending event is published exactly once', async () => {
    const f = h.seedLine();
    const op = await h.addOperator([f.operatorGroup]);
    const session = await h.call<LineSessionData>(S.create, { channelId: f.channel.__id, account: 'ivy', actor: operator(op) });
    await h.call(S.sendMessage, { sessionId: session.__id, text: 'Hello Ivy', actor: operator(op) });
    await h.call(S.close, { sessionId: session.__id, actor: operator(op) });
    const pending = await pendingOf(session.__id);
    expect(pending.map((e) => e.subject)).toEqual([
      LinesEvents.session.created,
      LinesEvents.session.reassigned,
      LinesEvents.message.created,
      LinesEvents.message.outbound,
      LinesEvents.session.changed,
      LinesEvents.session.changed,
      LinesEvents.session.closed,
    ]);
    // The message itself is stored with the write, relay or not.
    expect((await h.call<{ items: unknown[] }>(S.getAllMessages, { sessionId: session.__id })).items).toHaveLength(1);

    await h.restart({ outboxRelayEnabled: true }, store);
    await settle(session.__id);
    const seen = h.events.of(session.__id).map((e) => e.payload.eventId);
    expect(seen.slice(0, pending.length)).toEqual(pending.map((e) => e.eventId));
    expect(new Set(seen).size).toBe(seen.length);
    expect(await pendingOf(session.__id)).toEqual([]);
  });

  it('events published just before the crash (not yet removed) are not published twice', async () => {
    const f = h.seedLine();
    const session = await h.openSession(f);
    await h.call(S.setPriority, { sessionId: session.__id, priority: 'High', actor: system });
    const pending = await pendingOf(session.__id);
    expect(pending).toHaveLength(2);
    // What the dead relay managed to do: publish both, but not remove them from the outbox.
    const nc = await connectTestNats('crashed-relay');
    const publisher = new EventPublisher(nc);
    for (const event of pending) await publisher.publish(event.subject, { ...event.payload, eventId: event.eventId });
    await nc.drain();

    await h.restart({ outboxRelayEnabled: true }, store);
    await settle(session.__id);
    const seen = h.events.of(session.__id).map((e) => e.payload.eventId);
    for (const event of pending) expect(seen.filter((id) => id === event.eventId)).toHaveLength(1);
    expect(await pendingOf(session.__id)).toEqual([]);
  });
});
