import type { Verdict } from './event-processor';

/** A held message as the scheduler sees it. Without a key it waits for nothing but a free handler. */
export interface ScheduledItem {
  readonly seq: number;
  readonly key: string | undefined;
}

export interface SchedulerHooks<I extends ScheduledItem> {
  /** Handles the item (ack, nak or term included); never rejects. */
  run(item: I): Promise<Verdict>;
  /** The item is waiting (behind its key, or for a handler): tell the server it is still ours. */
  keepAlive(item: I): void;
  /** A key's handed-back message did not come back in time: the key's later items go ahead. */
  gaveUpWaiting(key: string, seq: number): void;
}

export interface SchedulerLimits {
  /** Handlers running at once. */
  concurrency: number;
  /** Messages held at once: running, or waiting for their key or for a handler. */
  maxInFlight: number;
  keepAliveMs: number;
  /** How long past its back-off a key waits for its handed-back message before going on. */
  redeliveryGraceMs: number;
}

export interface Lane<I> {
  readonly key: string | undefined;
  readonly queue: I[];
  running: boolean;
  ready: boolean;
  /** Handed back (nak) for a retry: the lane holds its later items until this sequence returns. */
  awaiting?: { seq: number; dueAt: number; timer: NodeJS.Timeout };
}
