import { LineMetricType } from '@openlines/contracts';
import { CellMeasurement, cellDeltas, figuresOf } from './domain/metric-cell-delta.rules';
import {
  belongsTo,
  cellIdOf,
  cellKeysOf,
  MetricCellKey,
  PERIOD_MS,
} from './domain/metric-cell.rules';
import { MeasurementDocument } from './persistence/measurement.schema';
import { MeasurementRepository } from './persistence/measurement.repository';
import { MetricCellDocument } from './persistence/metric-cell.schema';
import { RecomputedCell } from './persistence/metric-cell.mapping';
import { MetricCellRepository } from './persistence/metric-cell.repository';

export type Clock = () => Date;

/**
 * Writes measurements and the metric items they sum to. The normal path increments; the
 * recovery path (a journal found after a failure) recomputes the touched items from the
 * measurements, which is idempotent however far the interrupted write got.
 */
export class MetricItemsWriter {
  constructor(
    private readonly measurements: MeasurementRepository,
    private readonly cells: MetricCellRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Measurements first, then the items: a reader that recomputes extremes sees no fewer values.
   * Only measurements that were really there are taken out of the items.
   */
  async apply(
    added: readonly MeasurementDocument[],
    removedMeasurements: readonly MeasurementDocument[],
  ): Promise<void> {
    const removed = await this.measurements.deleteExisting(removedMeasurements);
    await this.measurements.insertAll(added);
    const now = this.clock();
    for (const delta of cellDeltas(added, removed)) await this.cells.applyDelta(delta, now);
  }

  async redo(
    added: readonly MeasurementDocument[],
    removed: readonly MeasurementDocument[],
  ): Promise<void> {
    await this.measurements.deleteAll(removed.map((m) => m.__id));
    await this.measurements.insertAll(added);
    const keys = new Map<string, MetricCellKey>();
    for (const m of [...added, ...removed])
      for (const key of cellKeysOf(m)) keys.set(cellIdOf(key), key);
    await this.recompute([...keys.values()]);
  }

  /** Recomputes whole cells from their measurements, one query per line. */
  async recompute(keys: readonly MetricCellKey[]): Promise<void> {
    const recomputed: RecomputedCell[] = [];
    for (const [line, lineKeys] of groupByLine(keys)) {
      const measurements = await this.measurementsFor(line, lineKeys);
      for (const key of lineKeys) {
        const own = measurements.filter((m) => belongsTo(key, m));
        recomputed.push({ id: cellIdOf(key), key, figures: figuresOf(key.type, own) });
      }
    }
    await this.cells.replace(recomputed, this.clock());
  }

  /**
   * Returns the cells with exact extremes: stale ones (a withdrawn value was their min or max)
   * get them from their measurements, and keep them when no write raced the read.
   */
  async settle(docs: readonly MetricCellDocument[]): Promise<MetricCellDocument[]> {
    const stale = docs.filter((d) => d._stale === true);
    if (stale.length === 0) return [...docs];
    const settled = new Map<string, MetricCellDocument>();
    const keyed = stale.map((doc) => ({ doc, key: keyOf(doc) }));
    for (const [line, lineKeys] of groupByLine(keyed.map((k) => k.key))) {
      const measurements = await this.measurementsFor(line, lineKeys);
      for (const { doc, key } of keyed.filter((k) => k.key.line === line)) {
        const { minRaw, maxRaw } = figuresOf(
          key.type,
          measurements.filter((m) => belongsTo(key, m)),
        );
        if (minRaw === undefined || maxRaw === undefined) continue;
        await this.cells.settleExtremes(doc, minRaw, maxRaw);
        settled.set(doc.__id, { ...doc, _minRaw: minRaw, _maxRaw: maxRaw, _stale: false });
      }
    }
    return docs.map((doc) => settled.get(doc.__id) ?? doc);
  }

  private measurementsFor(
    line: string,
    keys: readonly MetricCellKey[],
  ): Promise<CellMeasurement[]> {
    const types = [...new Set(keys.map((k) => k.type))];
    const from = Math.min(...keys.map((k) => k.periodStart));
    const to = Math.max(...keys.map((k) => k.periodStart + PERIOD_MS[k.period]));
    return this.measurements.inRange(line, types, from, to);
  }
}

function groupByLine(keys: readonly MetricCellKey[]): Map<string, MetricCellKey[]> {
  const groups = new Map<string, MetricCellKey[]>();
  for (const key of keys) groups.set(key.line, [...(groups.get(key.line) ?? []), key]);
  return groups;
}

export function keyOf(doc: MetricCellDocument): MetricCellKey {
  const key: MetricCellKey = {
    type: doc._type as LineMetricType,
    line: doc._line,
    period: doc._period,
    periodStart: Date.parse(doc._periodStart),
  };
  if (doc._operator !== undefined) key.operator = doc._operator;
  if (doc._channel !== undefined) key.channel = doc._channel;
  return key;
}
