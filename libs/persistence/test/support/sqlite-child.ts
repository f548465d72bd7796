// A second process on a SQLite store file, driven by the SQLite specs (run with tools/ts-register):
//   write-loop <file>      inserts op-0, op-1, … each with a unique key, printing each acknowledged i
//   contend <file> <name>  increments a shared counter by compare-and-set (retrying a CONFLICT)
//                          and find-or-creates shared unique keys, then prints "done"
import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { SqliteStoreFactory } from '../../src';
import { COUNTER, CONTEND_ROUNDS, KEYS, OPS } from './sqlite-child.definitions';

const [mode, file, name = 'child'] = process.argv.slice(2);
const factory = new SqliteStoreFactory({ file });
const isConflict = (error: unknown) =>
  error instanceof OpenLinesError && error.code === ErrorCode.Conflict;

async function writeLoop(): Promise<void> {
  const ops = factory.createStore<{ __id: string; key: string; n: number }>('ops', OPS);
  for (let i = 0; ; i += 1) {
    await ops.insertOne({ __id: `op-${i}`, key: `key-${i}`, n: i });
    process.stdout.write(`${i}\n`);
  }
}

async function contend(): Promise<void> {
  const counters = factory.createStore<{ __id: string; n: number; _version?: number }>(
    'counters',
    COUNTER,
  );
  const keys = factory.createStore<{ __id: string; key: string; by: string }>('keys', KEYS);
  for (let round = 0; round < CONTEND_ROUNDS; round += 1) {
    for (;;) {
      const current = await counters.findOne({ __id: 'counter' });
      if (current === null) throw new Error('no counter');
      try {
        await counters.compareAndSet('counter', current._version ?? 1, { $inc: { n: 1 } });
        break;
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
    }
    try {
      await keys.insertOne({ __id: `${name}-${round}`, key: `key-${round % 25}`, by: name });
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }
  await factory.close();
  process.stdout.write('done\n');
}

(mode === 'write-loop' ? writeLoop() : contend()).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
