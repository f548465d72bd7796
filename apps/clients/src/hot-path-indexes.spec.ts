import { LineClientData } from '@openlines/contracts';
import { EmbeddedOutboxRepository, WithOutbox } from '@openlines/messaging';
import { MemoryStoreFactory } from '@openlines/persistence';
import { ClientRepository } from './clients/persistence/client.repository';
import {
  CLIENTS_COLLECTION,
  CLIENTS_COLLECTION_DEFINITION,
  ClientDocument,
} from './clients/persistence/client.schema';

/**
 * Every query the clients service makes per request is served by an id or a declared index: on
 * a store that throws instead of scanning, each hot-path method runs. (Scans on purpose: the
 * outbox relay's `listPending` poll, searches.)
 */
describe('clients: hot paths use indexes', () => {
  const stores = new MemoryStoreFactory({ scans: 'throw' });
  const store = stores.createStore<ClientDocument>(
    CLIENTS_COLLECTION,
    CLIENTS_COLLECTION_DEFINITION,
  );
  const clients = new ClientRepository(store);
  const at = '2024-01-01T00:00:00.000Z';
  const client: LineClientData = {
    __id: 'c1',
    __name: 'Ann',
    __createdAt: at,
    __createdBy: 'system',
    __updatedAt: at,
    __updatedBy: 'system',
    _channel: 'ch1',
    _username: 'ann',
    _externalId: 'ann',
    _extraData: {},
    _blockedStatus: 'notBlocked',
  } as LineClientData;

  it('creates, finds by id and by account, and replaces a client', async () => {
    const stored = await clients.insert(client, []);
    expect(await clients.findById('c1')).toMatchObject({ __id: 'c1' });
    expect(await clients.findByAccount('ch1', 'ann')).toMatchObject({ __id: 'c1' });
    await clients.replace(stored, { ...stored, __name: 'Ann B.' }, []);
  });

  it('marks outbox entries published by event id', async () => {
    const outbox = new EmbeddedOutboxRepository(
      stores.createStore<WithOutbox>(CLIENTS_COLLECTION, CLIENTS_COLLECTION_DEFINITION),
    );
    await outbox.markPublished(['e1']);
  });
});
