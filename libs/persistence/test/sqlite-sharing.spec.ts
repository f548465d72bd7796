import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ErrorCode } from '@openlines/contracts';
import { SqliteStoreFactory } from '../src';
import { expectCode } from './contract/contract.fixtures';
import { CONTEND_ROUNDS, COUNTER, KEYS } from './support/sqlite-child.definitions';
import { exited, startChild } from './support/sqlite-child.process';

type Counter = { __id: string; n: number; _version?: number };

/** Several connections, and several processes, on one file: what replicas on one machine do. */
describe('SqliteStore shared by connections and processes', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'openlines-sqlite-shared-'));
    file = path.join(dir, 'shared.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('two factories see each other’s writes; compareAndSet and unique keys hold across them', async () => {
    const [a, b] = [new SqliteStoreFactory({ file }), new SqliteStoreFactory({ file })];
    const counterA = a.createStore<Counter>('counters', COUNTER);
    const counterB = b.createStore<Counter>('counters', COUNTER);
    await counterA.insertOne({ __id: 'counter', n: 0 });
    expect(await counterB.findOne({ __id: 'counter' })).toEqual({
      __id: 'counter',
      n: 0,
      _version: 1,
    });
    await counterA.compareAndSet('counter', 1, { $inc: { n: 1 } });
    const stale = await expectCode(
      counterB.compareAndSet('counter', 1, { $inc: { n: 1 } }),
      ErrorCode.Conflict,
    );
    expect(stale.details).toMatchObject({ expectedVersion: 1, currentVersion: 2 });

    const keysA = a.createStore<{ __id: string; key: string }>('keys', KEYS);
    const keysB = b.createStore<{ __id: string; key: string }>('keys', KEYS);
    await keysA.insertOne({ __id: 'k1', key: 'same' });
    const duplicate = await expectCode(
      keysB.insertOne({ __id: 'k2', key: 'same' }),
      ErrorCode.Conflict,
    );
    expect(duplicate.details).toEqual({
      collection: 'keys',
      index: 'key_1',
      keyValue: { key: 'same' },
    });
    await Promise.all([a.close(), b.close()]);
  });

  it('two processes contending lose no compare-and-set increment and create each key once', async () => {
    const setup = new SqliteStoreFactory({ file });
    await setup.createStore<Counter>('counters', COUNTER).insertOne({ __id: 'counter', n: 0 });
    setup.createStore('keys', KEYS);
    await setup.close();

    const outputs: string[][] = [[], []];
    const children = outputs.map((lines, i) =>
      startChild(['contend', file, `p${i}`], (line) => lines.push(line)),
    );
    expect(await Promise.all(children.map(exited))).toEqual([0, 0]);
    expect(outputs).toEqual([['done'], ['done']]);

    const factory = new SqliteStoreFactory({ file });
    const counter = await factory
      .createStore<Counter>('counters', COUNTER)
      .findOne({ __id: 'counter' });
    expect(counter).toMatchObject({ n: 2 * CONTEND_ROUNDS, _version: 2 * CONTEND_ROUNDS + 1 });
    const keys = factory.createStore<{ key: string }>('keys', KEYS);
    expect(await keys.count()).toBe(25);
    expect(new Set((await keys.find({})).map((doc) => doc.key)).size).toBe(25);
    await factory.close();
  });
});
