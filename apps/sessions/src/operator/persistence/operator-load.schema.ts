import { CollectionDefinition } from '@openlines/persistence';

export const OPERATOR_LOADS_COLLECTION = 'operator_loads';

/** A seat an assignment holds (or is about to take) in an operator's capacity on a line. */
export interface LoadReservation {
  session: string;
  /** The session version the assignment's compare-and-set expects (0: a session being created). */
  version: number;
  at: string;
  /**
   * One per assignment attempt (absent in seats stored before it existed): two attempts to give
   * one session to this operator (two replicas' routers, the router and a manual assignment) take
   * a seat each, and the one that loses its compare-and-set gives back its own seat only.
   */
  attempt?: string;
}

/**
 * The capacity guard of one operator on one line. An assignment first takes a seat here with a
 * conditional update that succeeds only while fewer than `capacity` seats are taken, then
 * compare-and-sets the session; so two concurrent assignments can never both take the last seat.
 */
export interface OperatorLoadDocument {
  __id: string;
  _line: string;
  _operator: string;
  _reservations: LoadReservation[];
  /** Last time the operator got a session on this line: "idle since" for the router. */
  _lastAssignedAt?: string;
}

export const OPERATOR_LOADS_DEFINITION: CollectionDefinition = {
  indexes: [
    { fields: { _operator: 1 }, name: 'load_operator' },
    // The router reads every seat of a line on each run.
    { fields: { _line: 1 }, name: 'load_line' },
  ],
};

export const loadIdOf = (lineId: string, operatorId: string): string => `${lineId}|${operatorId}`;
