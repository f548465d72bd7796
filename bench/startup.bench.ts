import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RpcClient, connectNats, natsConfigFromEnv } from '@openlines/messaging';
import { createLogger } from '@openlines/observability';
import { startNatsServer } from '@openlines/testing';
import { SESSIONS_DATABASE } from '../apps/sessions/src/config/sessions.config';
import { BenchService, assertBuilt } from './support/bench-service';
import { int, loadAverage, median, mib, ms, repeat, table } from './support/bench-stats';
import { seededSessionsFile, sqliteBytes } from './support/seed-cache';
import { ProbeTimes, probe } from './support/startup-probe';

/**
 * How much the embedded store holds on what memory: the sessions service started on its durable
 * SQLite file holding BENCH_STARTUP_SESSIONS sessions (100,000) and BENCH_STARTUP_MESSAGES
 * messages (1,000,000), seeded through SqliteStoreFactory with documents shaped like the real ones
 * and cached under tmp/.bench-cache, then the same service on an empty store. Per start: time to
 * /readyz 200 and the CPU time used by then; resident memory (VmRSS) at ready, after indexed RPCs
 * (`lines.sessions.get`, a client's open session, a page of 50 messages; 20 of each: p50s and the
 * slowest), and SETTLE_MS after ready (past one outbox sweep, every 5 s by default), with the
 * peak (VmHWM). A third row starts it with the outbox relay off, which shows the store's own
 * share apart from the relay's sweep. Median of 3 starts (BENCH_STARTUP_TRIALS). Build first.
 * Seeding the full sizes takes ~10 minutes on 2 cores (about 2 GB of SQLite, kept in the cache).
 * `--quick`: 2,000 sessions and 20,000 messages, one start each, no third row.
 */
export interface StartupBenchOptions {
  quick?: boolean;
  write?: (text: string) => void;
}

const SETTLE_MS = 6_000;

interface Start {
  readyMs: number;
  cpuMs: number;
  rssReady: number;
  rssAfterRpc: number;
  rssSettled: number;
  peak: number;
  rpc: ProbeTimes;
}

async function startOnce(
  natsUrl: string,
  dataDir: string,
  sessions: number,
  extraEnv: NodeJS.ProcessEnv,
): Promise<Start> {
  const prefix = `startup_${process.pid}_${Date.now().toString(36)}`;
  const service = await BenchService.start('sessions', {
    PATH: process.env.PATH,
    NATS_URL: natsUrl,
    NATS_SUBJECT_PREFIX: prefix,
    OPENLINES_DATA_DIR: dataDir,
    SESSIONS_INBOUND_DURABLE: prefix,
    SESSIONS_INBOUND_DELIVER_POLICY: 'new',
    LOG_LEVEL: 'warn',
    ...extraEnv,
  });
  const logger = createLogger('startup-bench', { level: 'error' });
  try {
    const readyMs = await service.ready(300_000, 10);
    const readyAt = Date.now();
    const cpuMs = service.cpuMs();
    const rssReady = service.memory().rss;
    const nc = await connectNats(natsConfigFromEnv({ NATS_URL: natsUrl }), logger, 'startup-bench');
    const rpc = await probe(new RpcClient(nc, { subjectPrefix: prefix }), sessions).finally(() =>
      nc.drain(),
    );
    const rssAfterRpc = service.memory().rss;
    await new Promise((resolve) => setTimeout(resolve, readyAt + SETTLE_MS - Date.now()));
    const { rss: rssSettled, peak } = service.memory();
    return { readyMs, cpuMs, rssReady, rssAfterRpc, rssSettled, peak, rpc };
  } finally {
    await service.stop();
  }
}

/** `trials` starts on a copy of `source` (none: an empty store); the copy is removed after. */
async function measure(
  natsUrl: string,
  source: string | undefined,
  sessions: number,
  trials: number,
  extraEnv: NodeJS.ProcessEnv = {},
) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'openlines-startup-bench-'));
  const file = path.join(dataDir, 'store', `${SESSIONS_DATABASE}.sqlite`);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    if (source !== undefined) copyFileSync(source, file);
    const starts = await repeat(trials, () => startOnce(natsUrl, dataDir, sessions, extraEnv));
    return { starts, bytes: sqliteBytes(file) };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function row(name: string, bytes: number, starts: Start[]): string[] {
  const m = (pick: (s: Start) => number) => median(starts.map(pick));
  const memory = [m((s) => s.rssReady), m((s) => s.rssAfterRpc), m((s) => s.rssSettled)];
  return [
    name,
    mib(bytes),
    ms(m((s) => s.readyMs)),
    ms(m((s) => s.cpuMs)),
    `${memory.map((bytes) => mib(bytes).replace(' MiB', '')).join(' / ')} MiB`,
    mib(m((s) => s.peak)),
    `${[m((s) => s.rpc.get), m((s) => s.rpc.open), m((s) => s.rpc.page)].map(ms).join(' / ')}`,
    ms(m((s) => s.rpc.max)),
    starts[0].rpc.answers,
  ];
}

export async function run(options: StartupBenchOptions = {}): Promise<void> {
  const write = options.write ?? ((text: string) => void process.stdout.write(`${text}\n`));
  const quick = options.quick === true;
  const sessions = Number(process.env.BENCH_STARTUP_SESSIONS ?? (quick ? 2_000 : 100_000));
  const messages = Number(process.env.BENCH_STARTUP_MESSAGES ?? (quick ? 20_000 : 1_000_000));
  const trials = Number(process.env.BENCH_STARTUP_TRIALS ?? (quick ? 1 : 3));
  assertBuilt();
  const started = Date.now();
  write(`sessions service, durable SQLite; ${trials} start(s) per row; before: ${loadAverage()}`);
  const seeded = await seededSessionsFile(sessions, messages, write);
  write(
    seeded.seeded
      ? `seeded ${seeded.file} in ${Math.round(seeded.seedMs / 1000)} s (cached for the next runs)`
      : `seeded file from the cache: ${seeded.file}`,
  );
  const nats = await startNatsServer({ storePrefix: 'openlines-bench-nats-' });
  try {
    const empty = await measure(nats.url, undefined, sessions, trials);
    const full = await measure(nats.url, seeded.file, sessions, trials);
    // The store's own share: the outbox sweep (every 5 s) reads every session while no index serves it.
    const noSweep = quick
      ? undefined
      : await measure(nats.url, seeded.file, sessions, trials, { SESSIONS_OUTBOX_RELAY: 'false' });
    const header = ['store', 'SQLite file', '/readyz', 'CPU to ready'];
    header.push(`RSS ready / after RPCs / +${SETTLE_MS / 1000} s`, 'peak RSS');
    header.push('RPC p50: get / open session / 50 messages', 'slowest RPC', 'answers');
    write('');
    write(
      table(header, [
        row('empty', empty.bytes, empty.starts),
        row(`${int(sessions)} sessions, ${int(messages)} messages`, full.bytes, full.starts),
        ...(noSweep === undefined
          ? []
          : [row('  same, SESSIONS_OUTBOX_RELAY=false', noSweep.bytes, noSweep.starts)]),
      ]),
    );
    const took = Math.round((Date.now() - started) / 1000);
    write(
      `after: ${loadAverage()}; took ${took} s (the OS file cache is warm: the file was copied)`,
    );
  } finally {
    await nats.stop();
  }
}
