import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { DocumentStore, STORE_FACTORY, StoreFactory } from '@openlines/persistence';
import {
  LoadReservation,
  OPERATOR_LOADS_COLLECTION,
  OPERATOR_LOADS_DEFINITION,
  OperatorLoadDocument,
  loadIdOf,
} from './operator-load.schema';

@Injectable()
export class OperatorLoadRepository {
  private readonly store: DocumentStore<OperatorLoadDocument>;

  constructor(@Inject(STORE_FACTORY) factory: StoreFactory) {
    this.store = factory.createStore<OperatorLoadDocument>(OPERATOR_LOADS_COLLECTION, OPERATOR_LOADS_DEFINITION);
  }

  find(lineId: string, operatorId: string): Promise<OperatorLoadDocument | null> {
    return this.store.findOne({ __id: loadIdOf(lineId, operatorId) });
  }

  async ofLine(lineId: string): Promise<Map<string, OperatorLoadDocument>> {
    const docs = await this.store.find({ _line: lineId });
    return new Map(docs.map((doc) => [doc._operator, doc]));
  }

  /**
   * Takes a seat for `reservation` when fewer than `capacity` are taken (the array has no element
   * at index capacity-1). True when taken. Two attempts for one session take two seats: counting
   * it twice for a moment may refuse a seat, never exceed the capacity.
   */
  async tryReserve(lineId: string, operatorId: string, capacity: number, reservation: LoadReservation): Promise<boolean> {
    const id = loadIdOf(lineId, operatorId);
    await this.ensure(id, lineId, operatorId);
    const taken = await this.store.findOneAndUpdate(
      { __id: id, [`_reservations.${capacity - 1}`]: { $exists: false } },
      { $push: { _reservations: reservation }, $set: { _lastAssignedAt: reservation.at } },
    );
    return taken !== null;
  }

  /** Gives back the seat of one attempt (its compare-and-set lost, or the session was not created). */
  async release(lineId: string, operatorId: string, reservation: LoadReservation): Promise<void> {
    await this.store.updateOne({ __id: loadIdOf(lineId, operatorId) }, { $pull: { _reservations: seatOf(reservation) } });
  }

  /**
   * Gives back the seats of a session that left the operator with `version`: those taken for
   * earlier versions. A seat taken for this version or later belongs to a new attempt.
   */
  async releaseLeft(lineId: string, operatorId: string, sessionId: string, version: number): Promise<void> {
    await this.store.updateOne(
      { __id: loadIdOf(lineId, operatorId) },
      { $pull: { _reservations: { session: sessionId, version: { $lt: version } } } },
    );
  }

  /** Removes the given stale seats, each only if it is still the very reservation judged stale. */
  async releaseStale(lineId: string, operatorId: string, stale: readonly LoadReservation[]): Promise<void> {
    for (const reservation of stale) await this.release(lineId, operatorId, reservation);
  }

  private async ensure(id: string, lineId: string, operatorId: string): Promise<void> {
    if ((await this.store.findOne({ __id: id }, { projection: { __id: 1 } })) !== null) return;
    try {
      await this.store.insertOne({ __id: id, _line: lineId, _operator: operatorId, _reservations: [] });
    } catch (error) {
      // Another assignment created it first: fine.
      if (!(error instanceof OpenLinesError && error.code === ErrorCode.Conflict)) throw error;
    }
  }
}

/** What identifies one seat: its attempt (seats stored before attempts existed: session and version). */
function seatOf(reservation: LoadReservation): Record<string, unknown> {
  return reservation.attempt === undefined
    ? { session: reservation.session, version: reservation.version, at: reservation.at }
    : { attempt: reservation.attempt };
}
