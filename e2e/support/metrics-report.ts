import type { SessionAssignmentRecord } from '@openlines/contracts';
import {
  LineMessageData,
  LineMetricType,
  LinesClient,
  LineSessionData,
  LineSessionState,
  MetricReportReply,
} from '@openlines/sdk';
import { eventually } from './poll';

const HOUR_MS = 3_600_000;
type Totals = MetricReportReply['totals'][number];

/**
 * The line's hourly report totals from the hour of `since` (two hours, so a run across an hour
 * boundary is covered), once every type in `types` has counted `count` occurrences.
 */
export function totalsOnceCounted(
  lines: LinesClient,
  lineId: string,
  since: number,
  types: LineMetricType[],
  count: number,
): Promise<Partial<Record<LineMetricType, Totals>>> {
  const start = Math.floor(since / HOUR_MS) * HOUR_MS;
  const from = new Date(start).toISOString();
  const to = new Date(start + 2 * HOUR_MS).toISOString();
  return eventually(`${types.join(', ')} counted in the metrics`, async () => {
    const report = await lines.metrics.report({ lineId, period: 'hour', from, to, types });
    const byType: Partial<Record<LineMetricType, Totals>> = Object.fromEntries(
      report.totals.map((total) => [total.type, total]),
    );
    return types.every((type) => byType[type]?.count === count) ? byType : undefined;
  });
}

/** One session as the store shows it: its data, messages and assignment history. */
export interface StoredSession {
  session: LineSessionData;
  messages: LineMessageData[];
  assignments: SessionAssignmentRecord[];
}

/** The types a queue → one operator → close conversation contributes to. */
export const CONVERSATION_METRICS = [
  LineMetricType.sessionsCreated,
  LineMetricType.sessionsClosed,
  LineMetricType.sessionsAbandoned,
  LineMetricType.messagesIn,
  LineMetricType.messagesOut,
  LineMetricType.waitingTime,
  LineMetricType.firstResponseTime,
  LineMetricType.handlingTime,
  LineMetricType.sessionDuration,
];

export type ExpectedTotals = Record<LineMetricType, { count: number; sum: number }>;

/**
 * What the metrics must report for sessions that went from the queue to one operator (assigned
 * by routing) and were closed by them, computed from the store alone (spec §8: waiting = queue →
 * assignment, first response = first client message → first operator reply, handling =
 * assignment → close, duration = creation → close; times in seconds). Throws for a session of
 * another shape, which this computation does not cover.
 */
export function expectedTotals(stored: readonly StoredSession[]): ExpectedTotals {
  const totals = Object.fromEntries(
    CONVERSATION_METRICS.map((type) => [type, { count: 0, sum: 0 }]),
  ) as ExpectedTotals;
  const add = (type: LineMetricType, value = 1) => {
    totals[type].count += 1;
    totals[type].sum += value;
  };
  const ms = (iso: string) => Date.parse(iso);
  for (const { session, messages, assignments } of stored) {
    const toOperator = assignments.filter((a) => a.to.userId !== undefined);
    if (
      toOperator.length !== 1 ||
      assignments.length !== 1 ||
      toOperator[0].from.userId !== undefined
    )
      throw new Error(
        `session ${session.__id} is not queue → one operator: ${JSON.stringify(assignments)}`,
      );
    const assignedAt = ms(toOperator[0].occurredAt);
    add(LineMetricType.sessionsCreated);
    add(LineMetricType.waitingTime, (assignedAt - ms(session.__createdAt)) / 1000);
    const clientMessages = messages.filter((m) => m.client !== undefined);
    const operatorMessages = messages.filter((m) => m.operator !== undefined);
    clientMessages.forEach(() => add(LineMetricType.messagesIn));
    operatorMessages.forEach(() => add(LineMetricType.messagesOut));
    const firstClient = clientMessages[0];
    const firstReply = operatorMessages.find(
      (m) => firstClient && ms(m.__createdAt) >= ms(firstClient.__createdAt),
    );
    if (firstClient && firstReply)
      add(
        LineMetricType.firstResponseTime,
        (ms(firstReply.__createdAt) - ms(firstClient.__createdAt)) / 1000,
      );
    if (session._state === LineSessionState.Closed && session._closedAt !== undefined) {
      const closedAt = ms(session._closedAt);
      add(LineMetricType.sessionsClosed);
      add(LineMetricType.sessionDuration, (closedAt - ms(session.__createdAt)) / 1000);
      add(LineMetricType.handlingTime, (closedAt - assignedAt) / 1000);
      if (operatorMessages.length === 0) add(LineMetricType.sessionsAbandoned);
    }
  }
  return totals;
}

/** The line's report totals (count and sum per type) over the two hours from the hour of `since`. */
export async function reportedTotals(
  lines: LinesClient,
  lineId: string,
  since: number,
  types: LineMetricType[] = CONVERSATION_METRICS,
): Promise<ExpectedTotals> {
  const start = Math.floor(since / HOUR_MS) * HOUR_MS;
  const from = new Date(start).toISOString();
  const to = new Date(start + 2 * HOUR_MS).toISOString();
  const report = await lines.metrics.report({ lineId, period: 'hour', from, to, types });
  return Object.fromEntries(
    report.totals.map((total) => [total.type, { count: total.count, sum: total.sum }]),
  ) as ExpectedTotals;
}

/**
 * The reported totals once they equal `expected` (counts exactly, sums to the hundredth of a
 * second), or the last ones read when they do not within `timeoutMs` (the caller shows the diff).
 */
export async function totalsOnceEqual(
  lines: LinesClient,
  lineId: string,
  since: number,
  expected: ExpectedTotals,
  timeoutMs = 60_000,
): Promise<ExpectedTotals> {
  const equal = (reported: ExpectedTotals) =>
    Object.entries(expected).every(([type, { count, sum }]) => {
      const got = reported[type as LineMetricType];
      return got?.count === count && Math.abs(got.sum - sum) < 0.01;
    });
  return eventually(
    'the metrics to equal what the sessions imply',
    async () => {
      const reported = await reportedTotals(lines, lineId, since);
      return equal(reported) ? reported : undefined;
    },
    timeoutMs,
    250,
  ).catch(() => reportedTotals(lines, lineId, since));
}
