import type { FactoryProvider } from '@nestjs/common';
import { MemoryStoreFactory } from './memory/memory-store.factory';
import { MongoStoreFactory } from './mongo/mongo-store.factory';
import { StoreFactory } from './port/document-store.port';

export interface StoreFactoryOptions {
  /** Where MONGO_URL is read; process.env by default. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The service's database (each service owns one), e.g. `openlines-sessions`. */
  dbName?: string;
  appName?: string;
}

/** MONGO_URL set → MongoStore on that server; not set → MemoryStore (nothing persisted). */
export function createStoreFactory(options: StoreFactoryOptions = {}): StoreFactory {
  const url = (options.env ?? process.env).MONGO_URL?.trim();
  if (url === undefined || url === '') return new MemoryStoreFactory();
  return new MongoStoreFactory(url, {
    ...(options.dbName === undefined ? {} : { dbName: options.dbName }),
    ...(options.appName === undefined ? {} : { appName: options.appName }),
  });
}

/** Injection token of the StoreFactory in Nest modules. */
export const STORE_FACTORY = 'OPENLINES_STORE_FACTORY';

/**
 * A Nest provider of the StoreFactory, read from env once at start-up. The factory closes its
 * connection in onApplicationShutdown (enable shutdown hooks in main.ts).
 */
export function createStoreProvider(
  options: StoreFactoryOptions = {},
): FactoryProvider<StoreFactory> {
  return { provide: STORE_FACTORY, useFactory: () => createStoreFactory(options) };
}
