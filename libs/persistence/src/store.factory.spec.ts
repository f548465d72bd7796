import { MemoryStoreFactory } from './memory/memory-store.factory';
import { MongoStoreFactory } from './mongo/mongo-store.factory';
import { STORE_FACTORY, createStoreFactory, createStoreProvider } from './store.factory';

describe('createStoreFactory', () => {
  it('uses the in-memory store when MONGO_URL is not set', async () => {
    const factory = createStoreFactory({ env: {} });
    expect(factory).toBeInstanceOf(MemoryStoreFactory);
    expect(factory.kind).toBe('memory');
    await expect(factory.ping()).resolves.toBeUndefined();
    const store = factory.createStore<{ __id?: string }>('things');
    expect(factory.createStore('things')).toBe(store);
  });

  it('uses MongoDB when MONGO_URL is set', async () => {
    const factory = createStoreFactory({ env: { MONGO_URL: 'mongodb://127.0.0.1:1/openlines' } });
    expect(factory).toBeInstanceOf(MongoStoreFactory);
    expect(factory.kind).toBe('mongo');
    await factory.close();
  });

  it('provides the factory to Nest under STORE_FACTORY', () => {
    const provider = createStoreProvider({ env: {} });
    expect(provider.provide).toBe(STORE_FACTORY);
    expect(provider.useFactory()).toBeInstanceOf(MemoryStoreFactory);
  });
});
