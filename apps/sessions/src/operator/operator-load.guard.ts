import { Inject, Injectable } from '@nestjs/common';
import { SESSIONS_CONFIG, SessionsConfig } from '../config/sessions.config';
import { SessionRepository } from '../session/persistence/session.repository';
import { isStaleReservation } from './domain/operator-load.rules';
import { OperatorLoadRepository } from './persistence/operator-load.repository';

/**
 * The per-operator capacity guard (see OperatorLoadDocument): take a seat before assigning,
 * give it back when the session leaves the operator or the assignment loses its race.
 */
@Injectable()
export class OperatorLoadGuard {
  constructor(
    private readonly loads: OperatorLoadRepository,
    private readonly sessions: SessionRepository,
    @Inject(SESSIONS_CONFIG) private readonly config: SessionsConfig,
  ) {}

  /** True when the operator has a seat for the session; false when at capacity. */
  async reserve(lineId: string, operatorId: string, capacity: number, sessionId: string, expectedVersion: number): Promise<boolean> {
    const reservation = { session: sessionId, version: expectedVersion, at: new Date().toISOString() };
    if (await this.loads.tryReserve(lineId, operatorId, capacity, reservation)) return true;
    // Full: free seats leaked by a crash between a seat and its compare-and-set, then try once more.
    const load = await this.loads.find(lineId, operatorId);
    const now = new Date();
    const stale = [];
    for (const seat of load?._reservations ?? []) {
      const session = await this.sessions.findById(seat.session);
      if (isStaleReservation(seat, session, operatorId, now, this.config.loadReservationGraceMs)) stale.push(seat);
    }
    if (stale.length === 0) return false;
    await this.loads.releaseStale(lineId, operatorId, stale);
    return this.loads.tryReserve(lineId, operatorId, capacity, reservation);
  }

  release(lineId: string, operatorId: string, sessionId: string): Promise<void> {
    return this.loads.release(lineId, operatorId, sessionId);
  }
}
