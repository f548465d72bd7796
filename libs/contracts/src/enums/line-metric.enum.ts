/**
 * Metric kinds [ours]; their exact definitions are in spec §8. Counters add 1 per occurrence;
 * time metrics record a duration in seconds per occurrence (see TIME_METRIC_TYPES).
 */
export enum LineMetricType {
  sessionsCreated = 'sessionsCreated',
  sessionsClosed = 'sessionsClosed',
  sessionsMarkedAsSpam = 'sessionsMarkedAsSpam',
  /** Closed with no operator reply. */
  sessionsAbandoned = 'sessionsAbandoned',
  reassignments = 'reassignments',
  /** Sessions a bot handled. */
  botSessions = 'botSessions',
  /** Messages from clients. */
  messagesIn = 'messagesIn',
  /** Messages from operators (bot and system messages are not counted). */
  messagesOut = 'messagesOut',
  waitingTime = 'waitingTime',
  firstResponseTime = 'firstResponseTime',
  responseTime = 'responseTime',
  handlingTime = 'handlingTime',
  sessionDuration = 'sessionDuration',
}

/** Metrics whose values are durations in seconds; the others are counters. */
export const TIME_METRIC_TYPES: readonly LineMetricType[] = Object.freeze([
  LineMetricType.waitingTime,
  LineMetricType.firstResponseTime,
  LineMetricType.responseTime,
  LineMetricType.handlingTime,
  LineMetricType.sessionDuration,
]);

export function isTimeMetricType(type: LineMetricType): boolean {
  return TIME_METRIC_TYPES.includes(type);
}

/** Aggregation periods of metric items and reports. */
export const METRIC_PERIODS = ['hour', 'day'] as const;
export type LineMetricPeriod = (typeof METRIC_PERIODS)[number];
