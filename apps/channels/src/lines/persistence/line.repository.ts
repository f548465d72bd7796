import { OutboxEntry, diffUpdate, writeIfUnchanged } from '@openlines/messaging';
import { LineData, LineDataSchema, OpenLinesError } from '@openlines/contracts';
import { DocumentStore, Filter, FindOptions } from '@openlines/persistence';
import { LineDocument } from './line.schema';

/** Lines as the use cases need them; replies never carry the outbox. */
export class LineRepository {
  constructor(private readonly store: DocumentStore<LineDocument>) {}

  async insert(line: LineData, events: readonly OutboxEntry[]): Promise<LineData> {
    const stored = await this.store.insertOne({ ...line, _version: 1, outbox: [...events] });
    return toLineData(stored);
  }

  async findById(id: string): Promise<LineData | null> {
    const doc = await this.store.findOne({ __id: id });
    return doc === null ? null : toLineData(doc);
  }

  async getById(id: string): Promise<LineData> {
    const line = await this.findById(id);
    if (line === null) throw OpenLinesError.notFound('line', id);
    return line;
  }

  async search(filter: Filter, options: FindOptions): Promise<LineData[]> {
    const docs = await this.store.find(filter, { ...options, projection: { outbox: 0 } });
    return docs.map(toLineData);
  }

  count(filter: Filter): Promise<number> {
    return this.store.count(filter);
  }

  /** Stores `after` in place of `before` with its events, if nobody changed the line meanwhile. */
  async replace(
    before: LineData,
    after: LineData,
    events: readonly OutboxEntry[],
  ): Promise<LineData> {
    const update = diffUpdate(before, after);
    const stored = await writeIfUnchanged(
      this.store,
      'line',
      before.__id,
      before._version ?? 1,
      update,
      events,
    );
    return toLineData(stored);
  }
}

function toLineData(doc: LineDocument): LineData {
  return LineDataSchema.parse(doc);
}
