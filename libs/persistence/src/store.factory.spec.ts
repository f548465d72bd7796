import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MemoryStoreFactory } from './memory/memory-store.factory';
import { MongoStoreFactory } from './mongo/mongo-store.factory';
import { SqliteStoreFactory } from './sqlite/sqlite-store.factory';
import {
  STORE_FACTORY,
  announceStore,
  chooseStore,
  createStoreFactory,
  createStoreProvider,
  describeStore,
} from './store.factory';

const database = 'openlines_things';

describe('chooseStore', () => {
  it('takes MongoDB when MONGO_URL is set, whatever STORE says', () => {
    expect(chooseStore({ database, mongoUrl: ' mongodb://h:27017 ', embedded: 'memory' })).toEqual({
      kind: 'mongo',
      url: 'mongodb://h:27017',
      database,
      urlNamesDatabase: false,
    });
  });

  it('keeps the database a MongoDB URL names (deployments name one per service)', () => {
    const url = 'mongodb://u:p@a:1,b:2/openlines_x?replicaSet=rs0';
    expect(chooseStore({ database, mongoUrl: url })).toMatchObject({
      database: 'openlines_x',
      urlNamesDatabase: true,
    });
    expect(chooseStore({ database, mongoUrl: 'mongodb+srv://c.example.net/?w=1' })).toMatchObject({
      database,
      urlNamesDatabase: false,
    });
  });

  it('takes memory for STORE=memory without MONGO_URL (an empty MONGO_URL counts as unset)', () => {
    expect(chooseStore({ database, mongoUrl: '', embedded: 'memory' })).toEqual({ kind: 'memory' });
  });

  it('takes SQLite by default, at <data dir>/store/<database>.sqlite, .data under the cwd', () => {
    expect(chooseStore({ database })).toEqual({
      kind: 'sqlite',
      file: path.join(process.cwd(), '.data', 'store', `${database}.sqlite`),
    });
    expect(chooseStore({ database, embedded: 'sqlite', dataDir: '/srv/ol' })).toEqual({
      kind: 'sqlite',
      file: path.join('/srv/ol', 'store', `${database}.sqlite`),
    });
  });
});

describe('describeStore / announceStore', () => {
  it('says where the data lives, without credentials, and warns only for memory', () => {
    const mongo = describeStore(chooseStore({ database, mongoUrl: 'mongodb://u:secret@h/db' }));
    expect(mongo).toEqual({
      durable: true,
      message: 'store: MongoDB mongodb://***@h/db, database db',
    });
    const sqlite = describeStore(chooseStore({ database, dataDir: '/srv/ol' }));
    expect(sqlite.durable).toBe(true);
    expect(sqlite.message).toContain(path.join('/srv/ol', 'store', `${database}.sqlite`));

    const said: string[] = [];
    const logger = {
      info: (m: string) => said.push(`info ${m}`),
      warn: (m: string) => said.push(`warn ${m}`),
    };
    announceStore({ database, embedded: 'memory' }, logger);
    announceStore({ database, dataDir: '/srv/ol' }, logger);
    expect(said).toEqual([
      expect.stringMatching(/^warn store: IN MEMORY.*NOTHING IS PERSISTED/),
      expect.stringMatching(/^info store: SQLite/),
    ]);
  });
});

describe('createStoreFactory', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'openlines-store-factory-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the in-memory store for STORE=memory', async () => {
    const factory = createStoreFactory({ database, embedded: 'memory', dataDir: dir });
    expect(factory).toBeInstanceOf(MemoryStoreFactory);
    expect(factory.kind).toBe('memory');
    await expect(factory.ping()).resolves.toBeUndefined();
    const store = factory.createStore<{ __id?: string }>('things');
    expect(factory.createStore('things')).toBe(store);
    expect(existsSync(path.join(dir, 'store'))).toBe(false);
  });

  it('creates the SQLite store in its file, creating the directory, and keeps data across factories', async () => {
    const settings = { database, dataDir: path.join(dir, 'nested') };
    const first = createStoreFactory(settings);
    expect(first).toBeInstanceOf(SqliteStoreFactory);
    expect(first.kind).toBe('sqlite');
    await first.createStore<{ __id?: string; n: number }>('things').insertOne({ __id: 'a', n: 1 });
    await first.close();
    expect(existsSync(path.join(dir, 'nested', 'store', `${database}.sqlite`))).toBe(true);

    const second = createStoreFactory(settings);
    const found = await second
      .createStore<{ __id?: string; n: number }>('things')
      .findOne({ __id: 'a' });
    expect(found).toMatchObject({ __id: 'a', n: 1 });
    await second.close();
  });

  it('creates MongoDB when MONGO_URL is set', async () => {
    const factory = createStoreFactory({ database, mongoUrl: 'mongodb://127.0.0.1:1/openlines' });
    expect(factory).toBeInstanceOf(MongoStoreFactory);
    expect(factory.kind).toBe('mongo');
    await factory.close();
  });

  it('provides the factory to Nest under STORE_FACTORY', () => {
    const provider = createStoreProvider({ database, embedded: 'memory' });
    expect(provider.provide).toBe(STORE_FACTORY);
    expect(provider.useFactory()).toBeInstanceOf(MemoryStoreFactory);
  });
});
