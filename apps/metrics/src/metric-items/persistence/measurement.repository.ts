import { ErrorCode, LineMetricType, OpenLinesError } from '@openlines/contracts';
import { DocumentStore } from '@openlines/persistence';
import { MeasurementDocument } from './measurement.schema';

/** The counted measurements (see MeasurementDocument). */
export class MeasurementRepository {
  constructor(private readonly store: DocumentStore<MeasurementDocument>) {}

  /** Inserts each; one already there (an interrupted write being redone) is left as it is. */
  async insertAll(measurements: readonly MeasurementDocument[]): Promise<void> {
    for (const measurement of measurements) {
      try {
        await this.store.insertOne(measurement);
      } catch (error) {
        if (!(error instanceof OpenLinesError && error.code === ErrorCode.Conflict)) throw error;
      }
    }
  }

  /** Deletes the given measurements; returns those that were there. */
  async deleteExisting(
    measurements: readonly MeasurementDocument[],
  ): Promise<MeasurementDocument[]> {
    const deleted: MeasurementDocument[] = [];
    for (const measurement of measurements) {
      const { deletedCount } = await this.store.deleteOne({ __id: measurement.__id });
      if (deletedCount > 0) deleted.push(measurement);
    }
    return deleted;
  }

  async deleteAll(ids: readonly string[]): Promise<void> {
    for (const id of ids) await this.store.deleteOne({ __id: id });
  }

  /** Measurements of some types of one line completed in [fromMs, toMs). */
  inRange(
    line: string,
    types: readonly LineMetricType[],
    fromMs: number,
    toMs: number,
  ): Promise<MeasurementDocument[]> {
    return this.store.find({ line, type: { $in: [...types] }, at: { $gte: fromMs, $lt: toMs } });
  }

  firstResponsesOf(line: string): Promise<MeasurementDocument[]> {
    return this.store.find({ line, type: LineMetricType.firstResponseTime });
  }

  async setWithin(id: string, within: boolean): Promise<void> {
    await this.store.updateOne({ __id: id }, { $set: { within } });
  }
}
