import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { DocumentStore, Filter, FindOptions, STORE_FACTORY, StoreFactory } from '@openlines/persistence';
import { MESSAGES_COLLECTION, MESSAGES_DEFINITION, MessageDocument } from './message.schema';

const LIVE = { __deletedAt: null };

@Injectable()
export class MessageRepository {
  private readonly store: DocumentStore<MessageDocument>;

  constructor(@Inject(STORE_FACTORY) factory: StoreFactory) {
    this.store = factory.createStore<MessageDocument>(MESSAGES_COLLECTION, MESSAGES_DEFINITION);
  }

  /** Stores the message unless it is there already (same id, or same external id in its channel). */
  async insertIfAbsent(doc: MessageDocument): Promise<void> {
    try {
      await this.store.insertOne(doc);
    } catch (error) {
      if (!(error instanceof OpenLinesError && error.code === ErrorCode.Conflict)) throw error;
    }
  }

  async exists(id: string): Promise<boolean> {
    return (await this.store.findOne({ __id: id }, { projection: { __id: 1 } })) !== null;
  }

  /** The session's messages in their order, one page. */
  page(sessionId: string, from: number, size: number): Promise<MessageDocument[]> {
    return this.store.find({ session: sessionId, ...LIVE }, { sort: { _seq: 1 }, skip: from, limit: size });
  }

  last(sessionId: string): Promise<MessageDocument | null> {
    return this.store.findOne({ session: sessionId, ...LIVE }, { sort: { _seq: -1 } });
  }

  search(filter: Filter, options: FindOptions): Promise<MessageDocument[]> {
    return this.store.find(filter, options);
  }

  count(filter: Filter): Promise<number> {
    return this.store.count(filter);
  }
}
