import { OutboxEntry, diffUpdate, writeIfUnchanged } from '@openlines/messaging';
import { LineClientData, LineClientDataSchema, OpenLinesError } from '@openlines/contracts';
import { DocumentStore, Filter, FindOptions } from '@openlines/persistence';
import { ClientDocument } from './client.schema';

/** Clients as the use cases need them; replies never carry the outbox. */
export class ClientRepository {
  constructor(private readonly store: DocumentStore<ClientDocument>) {}

  /** CONFLICT when the channel already has a client with this account (unique index). */
  async insert(client: LineClientData, events: readonly OutboxEntry[]): Promise<LineClientData> {
    return toClientData(
      await this.store.insertOne({ ...client, _version: 1, outbox: [...events] }),
    );
  }

  async findById(id: string): Promise<LineClientData | null> {
    const doc = await this.store.findOne({ __id: id });
    return doc === null ? null : toClientData(doc);
  }

  async getById(id: string): Promise<LineClientData> {
    const client = await this.findById(id);
    if (client === null) throw OpenLinesError.notFound('client', id);
    return client;
  }

  async findByAccount(channelId: string, account: string): Promise<LineClientData | null> {
    const doc = await this.store.findOne({ _channel: channelId, _username: account });
    return doc === null ? null : toClientData(doc);
  }

  async search(filter: Filter, options: FindOptions): Promise<LineClientData[]> {
    const docs = await this.store.find(filter, { ...options, projection: { outbox: 0 } });
    return docs.map(toClientData);
  }

  count(filter: Filter): Promise<number> {
    return this.store.count(filter);
  }

  /** Stores `after` in place of `before` with its events, if nobody changed the client meanwhile. */
  async replace(
    before: LineClientData,
    after: LineClientData,
    events: readonly OutboxEntry[],
  ): Promise<LineClientData> {
    const doc = await writeIfUnchanged(
      this.store,
      'client',
      before.__id,
      before._version ?? 1,
      diffUpdate(before, after),
      events,
    );
    return toClientData(doc);
  }
}

function toClientData(doc: ClientDocument): LineClientData {
  return LineClientDataSchema.parse(doc);
}
