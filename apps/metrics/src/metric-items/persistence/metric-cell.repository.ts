import { ErrorCode, LineMetricType, OpenLinesError, SYSTEM_USER_ID } from '@openlines/contracts';
import { DocumentStore, Filter, FindOptions, UpdateDocument } from '@openlines/persistence';
import { CellDelta } from '../domain/metric-cell-delta.rules';
import { bucketFields, keyFields, RecomputedCell } from './metric-cell.mapping';
import { MetricCellDocument } from './metric-cell.schema';

/** The LineMetric items. Writes are increments (commutative); see MetricCellDocument. */
export class MetricCellRepository {
  constructor(private readonly store: DocumentStore<MetricCellDocument>) {}

  async applyDelta(delta: CellDelta, now: Date): Promise<void> {
    const inc: Record<string, number> = { _count: delta.count, _sumRaw: delta.sum };
    for (const [field, n] of Object.entries(bucketFields(delta.buckets)))
      inc[`_buckets.${field}`] = n;
    if (delta.key.type === LineMetricType.firstResponseTime) inc._withinTarget = delta.within;
    const update: UpdateDocument = {
      $setOnInsert: {
        ...keyFields(delta.key),
        __createdAt: now.toISOString(),
        __createdBy: SYSTEM_USER_ID,
      },
      $set: { __updatedAt: now.toISOString(), __updatedBy: SYSTEM_USER_ID },
      $inc: inc,
    };
    if (delta.addedMin !== undefined) update.$min = { _minRaw: delta.addedMin };
    if (delta.addedMax !== undefined) update.$max = { _maxRaw: delta.addedMax };
    if (delta.removedValues.length === 0 && delta.count > 0) {
      // Only additions: the cell can neither empty nor lose an extreme, nothing to read back.
      await this.store.updateOne({ __id: delta.id }, update, { upsert: true });
      return;
    }
    const cell = await this.store.findOneAndUpdate({ __id: delta.id }, update, { upsert: true });
    if (cell === null) return;
    if (cell._count <= 0) {
      await this.store.deleteOne({ __id: delta.id, _count: { $lte: 0 } });
      return;
    }
    const min = cell._minRaw ?? Number.POSITIVE_INFINITY;
    const max = cell._maxRaw ?? Number.NEGATIVE_INFINITY;
    if (delta.removedValues.some((value) => value <= min || value >= max)) {
      await this.store.updateOne({ __id: delta.id }, { $set: { _stale: true } });
    }
  }

  /** Replaces cells with recomputed figures (deleting the empty ones). */
  async replace(cells: readonly RecomputedCell[], now: Date): Promise<void> {
    for (const { id, key, figures } of cells) {
      if (figures.count === 0) {
        await this.store.deleteOne({ __id: id });
        continue;
      }
      const set: Record<string, unknown> = {
        ...keyFields(key),
        _count: figures.count,
        _sumRaw: figures.sumRaw,
        _buckets: bucketFields(figures.buckets),
        __updatedAt: now.toISOString(),
        __updatedBy: SYSTEM_USER_ID,
      };
      if (figures.minRaw !== undefined) set._minRaw = figures.minRaw;
      if (figures.maxRaw !== undefined) set._maxRaw = figures.maxRaw;
      if (key.type === LineMetricType.firstResponseTime) set._withinTarget = figures.within ?? 0;
      await this.store.updateOne(
        { __id: id },
        {
          $set: set,
          $unset: { _stale: '' },
          $setOnInsert: { __createdAt: now.toISOString(), __createdBy: SYSTEM_USER_ID },
        },
        { upsert: true },
      );
    }
  }

  /**
   * Sets recomputed extremes unless the cell changed since it was read (then it stays stale and
   * the next read recomputes again): a concurrent increment must never be overwritten.
   */
  async settleExtremes(cell: MetricCellDocument, minRaw: number, maxRaw: number): Promise<void> {
    if (cell._version === undefined) return;
    try {
      await this.store.compareAndSet(cell.__id, cell._version, {
        $set: { _minRaw: minRaw, _maxRaw: maxRaw },
        $unset: { _stale: '' },
      });
    } catch (error) {
      if (!(
        error instanceof OpenLinesError &&
        [ErrorCode.Conflict, ErrorCode.NotFound].includes(error.code)
      ))
        throw error;
    }
  }

  async setWithin(id: string, within: number): Promise<void> {
    await this.store.updateOne({ __id: id }, { $set: { _withinTarget: within } });
  }

  find(filter: Filter, options: FindOptions = {}): Promise<MetricCellDocument[]> {
    return this.store.find(filter, options);
  }

  count(filter: Filter = {}): Promise<number> {
    return this.store.count(filter);
  }
}
