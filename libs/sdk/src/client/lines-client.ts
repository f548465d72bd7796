import { Actor } from '@openlines/contracts';
import { LineChannels, Lines } from '../collections/lines.collection';
import { LineMetrics, LineOperators } from '../collections/metrics.collection';
import { LineClients, LineMessages, LineSessions } from '../collections/sessions.collection';
import { EventHandler, LinesTransport, Unsubscribe } from '../transport/lines-transport';
import { LinesEventFilter, LinesEventType } from '../transport/public-events';
import { SdkContext } from './sdk-context';

/** Options of every subscription. */
export interface SubscribeOptions extends LinesEventFilter {
  /** Called with an error a handler threw or the stream failed with; absent: ignored. */
  onError?: (error: unknown) => void;
}

/**
 * `LinesCollections` [doc], the object a script uses in place of `System.lines`, plus live
 * subscriptions to session and message events.
 */
export class LinesClient {
  readonly lines: Lines;
  readonly channels: LineChannels;
  readonly clients: LineClients;
  readonly sessions: LineSessions;
  readonly messages: LineMessages;
  readonly metrics: LineMetrics;
  readonly operators: LineOperators;

  constructor(
    private readonly transport: LinesTransport,
    actor?: Actor,
  ) {
    const ctx = new SdkContext(transport, actor);
    this.lines = new Lines(ctx);
    this.channels = new LineChannels(ctx);
    this.clients = new LineClients(ctx);
    this.sessions = new LineSessions(ctx);
    this.messages = new LineMessages(ctx);
    this.metrics = new LineMetrics(ctx);
    this.operators = new LineOperators(ctx);
  }

  /** Every change of a session (SessionChangedPayload), optionally of one line or session. */
  onSessionChanged(
    handler: EventHandler<'SessionChanged'>,
    options: SubscribeOptions = {},
  ): Unsubscribe {
    return this.on('SessionChanged', handler, options);
  }

  /** A change of the responsible operator, group or bot (SessionReassignedPayload). */
  onSessionReassigned(
    handler: EventHandler<'SessionReassigned'>,
    options: SubscribeOptions = {},
  ): Unsubscribe {
    return this.on('SessionReassigned', handler, options);
  }

  /** Every message stored in a session (client, operator, bot or system). */
  onMessage(handler: EventHandler<'MessageCreated'>, options: SubscribeOptions = {}): Unsubscribe {
    return this.on('MessageCreated', handler, options);
  }

  onSessionCreated(
    handler: EventHandler<'SessionCreated'>,
    options: SubscribeOptions = {},
  ): Unsubscribe {
    return this.on('SessionCreated', handler, options);
  }

  onSessionClosed(
    handler: EventHandler<'SessionClosed'>,
    options: SubscribeOptions = {},
  ): Unsubscribe {
    return this.on('SessionClosed', handler, options);
  }

  /** Any public event type by name. */
  on<E extends LinesEventType>(
    type: E,
    handler: EventHandler<E>,
    options: SubscribeOptions = {},
  ): Unsubscribe {
    const { onError = ignore, ...filter } = options;
    return this.transport.subscribe(type, filter, handler, onError);
  }

  /** Ends subscriptions and the connection (NATS: drains it). */
  close(): Promise<void> {
    return this.transport.close();
  }
}

function ignore(): void {
  /* a subscriber without onError chose not to hear about failures */
}
