import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { ScanReport } from '../index/scan-observer';
import { CollectionDefinition } from '../port/document-store.port';
import { SqliteStoreFactory } from './sqlite-store.factory';

type Measurement = { __id: string; line: string; type: string; at: number };
const MEASUREMENTS: CollectionDefinition = { indexes: [{ fields: { line: 1, type: 1, at: 1 } }] };

/** What only the SQLite adapter does; the shared behaviour is in test/document-store.contract. */
describe('SqliteStoreFactory', () => {
  let dir: string;
  let file: string;
  let scans: ScanReport[];
  const open = () => new SqliteStoreFactory({ file, onScan: (scan) => scans.push(scan) });
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'openlines-sqlite-'));
    file = path.join(dir, 'db.sqlite');
    scans = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('narrows by an equality prefix and a range on the next field', async () => {
    const factory = open();
    const store = factory.createStore<Measurement>('measurements', MEASUREMENTS);
    await store.insertMany(
      Array.from({ length: 50 }, (_, i) => ({
        __id: `m${i}`,
        line: `l${i % 2}`,
        type: i % 3 ? 'a' : 'b',
        at: i,
      })),
    );
    const found = await store.find({
      line: 'l0',
      type: { $in: ['a', 'b'] },
      at: { $gte: 10, $lt: 16 },
    });
    expect(found.map((doc) => doc.__id)).toEqual(['m10', 'm12', 'm14']);
    expect(await store.count({ line: { $gt: 'l0' } })).toBe(25);
    expect(scans).toEqual([]);
    await factory.close();
  });

  it('builds the table of a newly declared index from the stored documents', async () => {
    const before = open();
    await before.createStore<Measurement>('measurements').insertMany([
      { __id: 'm1', line: 'l1', type: 'a', at: 1 },
      { __id: 'm2', line: 'l2', type: 'a', at: 2 },
    ]);
    await before.close();
    const after = open();
    const store = after.createStore<Measurement>('measurements', MEASUREMENTS);
    expect(await store.find({ line: 'l2', type: 'a' })).toEqual([
      { __id: 'm2', line: 'l2', type: 'a', at: 2 },
    ]);
    expect(scans).toEqual([]);
    await after.close();
  });

  it('rebuilds an index dropped and declared again, so it is never stale', async () => {
    const first = open();
    await first
      .createStore<Measurement>('measurements', MEASUREMENTS)
      .insertOne({ __id: 'm1', line: 'l1', type: 'a', at: 1 });
    await first.close();
    const second = open();
    await second
      .createStore<Measurement>('measurements')
      .updateOne({ __id: 'm1' }, { $set: { line: 'l9' } });
    await second.close();
    const third = open();
    const store = third.createStore<Measurement>('measurements', MEASUREMENTS);
    expect(await store.count({ line: 'l9', type: 'a' })).toBe(1);
    expect(await store.count({ line: 'l1', type: 'a' })).toBe(0);
    await third.close();
  });

  it('refuses to build a unique index over duplicates, as MongoDB does', async () => {
    const factory = open();
    await factory.createStore<{ __id: string; key: string }>('keys').insertMany([
      { __id: 'a', key: 'same' },
      { __id: 'b', key: 'same' },
    ]);
    await factory.close();
    const again = open();
    let error: unknown;
    try {
      again.createStore('keys', { indexes: [{ fields: { key: 1 }, unique: true }] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OpenLinesError);
    expect((error as OpenLinesError).code).toBe(ErrorCode.Conflict);
    await again.close();
  });

  it('answers ping while open, UNAVAILABLE once closed', async () => {
    const factory = open();
    await expect(factory.ping()).resolves.toBeUndefined();
    await factory.close();
    await expect(factory.ping()).rejects.toMatchObject({ code: ErrorCode.Unavailable });
  });
});
