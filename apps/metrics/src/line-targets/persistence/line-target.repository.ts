import { DocumentStore } from '@openlines/persistence';
import { LineTargetHistory } from '../domain/line-target.rules';
import { LineTargetDocument } from './line-target.schema';

export class LineTargetRepository {
  constructor(private readonly store: DocumentStore<LineTargetDocument>) {}

  async get(lineId: string): Promise<LineTargetHistory | undefined> {
    const doc = await this.store.findOne({ __id: lineId });
    return doc === null ? undefined : { lineId, changes: doc.changes };
  }

  async save(history: LineTargetHistory): Promise<void> {
    await this.store.updateOne(
      { __id: history.lineId },
      { $set: { changes: JSON.parse(JSON.stringify(history.changes)) } },
      { upsert: true },
    );
  }
}
