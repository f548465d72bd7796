import { LINES_EVENTS_PREFIX } from '../messaging/streams';

/**
 * JetStream subjects of the domain events, `lines.events.<entity>.<event>.v1`. Durable consumers
 * and stored messages are bound to these names: renaming one needs a migration (streams,
 * consumers, outbox rows). Evolve a payload incompatibly by adding a `.v2` subject beside it.
 */
const subject = <E extends string, N extends string>(entity: E, event: N) =>
  `${LINES_EVENTS_PREFIX}.${entity}.${event}.v1` as const;

export const LinesEvents = {
  session: {
    created: subject('session', 'created'),
    changed: subject('session', 'changed'),
    reassigned: subject('session', 'reassigned'),
    closed: subject('session', 'closed'),
  },
  message: {
    /** A message was stored in a session (any author). */
    created: subject('message', 'created'),
    /** Sessions asks channels to deliver an operator's or bot's reply to the messenger. */
    outbound: subject('message', 'outbound'),
    /** Channels' normalised inbound messenger message, for clients + sessions to take in. */
    inbound: subject('message', 'inbound'),
  },
  channel: {
    changed: subject('channel', 'changed'),
  },
  client: {
    changed: subject('client', 'changed'),
  },
  line: {
    changed: subject('line', 'changed'),
  },
} as const;

type Leaves<T> = T extends string ? T : { [K in keyof T]: Leaves<T[K]> }[keyof T];
export type LinesEventSubject = Leaves<typeof LinesEvents>;
