import { NatsConnection, connectNats, natsConfigFromEnv } from '@openlines/messaging';
import { createLogger } from '@openlines/observability';
import { startNatsServer } from '@openlines/testing';
import { BusResult, measureBus } from './support/jetstream-bus';
import {
  BenchStore,
  createSignedChannel,
  resetEvents,
  startBenchSystem,
} from './support/bench-system';
import { assertBuilt } from './support/bench-service';
import { TelegramTraffic } from './support/telegram-traffic';
import { StoreRun, holds, ingestReport } from './support/ingest-report';
import { loadAverage, repeat } from './support/bench-stats';

/**
 * Inbound capacity of the whole system: every service its own compiled process on a private
 * nats-server; Telegram customers (distinct chats) POST signed webhooks to the channels service,
 * each timed until its message is stored (its message.created event). Per store (memory, SQLite):
 * the rate at which the customers open their sessions (a burst), then offered rates stepped up
 * while p99 ≤ 250 ms and nothing lags (the sustainable rate), then a burst to sessions already
 * open (saturation). Beside them, the raw bus: JetStream acked publishes/s on the same server.
 * Every figure is the median of BENCH_INGEST_TRIALS (3) trials. `npm run build` first.
 * Env: BENCH_INGEST_CLIENTS (2000), BENCH_INGEST_RATES (25,50,100,200,400,800),
 * BENCH_INGEST_STEP_SECONDS (4), BENCH_INGEST_STORES (memory,sqlite), BENCH_INGEST_BURST (1000).
 * After the first rate that fails, one step halfway back from it refines the sustainable rate.
 * `--quick`: 50 clients, two 2-second steps (no refining), memory only, one trial.
 */
export interface IngestBenchOptions {
  quick?: boolean;
  write?: (text: string) => void;
}

const BURST_WINDOW = 64;

const list = (value: string | undefined, fallback: string[]): string[] =>
  value === undefined || value.trim() === ''
    ? fallback
    : value.split(',').map((item) => item.trim());

function settings(quick: boolean) {
  const env = process.env;
  return {
    clients: Number(env.BENCH_INGEST_CLIENTS ?? (quick ? 50 : 2000)),
    rates: list(
      env.BENCH_INGEST_RATES,
      quick ? ['25', '50'] : ['25', '50', '100', '200', '400', '800'],
    ).map(Number),
    stepSeconds: Number(env.BENCH_INGEST_STEP_SECONDS ?? (quick ? 2 : 4)),
    stores: list(
      env.BENCH_INGEST_STORES,
      quick ? ['memory'] : ['memory', 'sqlite'],
    ) as BenchStore[],
    burst: Number(env.BENCH_INGEST_BURST ?? (quick ? 100 : 1000)),
    trials: Number(env.BENCH_INGEST_TRIALS ?? (quick ? 1 : 3)),
    refine: !quick,
  };
}

async function measureStore(
  natsUrl: string,
  nc: NatsConnection,
  store: BenchStore,
  s: ReturnType<typeof settings>,
  write: (t: string) => void,
): Promise<{ run: StoreRun; eventBytes: number }> {
  const system = await startBenchSystem(natsUrl, store);
  const { channelId, secretToken } = await createSignedChannel(natsUrl, system.subjectPrefix);
  const traffic = new TelegramTraffic(
    nc,
    `${system.channelsUrl}/webhooks/telegram/${channelId}`,
    secretToken,
    s.clients,
  );
  try {
    const run: StoreRun = { store, open: [], steps: [], saturation: [] };
    const group = Math.ceil(s.clients / s.trials);
    run.open = await repeat(s.trials, (trial) => {
      const from = trial * group;
      return traffic.burst(
        Math.max(0, Math.min(group, s.clients - from)),
        BURST_WINDOW,
        (i) => from + i,
      );
    });
    write(`  ${store}: ${s.clients} sessions opened; stepping the offered rate`);
    const step = async (rate: number) => {
      const trials = await repeat(s.trials, () => traffic.paced(rate, s.stepSeconds));
      run.steps.push({ rate, trials });
      write(`  ${store}: ${rate}/s → p99 ${trials.map((t) => Math.round(t.p99)).join(' / ')} ms`);
      return holds(trials);
    };
    let held: number | undefined;
    for (const rate of s.rates) {
      if (!(await step(rate))) {
        // One more step halfway between the last rate that held and the first that did not.
        const between = Math.round(((held ?? rate) + rate) / 2);
        if (s.refine && held !== undefined && between > held && between < rate) await step(between);
        break;
      }
      held = rate;
    }
    run.saturation = await repeat(s.trials, () =>
      traffic.burst(s.burst, BURST_WINDOW, () => traffic.nextClient()),
    );
    return { run, eventBytes: traffic.meanEventBytes() };
  } finally {
    await traffic.stop();
    await system.stop();
    await resetEvents(nc);
  }
}

export async function run(options: IngestBenchOptions = {}): Promise<void> {
  const write = options.write ?? ((text: string) => void process.stdout.write(`${text}\n`));
  const s = settings(options.quick === true);
  assertBuilt();
  const started = Date.now();
  const nats = await startNatsServer({ storePrefix: 'openlines-bench-nats-' });
  const logger = createLogger('ingest-bench', { level: 'error' });
  const nc = await connectNats(natsConfigFromEnv({ NATS_URL: nats.url }), logger, 'ingest-bench');
  try {
    write(
      `${s.clients} Telegram clients; steps of ${s.stepSeconds} s; ${s.trials} trial(s) per figure; stores: ${s.stores.join(', ')}`,
    );
    write(`before: ${loadAverage()}`);
    const runs: StoreRun[] = [];
    let eventBytes = 0;
    for (const store of s.stores) {
      const measured = await measureStore(nats.url, nc, store, s, write);
      runs.push(measured.run);
      eventBytes = Math.max(eventBytes, measured.eventBytes);
    }
    const payloadBytes = Math.round(eventBytes) || 1500;
    const bus: BusResult[] = await repeat(s.trials, () =>
      measureBus(nc, {
        windowedCount: options.quick ? 2_000 : 20_000,
        serialCount: options.quick ? 500 : 2_000,
        window: 256,
        payloadBytes,
      }),
    );
    write(ingestReport(runs, bus, payloadBytes, s.burst, BURST_WINDOW));
    write(`after: ${loadAverage()}; took ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    await nc.drain();
    await nats.stop();
  }
}
