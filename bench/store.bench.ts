import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DocumentStore,
  MemoryStoreFactory,
  ScanReport,
  SqliteStoreFactory,
  StoreFactory,
} from '@openlines/persistence';
import { LINES, SESSIONS, SessionDoc, randomFrom, sessionDoc, timed } from './store-bench.fixtures';

/**
 * The embedded stores side by side on session documents (the sessions service's indexes):
 * load rate, then per-call latency (p50 / p99, µs) of inserts, updates, reads by id and indexed
 * finds, at each size. `npm run bench -- store` (`--quick`: 1,000 documents only).
 * STORE_BENCH_SIZES=1000,100000 sets the sizes of both; STORE_BENCH_SQLITE_SIZES=1000000 adds
 * sizes for SQLite alone; STORE_BENCH_RUNS the calls timed per figure (default 2,000).
 */
export interface StoreBenchOptions {
  quick?: boolean;
  write?: (text: string) => void;
}

const sizesFrom = (value: string | undefined, fallback: number[]): number[] =>
  value === undefined || value.trim() === '' ? fallback : value.split(',').map((n) => Number(n));

type OnScan = (scan: ScanReport) => void;
type Adapter = {
  name: string;
  open: (onScan: OnScan) => { factory: StoreFactory; done: () => void };
};

const ADAPTERS: Adapter[] = [
  {
    name: 'memory',
    open: (onScan) => ({ factory: new MemoryStoreFactory({ onScan }), done: () => undefined }),
  },
  {
    name: 'sqlite',
    open: (onScan) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'openlines-store-bench-'));
      const factory = new SqliteStoreFactory({ file: path.join(dir, 'bench.sqlite'), onScan });
      return { factory, done: () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
];

async function load(store: DocumentStore<SessionDoc>, count: number): Promise<string> {
  const started = performance.now();
  for (let from = 0; from < count; from += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, count - from) }, (_, i) =>
      sessionDoc(from + i),
    );
    await store.insertMany(batch);
  }
  const seconds = (performance.now() - started) / 1000;
  return `${Math.round(count / seconds).toLocaleString('en')}/s`;
}

async function measure(adapter: Adapter, count: number, runs: number): Promise<string[]> {
  const scans: ScanReport[] = [];
  const { factory, done } = adapter.open((scan) => scans.push(scan));
  const store = factory.createStore<SessionDoc>('sessions', SESSIONS);
  const loaded = await load(store, count);
  const next = randomFrom(count);
  const some = () => next(count);
  const row = [
    adapter.name,
    count.toLocaleString('en'),
    loaded,
    await timed(runs, (i) => store.insertOne(sessionDoc(count + i))),
    await timed(runs, (i) =>
      store.updateOne(
        { __id: `s-${some()}` },
        {
          $set: { _lastActivityAt: new Date(i).toISOString() },
          $push: { _recentMessageIds: `u-${i}` },
        },
      ),
    ),
    await timed(runs, () => store.findOne({ __id: `s-${some()}`, __deletedAt: null })),
    await timed(runs, () => {
      const i = some();
      return store.findOne({ _openKey: `line-${i % LINES}|client-${i}`, __deletedAt: null });
    }),
    await timed(runs, () => {
      const i = some();
      return store.findOne({ _recentMessageIds: `m-${i}-${i % 5}` });
    }),
    await timed(Math.max(10, runs / 40), () =>
      store.find({ _line: `line-${some() % LINES}`, _state: 'Waiting', __deletedAt: null }),
    ),
  ];
  // None expected: every timed call goes through the id or an index.
  if (scans.length > 0) row.push(`(${scans.length} scans!)`);
  await factory.close();
  done();
  return row;
}

const HEADER = [
  'store',
  'documents',
  'load',
  'insertOne',
  'updateOne by id',
  'findOne by id',
  'open session (_openKey)',
  'by _recentMessageIds',
  `line queue (1/${LINES * 5} of all)`,
];

function table(rows: string[][]): string[] {
  const widths = HEADER.map((_, c) =>
    Math.max(...[HEADER, ...rows].map((row) => (row[c] ?? '').length)),
  );
  const line = (row: string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  return [line(HEADER), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
}

export async function run(options: StoreBenchOptions = {}): Promise<void> {
  const write = options.write ?? ((text: string) => void process.stdout.write(`${text}\n`));
  const quick = options.quick === true;
  const sizes = quick ? [1_000] : sizesFrom(process.env.STORE_BENCH_SIZES, [1_000, 100_000]);
  const sqliteOnly = quick ? [] : sizesFrom(process.env.STORE_BENCH_SQLITE_SIZES, []);
  const runs = quick ? 200 : Number(process.env.STORE_BENCH_RUNS ?? 2_000);
  write(
    `latency per call: p50 / p99 in µs over ${runs} calls (the line queue: fewer); load: documents/s`,
  );
  const rows: string[][] = [];
  for (const count of sizes)
    for (const adapter of ADAPTERS) rows.push(await measure(adapter, count, runs));
  for (const count of sqliteOnly) rows.push(await measure(ADAPTERS[1], count, runs));
  table(rows).forEach((line) => write(line));
}
