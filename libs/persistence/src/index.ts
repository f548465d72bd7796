export * from './port/document-store.port';
export { DEFAULT_ID_FIELD } from './port/collection.definition';
export { MemoryStore } from './memory/memory.store';
export { MemoryStoreFactory } from './memory/memory-store.factory';
export { MongoStore } from './mongo/mongo.store';
export { MongoStoreFactory } from './mongo/mongo-store.factory';
export type { MongoStoreOptions } from './mongo/mongo-store.factory';
export * from './store.factory';
export * from './store-health';
