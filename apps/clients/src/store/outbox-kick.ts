/**
 * Tells the outbox relay that new events are stored, so they are published now rather than at
 * the relay's next poll.
 */
export interface OutboxKick {
  kick(): void;
}
