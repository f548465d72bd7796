import { OutboxEntry, diffUpdate, writeIfUnchanged } from '@openlines/messaging';
import { ErrorCode, LineChannelState, OpenLinesError } from '@openlines/contracts';
import { DocumentStore, Filter, FindOptions } from '@openlines/persistence';
import { ChannelRecord } from '../domain/channel.rules';
import { ChannelDocument } from './channel.schema';

/** Channels as the use cases, webhooks and delivery need them (records keep their secrets). */
export class ChannelRepository {
  constructor(private readonly store: DocumentStore<ChannelDocument>) {}

  async insert(record: ChannelRecord, events: readonly OutboxEntry[]): Promise<ChannelRecord> {
    try {
      return withoutOutbox(
        await this.store.insertOne({ ...record, _version: 1, outbox: [...events] }),
      );
    } catch (error) {
      throw duplicateKey(error, record);
    }
  }

  async findById(id: string): Promise<ChannelRecord | null> {
    const doc = await this.store.findOne({ __id: id }, { projection: { outbox: 0 } });
    return doc === null ? null : withoutOutbox(doc);
  }

  async getById(id: string): Promise<ChannelRecord> {
    const record = await this.findById(id);
    if (record === null) throw OpenLinesError.notFound('channel', id);
    return record;
  }

  async findByLivechatKey(publicKey: string): Promise<ChannelRecord | null> {
    const doc = await this.store.findOne({ livechatKey: publicKey }, { projection: { outbox: 0 } });
    return doc === null ? null : withoutOutbox(doc);
  }

  async search(filter: Filter, options: FindOptions): Promise<ChannelRecord[]> {
    const docs = await this.store.find(filter, { ...options, projection: { outbox: 0 } });
    return docs.map(withoutOutbox);
  }

  count(filter: Filter): Promise<number> {
    return this.store.count(filter);
  }

  /** Channels of the line that still take messages (not deleted, not disconnected). */
  countConnected(lineId: string): Promise<number> {
    return this.store.count({
      _line: lineId,
      __deletedAt: { $exists: false },
      _state: { $ne: LineChannelState.disconnected },
    });
  }

  /** Stores `after` in place of `before` with its events, if nobody changed the channel meanwhile. */
  async replace(
    before: ChannelRecord,
    after: ChannelRecord,
    events: readonly OutboxEntry[],
  ): Promise<ChannelRecord> {
    try {
      const version = before._version ?? 1;
      const doc = await writeIfUnchanged(
        this.store,
        'channel',
        before.__id,
        version,
        diffUpdate(before, after),
        events,
      );
      return withoutOutbox(doc);
    } catch (error) {
      throw duplicateKey(error, after);
    }
  }

  /** Counts one more authorisation failure in a row; returns the new count. */
  async recordAuthFailure(id: string): Promise<number> {
    const doc = await this.store.findOneAndUpdate({ __id: id }, { $inc: { authFailures: 1 } });
    if (doc === null) throw OpenLinesError.notFound('channel', id);
    return doc.authFailures;
  }

  /** A delivery went through: the run of failures is over (written only when there was one). */
  async resetAuthFailures(id: string): Promise<void> {
    await this.store.updateOne(
      { __id: id, authFailures: { $gt: 0 } },
      { $set: { authFailures: 0 } },
    );
  }
}

function withoutOutbox(doc: ChannelDocument): ChannelRecord {
  const record: ChannelRecord & { outbox?: unknown } = { ...doc };
  delete record.outbox;
  return record;
}

/** The only unique key besides the id is the live-chat public key: say so in the caller's words. */
function duplicateKey(error: unknown, record: ChannelRecord): unknown {
  if (
    !(error instanceof OpenLinesError) ||
    error.code !== ErrorCode.Conflict ||
    record.livechatKey === undefined
  ) {
    return error;
  }
  if (error.details?.expectedVersion !== undefined) return error;
  return OpenLinesError.conflict(
    `another channel already uses the live chat public key ${record.livechatKey}`,
    {
      field: '_settings.publicKey',
    },
  );
}
