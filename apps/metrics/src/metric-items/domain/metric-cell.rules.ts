import { createHash } from 'node:crypto';
import {
  isTimeMetricType,
  LineMetricPeriod,
  LineMetricType,
  METRIC_PERIODS,
} from '@openlines/contracts';

export const PERIOD_MS: Readonly<Record<LineMetricPeriod, number>> = Object.freeze({
  hour: 3_600_000,
  day: 86_400_000,
});

/**
 * Which metric item (cell) a measurement lands in. Every measurement counts in three grains —
 * the whole line, its operator (when credited to one), its channel — each by the hour and by the
 * day: `_operator` / `_channel` absent means "all of them".
 */
export interface MetricCellKey {
  type: LineMetricType;
  line: string;
  operator?: string;
  channel?: string;
  period: LineMetricPeriod;
  /** Epoch ms, UTC-aligned to the period. */
  periodStart: number;
}

/** What a cell needs to know of one measurement. */
export interface CellInput {
  type: LineMetricType;
  line: string;
  operator?: string;
  channel?: string;
  at: number;
  /** 1 for counters, milliseconds for time metrics. */
  value: number;
}

export function periodStartOf(at: number, period: LineMetricPeriod): number {
  const length = PERIOD_MS[period];
  return Math.floor(at / length) * length;
}

export function cellKeysOf(input: CellInput): MetricCellKey[] {
  const grains: Pick<MetricCellKey, 'operator' | 'channel'>[] = [{}];
  if (input.operator !== undefined) grains.push({ operator: input.operator });
  if (input.channel !== undefined) grains.push({ channel: input.channel });
  return METRIC_PERIODS.flatMap((period) =>
    grains.map((grain) => ({
      type: input.type,
      line: input.line,
      ...grain,
      period,
      periodStart: periodStartOf(input.at, period),
    })),
  );
}

/** A stable id: the same cell gets the same id in every run and every rebuild. */
export function cellIdOf(key: MetricCellKey): string {
  const parts = [
    key.type,
    key.line,
    key.operator ?? '',
    key.channel ?? '',
    key.period,
    String(key.periodStart),
  ];
  return createHash('sha1').update(JSON.stringify(parts)).digest('hex');
}

/** Measurements are kept in integer milliseconds; items show seconds for time metrics. */
export function toReportedValue(type: LineMetricType, raw: number): number {
  return isTimeMetricType(type) ? raw / 1000 : raw;
}

/** Whether a measurement counts in the cell of `key`. */
export function belongsTo(key: MetricCellKey, input: CellInput): boolean {
  return (
    input.type === key.type &&
    input.line === key.line &&
    (key.operator === undefined || input.operator === key.operator) &&
    (key.channel === undefined || input.channel === key.channel) &&
    periodStartOf(input.at, key.period) === key.periodStart
  );
}
