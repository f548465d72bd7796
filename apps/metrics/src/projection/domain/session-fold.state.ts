import { LineMetricType, LineSessionState } from '@openlines/contracts';

/**
 * One measurement a session produces. `value` is 1 for counters and milliseconds for time
 * metrics (integers keep sums exact and independent of the order they are added in); `at` is
 * the moment the measurement completed, which picks its hour and day.
 */
export interface MetricSample {
  /** Stable within the session: the fold numbers samples in the order it makes them. */
  id: string;
  type: LineMetricType;
  at: number;
  value: number;
  /** The operator credited, when the metric has one. */
  operator?: string;
}

/**
 * Everything the fold remembers about one session between two facts (JSON-safe: it is stored).
 * Clocks are epoch milliseconds, absent when not running.
 */
export interface SessionFoldState {
  created: boolean;
  createdAt?: number;
  state?: LineSessionState;
  userId?: string;
  botId?: string;
  /** Opened as spam because the client is blocked: the session never counts. */
  blocked: boolean;
  /** Currently marked as spam: only `sessionsMarkedAsSpam` counts it. */
  spam: boolean;
  /** Entered Waiting at; ends with an operator assignment (waitingTime). */
  waitingSince?: number;
  /** The current operator was assigned at (handlingTime). */
  assignedAt?: number;
  /** The open care cycle began at, until the first human reply (firstResponseTime). */
  cycleStart?: number;
  cycleEverStarted: boolean;
  /** First client message of the unanswered run (responseTime). */
  runStart?: number;
  /** The client wrote since the last operator reply. */
  clientUnanswered: boolean;
  operatorReplied: boolean;
  botHandled: boolean;
  /** Samples of the last close, withdrawn if the session opens again. */
  closeSampleIds: string[];
  spamSampleId?: string;
  nextSeq: number;
  samples: MetricSample[];
}

export function initialFoldState(): SessionFoldState {
  return {
    created: false,
    blocked: false,
    spam: false,
    cycleEverStarted: false,
    clientUnanswered: false,
    operatorReplied: false,
    botHandled: false,
    closeSampleIds: [],
    nextSeq: 1,
    samples: [],
  };
}

/** Appends a sample; durations below zero (clock skew between replicas) count as zero. */
export function addSample(
  state: SessionFoldState,
  type: LineMetricType,
  at: number,
  value: number,
  operator?: string,
): string {
  const id = `s${state.nextSeq}`;
  state.nextSeq += 1;
  const sample: MetricSample = { id, type, at, value: Math.max(0, Math.round(value)) };
  if (operator !== undefined) sample.operator = operator;
  state.samples.push(sample);
  return id;
}

export function removeSamples(state: SessionFoldState, ids: readonly string[]): void {
  if (ids.length === 0) return;
  const gone = new Set(ids);
  state.samples = state.samples.filter((sample) => !gone.has(sample.id));
}

/** The operator the session is with right now, if any. */
export function currentOperator(state: SessionFoldState): string | undefined {
  return state.state === LineSessionState.AssignedToOperator ? state.userId : undefined;
}

export function startCareCycle(state: SessionFoldState, at: number): void {
  state.cycleStart = at;
  state.cycleEverStarted = true;
}
