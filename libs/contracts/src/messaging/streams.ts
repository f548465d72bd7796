/**
 * JetStream layout. Renaming a stream or subject needs a migration of existing streams and
 * durable consumers: add a new versioned subject instead.
 */
export const LINES_EVENTS_STREAM = 'LINES_EVENTS';
/** Every domain event subject starts with this prefix: `lines.events.<entity>.<event>.v1`. */
export const LINES_EVENTS_PREFIX = 'lines.events';
export const LINES_EVENTS_SUBJECTS = `${LINES_EVENTS_PREFIX}.>`;
/** Dead letters live outside the events stream, in their own stream. */
export const LINES_DEAD_LETTER_STREAM = 'LINES_DEAD_LETTERS';
export const LINES_DEAD_LETTER_PREFIX = 'lines.deadletter';
/** NATS header names carried on every RPC and event. */
export const CORRELATION_ID_HEADER = 'X-Correlation-Id';
export const MSG_ID_HEADER = 'Nats-Msg-Id';
