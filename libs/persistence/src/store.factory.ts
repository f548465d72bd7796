import path from 'node:path';
import type { FactoryProvider } from '@nestjs/common';
import { MemoryStoreFactory } from './memory/memory-store.factory';
import { MongoStoreFactory } from './mongo/mongo-store.factory';
import { StoreFactory } from './port/document-store.port';
import { SqliteStoreFactory } from './sqlite/sqlite-store.factory';

/** The store when MONGO_URL is not set: durable SQLite files (default) or memory (volatile). */
export type EmbeddedStoreKind = 'sqlite' | 'memory';
export const EMBEDDED_STORE_KINDS: readonly EmbeddedStoreKind[] = ['sqlite', 'memory'];
/** OPENLINES_DATA_DIR's default, relative to the working directory (tools/start.js's `.data`). */
export const DEFAULT_DATA_DIR = '.data';

/**
 * How one service picks its store, from its validated config: MONGO_URL, STORE and
 * OPENLINES_DATA_DIR (declared for every service with a database in deploy/services.json).
 */
export interface StoreSettings {
  /** The service's database: MongoDB's when MONGO_URL names none, and the SQLite file's name. */
  database: string;
  /** MONGO_URL: when set, MongoDB, whatever `embedded` says. */
  mongoUrl?: string;
  /** STORE: the embedded store when MONGO_URL is not set; default `sqlite`. */
  embedded?: EmbeddedStoreKind;
  /** OPENLINES_DATA_DIR: where SQLite keeps `store/<database>.sqlite`; default `.data` (cwd). */
  dataDir?: string;
}

export type StoreChoice =
  | { kind: 'mongo'; url: string; database: string; urlNamesDatabase: boolean }
  | { kind: 'sqlite'; file: string }
  | { kind: 'memory' };

/** The database named in a MongoDB URL's path (`mongodb://h1,h2/<db>?…`), if any. */
function databaseInMongoUrl(url: string): string | undefined {
  const name = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]*)/.exec(url)?.[1];
  return name === undefined || name === '' ? undefined : decodeURIComponent(name);
}

/** The one place that decides: MONGO_URL → MongoDB; else STORE=memory → memory; else SQLite. */
export function chooseStore(settings: StoreSettings): StoreChoice {
  const url = settings.mongoUrl?.trim();
  if (url !== undefined && url !== '') {
    const named = databaseInMongoUrl(url);
    return { kind: 'mongo', url, database: named ?? settings.database, urlNamesDatabase: !!named };
  }
  if (settings.embedded === 'memory') return { kind: 'memory' };
  const dataDir = path.resolve(settings.dataDir ?? DEFAULT_DATA_DIR);
  return { kind: 'sqlite', file: path.join(dataDir, 'store', `${settings.database}.sqlite`) };
}

/** Credentials out of a MongoDB URL, for logs. */
function redactMongoUrl(url: string): string {
  return url.replace(/^(mongodb(?:\+srv)?:\/\/)[^@/]*@/, '$1***@');
}

export interface StoreDescription {
  durable: boolean;
  /** One line for the start-up log: which store, and where its data lives. */
  message: string;
}

/** What a service says at start about its store (warn-worthy only when nothing is persisted). */
export function describeStore(choice: StoreChoice): StoreDescription {
  switch (choice.kind) {
    case 'mongo':
      return {
        durable: true,
        message: `store: MongoDB ${redactMongoUrl(choice.url)}, database ${choice.database}`,
      };
    case 'sqlite':
      return { durable: true, message: `store: SQLite (embedded, durable) in ${choice.file}` };
    case 'memory':
      return {
        durable: false,
        message: 'store: IN MEMORY (STORE=memory): NOTHING IS PERSISTED, all data is lost on stop',
      };
  }
}

/** Logs, once at start, which store the service uses and where (a warning when it is memory). */
export function announceStore(
  settings: StoreSettings,
  logger: { info(message: string): void; warn(message: string): void },
): void {
  const { durable, message } = describeStore(chooseStore(settings));
  if (durable) logger.info(message);
  else logger.warn(message);
}

/** The store factory `chooseStore` picks (SQLite creates its file's directory when missing). */
export function createStoreFactory(
  settings: StoreSettings,
  options: { appName?: string } = {},
): StoreFactory {
  const choice = chooseStore(settings);
  switch (choice.kind) {
    case 'mongo':
      // A database in the URL wins (deployments name one per service); dbName would override it.
      return new MongoStoreFactory(choice.url, {
        ...(choice.urlNamesDatabase ? {} : { dbName: choice.database }),
        ...(options.appName === undefined ? {} : { appName: options.appName }),
      });
    case 'sqlite':
      return new SqliteStoreFactory({ file: choice.file });
    case 'memory':
      return new MemoryStoreFactory();
  }
}

/** Injection token of the StoreFactory in Nest modules. */
export const STORE_FACTORY = 'OPENLINES_STORE_FACTORY';

/**
 * A Nest provider of the StoreFactory, created once at start-up. The factory closes its
 * connection or file in onApplicationShutdown (enable shutdown hooks in main.ts).
 */
export function createStoreProvider(
  settings: StoreSettings,
  options: { appName?: string } = {},
): FactoryProvider<StoreFactory> {
  return { provide: STORE_FACTORY, useFactory: () => createStoreFactory(settings, options) };
}
