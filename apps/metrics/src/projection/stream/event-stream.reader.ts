/** One stored event of the stream, as a rebuild reads it. */
export interface StoredEvent {
  /** Its stream sequence. */
  seq: number;
  subject: string;
  /** The decoded JSON payload (undefined when not JSON: the projection refuses it). */
  data: unknown;
}

/** Reads the event stream by sequence (a rebuild); implemented over JetStream. */
export interface EventStreamReader {
  /** The sequence of the last event stored now (0: none yet). */
  lastSequence(): Promise<number>;
  /**
   * Calls `onEvent` for every stored event with `fromSeq <= seq <= toSeq`, in stream order
   * (each awaited before the next); resolves with how many it read.
   */
  replay(
    fromSeq: number,
    toSeq: number,
    onEvent: (event: StoredEvent) => Promise<void>,
  ): Promise<number>;
  /** Deletes a durable consumer, so that it starts again from the first event. */
  deleteDurable(durable: string): Promise<boolean>;
}

export const EVENT_STREAM_READER = Symbol.for('openlines:metrics-event-stream-reader');
