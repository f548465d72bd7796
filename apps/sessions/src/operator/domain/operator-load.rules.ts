import { LineSessionState } from '@openlines/contracts';

export interface ReservationView {
  session: string;
  version: number;
  at: string;
}

export interface ReservedSessionView {
  _state: LineSessionState;
  _userId?: string;
  _version: number;
}

/**
 * Whether a capacity seat is leaked and may be freed. A seat is live while its session is
 * assigned to the operator, and "in flight" while the session is still at the version the
 * assignment expects (its compare-and-set may yet succeed). Once the session moved past that
 * version without landing on the operator, that compare-and-set can never succeed: the seat is
 * stale. A seat whose session never appeared or never moved is freed only after `graceMs` (its
 * assigner died).
 */
export function isStaleReservation(
  reservation: ReservationView,
  session: ReservedSessionView | null,
  operatorId: string,
  now: Date,
  graceMs: number,
): boolean {
  const expired = now.getTime() - Date.parse(reservation.at) > graceMs;
  if (session === null) return expired;
  if (session._state === LineSessionState.AssignedToOperator && session._userId === operatorId) return false;
  if (session._version > reservation.version) return true;
  return expired;
}
