import { BenchStore } from './bench-system';
import { BusResult } from './jetstream-bus';
import { TrialResult } from './telegram-traffic';
import { int, median, ms, table } from './bench-stats';

export const P99_LIMIT_MS = 250;

/** What the ingest bench measured on one store. */
export interface StoreRun {
  store: BenchStore;
  /** Bursts of first messages: each opens a client's session. */
  open: TrialResult[];
  steps: { rate: number; trials: TrialResult[] }[];
  /** Bursts to sessions already open. */
  saturation: TrialResult[];
}

/** A step holds when its median p99 stays within the limit and every trial drained. */
export const holds = (trials: readonly TrialResult[]): boolean =>
  trials.every((trial) => trial.complete) &&
  median(trials.map((trial) => trial.p99)) <= P99_LIMIT_MS;

const med = (trials: readonly TrialResult[], field: keyof TrialResult) =>
  median(trials.map((trial) => Number(trial[field])));

function sustainable(run: StoreRun): string {
  const held = run.steps.filter((step) => holds(step.trials)).map((step) => step.rate);
  if (held.length === 0) return `< ${run.steps[0]?.rate ?? '?'}/s`;
  const best = Math.max(...held);
  return held.length === run.steps.length ? `≥ ${best}/s (all held)` : `${best}/s`;
}

const burst = (trials: readonly TrialResult[]) =>
  `${int(med(trials, 'throughput'))}/s (p99 ${ms(med(trials, 'p99'))})`;

/** The step table (one row per store and offered rate) and the side-by-side summary. */
export function ingestReport(
  runs: readonly StoreRun[],
  bus: readonly BusResult[],
  payloadBytes: number,
  burstSize: number,
  window: number,
): string {
  const steps = table(
    [
      'store',
      'offered/s',
      'sent/trial',
      'p50',
      'p99 (median)',
      'p99 per trial',
      'delivered/s',
      `p99 ≤ ${P99_LIMIT_MS} ms`,
    ],
    runs.flatMap((run) =>
      [...run.steps]
        .sort((a, b) => a.rate - b.rate)
        .map(({ rate, trials }) => [
          run.store,
          String(rate),
          int(trials[0].sent),
          ms(med(trials, 'p50')),
          ms(med(trials, 'p99')),
          trials.map((t) => Math.round(t.p99)).join(' / '),
          int(med(trials, 'throughput')),
          holds(trials) ? 'yes' : trials.every((t) => t.complete) ? 'no' : 'no (lag)',
        ]),
    ),
  );
  const clients = runs[0]?.open.reduce((sum, trial) => sum + trial.sent, 0) ?? 0;
  const summary = table(
    ['webhook → message stored', ...runs.map((run) => run.store)],
    [
      [
        `open ${int(clients)} sessions (bursts, ${window} in flight)`,
        ...runs.map((run) => burst(run.open)),
      ],
      [`sustainable rate (p99 ≤ ${P99_LIMIT_MS} ms)`, ...runs.map(sustainable)],
      [
        `saturation (${int(burstSize)} to open sessions)`,
        ...runs.map((run) => burst(run.saturation)),
      ],
    ],
  );
  const raw =
    `raw bus, same nats-server (JetStream acked publishes, ${int(payloadBytes)}-byte events, file storage): ` +
    `${int(median(bus.map((b) => b.windowed)))}/s with 256 in flight; ` +
    `${int(median(bus.map((b) => b.serial)))}/s one at a time ` +
    `(ack p50 ${ms(median(bus.map((b) => b.serialP50)))}, p99 ${ms(median(bus.map((b) => b.serialP99)))})`;
  return ['', steps, '', summary, '', raw].join('\n');
}
