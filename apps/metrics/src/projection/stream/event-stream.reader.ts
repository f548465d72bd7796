/** Reads the event stream from its start (a rebuild); implemented over JetStream. */
export interface EventStreamReader {
  /**
   * Calls `onEvent` for every event from the first stored one up to the last one stored when
   * the call began, in stream order; resolves with how many it read.
   */
  replay(onEvent: (subject: string, data: unknown) => Promise<void>): Promise<number>;
  /** Deletes a durable consumer, so that it starts again from the first event. */
  deleteDurable(durable: string): Promise<boolean>;
}

export const EVENT_STREAM_READER = Symbol.for('openlines:metrics-event-stream-reader');
