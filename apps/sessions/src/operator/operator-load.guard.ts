import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SESSIONS_CONFIG, SessionsConfig } from '../config/sessions.config';
import { SessionRepository } from '../session/persistence/session.repository';
import { isStaleReservation } from './domain/operator-load.rules';
import { OperatorLoadRepository } from './persistence/operator-load.repository';
import { LoadReservation } from './persistence/operator-load.schema';

/**
 * The per-operator capacity guard (see OperatorLoadDocument): take a seat before assigning,
 * give it back when the session leaves the operator or the assignment loses its race (that
 * attempt's seat only: another attempt for the same session may have won with its own).
 */
@Injectable()
export class OperatorLoadGuard {
  constructor(
    private readonly loads: OperatorLoadRepository,
    private readonly sessions: SessionRepository,
    @Inject(SESSIONS_CONFIG) private readonly config: SessionsConfig,
  ) {}

  /** The seat taken for the session (give it back with `release` if the assignment fails); null at capacity. */
  async reserve(lineId: string, operatorId: string, capacity: number, sessionId: string, expectedVersion: number): Promise<LoadReservation | null> {
    const reservation = { session: sessionId, version: expectedVersion, at: new Date().toISOString(), attempt: randomUUID() };
    if (await this.loads.tryReserve(lineId, operatorId, capacity, reservation)) return reservation;
    // Full: free seats leaked by a crash between a seat and its compare-and-set, then try once more.
    const load = await this.loads.find(lineId, operatorId);
    const now = new Date();
    const stale = [];
    for (const seat of load?._reservations ?? []) {
      const session = await this.sessions.findById(seat.session);
      if (isStaleReservation(seat, session, operatorId, now, this.config.loadReservationGraceMs)) stale.push(seat);
    }
    if (stale.length === 0) return null;
    await this.loads.releaseStale(lineId, operatorId, stale);
    return (await this.loads.tryReserve(lineId, operatorId, capacity, reservation)) ? reservation : null;
  }

  /** The seat of an assignment that did not happen. */
  release(lineId: string, operatorId: string, reservation: LoadReservation): Promise<void> {
    return this.loads.release(lineId, operatorId, reservation);
  }

  /** The session left the operator, becoming `version`: its seat is free. */
  sessionLeft(lineId: string, operatorId: string, sessionId: string, version: number): Promise<void> {
    return this.loads.releaseLeft(lineId, operatorId, sessionId, version);
  }
}
