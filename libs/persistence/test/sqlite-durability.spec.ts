import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CollectionDefinition, SqliteStoreFactory } from '../src';
import { OPS } from './support/sqlite-child.definitions';
import { exited, startChild } from './support/sqlite-child.process';

/** What a SQLite store file keeps: across close and reopen, and across a kill -9 mid-write. */
describe('SqliteStore durability', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'openlines-sqlite-durable-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds after a reopen what was written before the close, indexes included', async () => {
    const file = path.join(dir, 'nested', 'db.sqlite');
    const definition: CollectionDefinition = {
      versionField: '_version',
      indexes: [{ fields: { _line: 1, _state: 1 } }],
    };
    const first = new SqliteStoreFactory({ file });
    const sessions = first.createStore<{ __id: string; _line: string; _state: string }>(
      'sessions',
      definition,
    );
    await sessions.insertMany([
      { __id: 's1', _line: 'l1', _state: 'Waiting' },
      { __id: 's2', _line: 'l1', _state: 'Closed' },
    ]);
    await sessions.compareAndSet('s2', 1, { $set: { _state: 'Waiting' } });
    await sessions.deleteOne({ __id: 's1' });
    await first.close();

    const scans: string[] = [];
    const second = new SqliteStoreFactory({ file, onScan: (scan) => scans.push(scan.collection) });
    const reopened = second.createStore<{ __id: string }>('sessions', definition);
    expect(await reopened.find({ _line: 'l1', _state: 'Waiting' })).toEqual([
      { __id: 's2', _line: 'l1', _state: 'Waiting', _version: 2 },
    ]);
    expect(scans).toEqual([]);
    await second.close();
  });

  it('keeps every acknowledged operation and no half of one when the writer is SIGKILLed', async () => {
    const file = path.join(dir, 'killed.sqlite');
    // Creating the collection first keeps the child's start-up out of the race.
    const setup = new SqliteStoreFactory({ file });
    setup.createStore('ops', OPS);
    await setup.close();

    let acknowledged = -1;
    let killed = false;
    const child = startChild(['write-loop', file], (line) => {
      acknowledged = Number(line);
      if (acknowledged >= 300 && !killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    expect(await exited(child)).toBe('SIGKILL');

    const factory = new SqliteStoreFactory({ file });
    const ops = factory.createStore<{ __id: string; key: string; n: number }>('ops', OPS);
    const stored = (await ops.find({}, { sort: { n: 1 } })).map((doc) => doc.n);
    expect(stored.length).toBeGreaterThan(acknowledged);
    expect(stored).toEqual(Array.from({ length: stored.length }, (_, i) => i));
    await factory.close();
    // Each document has its unique-key row, and no row lacks its document.
    const raw = new Database(file, { readonly: true });
    const count = (sql: string) => raw.prepare(sql).pluck().get();
    expect(count('SELECT count(*) FROM "index:ops:key_1"')).toBe(stored.length);
    expect(
      count('SELECT count(*) FROM "index:ops:key_1" WHERE id NOT IN (SELECT id FROM "docs:ops")'),
    ).toBe(0);
    raw.close();
  });
});
