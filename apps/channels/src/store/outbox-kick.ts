/**
 * Tells the outbox relay that new events are stored, so they are published now rather than at
 * the relay's next poll. The relay itself is the implementation; tests may count the kicks.
 */
export interface OutboxKick {
  kick(): void;
}

export const OUTBOX_KICKS = Symbol.for('openlines:channels:outbox-kicks');
