import { Inject, Injectable } from '@nestjs/common';
import { LineSessionState } from '@openlines/contracts';
import { DocumentStore, Filter, FindOptions, STORE_FACTORY, StoreFactory, UpdateDocument } from '@openlines/persistence';
import { SESSIONS_COLLECTION, SESSIONS_DEFINITION, SessionDocument, openKeyOf } from './session.schema';

const LIVE = { __deletedAt: null };

export type QueueEntry = Pick<
  SessionDocument,
  '__id' | '__createdAt' | '_priority' | '_queuedAt' | '_queueTick' | '_createdTick' | '_userGroupId'
>;

/** Intention-named access to the sessions collection. */
@Injectable()
export class SessionRepository {
  private readonly store: DocumentStore<SessionDocument>;

  constructor(@Inject(STORE_FACTORY) factory: StoreFactory) {
    this.store = factory.createStore<SessionDocument>(SESSIONS_COLLECTION, SESSIONS_DEFINITION);
  }

  findById(id: string): Promise<SessionDocument | null> {
    return this.store.findOne({ __id: id, ...LIVE });
  }

  /** The client's open session on the line (at most one: unique `_openKey`). */
  findOpen(lineId: string, clientId: string): Promise<SessionDocument | null> {
    return this.store.findOne({ _openKey: openKeyOf(lineId, clientId), ...LIVE });
  }

  /** The newest session of the client on the line, whatever its state. */
  findLatest(lineId: string, clientId: string): Promise<SessionDocument | null> {
    return this.store.findOne({ _line: lineId, _clients: clientId, ...LIVE }, { sort: { _createdTick: -1 } });
  }

  /** The client's chain of sessions on the line: enough to tell which one is last. */
  chainOf(lineId: string, clientId: string): Promise<Pick<SessionDocument, '__id' | '__createdAt' | '_createdTick'>[]> {
    return this.store.find(
      { _line: lineId, _clients: clientId, ...LIVE },
      { projection: { __id: 1, __createdAt: 1, _createdTick: 1 } },
    );
  }

  /** The session an inbound message was appended to, while its id is still among the recent ones. */
  findByRecentMessage(messageId: string): Promise<SessionDocument | null> {
    return this.store.findOne({ _recentMessageIds: messageId });
  }

  insert(doc: SessionDocument): Promise<SessionDocument> {
    return this.store.insertOne(doc);
  }

  /** The only way a session changes: CONFLICT when someone else changed it first. */
  compareAndSet(id: string, expectedVersion: number, update: UpdateDocument): Promise<SessionDocument> {
    return this.store.compareAndSet(id, expectedVersion, update);
  }

  /** The line's queue: just what ordering it needs (the router re-reads the one it assigns). */
  waitingOn(lineId: string): Promise<QueueEntry[]> {
    return this.store.find(
      { _line: lineId, _state: LineSessionState.Waiting, ...LIVE },
      { projection: { __id: 1, __createdAt: 1, _priority: 1, _queuedAt: 1, _queueTick: 1, _createdTick: 1, _userGroupId: 1 } },
    );
  }

  /** Active (assigned) sessions per operator on the line, counted from the store. */
  async activeCountsOn(lineId: string): Promise<Map<string, number>> {
    const rows = await this.store.aggregate<{ _id: string; count: number }>([
      { $match: { _line: lineId, _state: LineSessionState.AssignedToOperator, ...LIVE } },
      { $group: { _id: '$_userId', count: { $sum: 1 } } },
    ]);
    return new Map(rows.map((row) => [row._id, row.count]));
  }

  activeOf(operatorId: string): Promise<SessionDocument[]> {
    return this.store.find({ _userId: operatorId, _state: LineSessionState.AssignedToOperator, ...LIVE });
  }

  async linesWithWaiting(): Promise<string[]> {
    const rows = await this.store.aggregate<{ _id: string }>([
      { $match: { _state: LineSessionState.Waiting, ...LIVE } },
      { $group: { _id: '$_line' } },
    ]);
    return rows.map((row) => row._id);
  }

  /** Ids of sessions whose outbox still holds events or messages (left by a crash or a failed publish). */
  async withPendingOutbox(limit: number): Promise<string[]> {
    const docs = await this.store.find(
      { $or: [{ '_outbox.0': { $exists: true } }, { '_pendingMessages.0': { $exists: true } }] },
      { limit, projection: { __id: 1 } },
    );
    return docs.map((doc) => doc.__id);
  }

  /**
   * Removes relayed events and stored messages. `$inc: 0` tells the store that this update
   * manages the version itself: relay bookkeeping is not a change of the session, so it must
   * not make a concurrent compare-and-set fail.
   */
  async removeRelayed(id: string, eventIds: string[], messageIds: string[]): Promise<void> {
    await this.store.updateOne(
      { __id: id },
      {
        $pull: { _outbox: { eventId: { $in: eventIds } }, _pendingMessages: { __id: { $in: messageIds } } },
        $inc: { _version: 0 },
      },
    );
  }

  search(filter: Filter, options: FindOptions): Promise<SessionDocument[]> {
    return this.store.find(filter, options);
  }

  count(filter: Filter): Promise<number> {
    return this.store.count(filter);
  }
}
