import { ErrorCode, OpenLinesError, RpcReply, RpcRequest, RpcSubject } from '@openlines/contracts';
import {
  connectNats,
  decodeJson,
  NatsConfig,
  NatsConnection,
  RpcClient,
} from '@openlines/messaging';
import { createLogger, Logger } from '@openlines/observability';
import { EventHandler, LinesTransport, Unsubscribe } from './lines-transport';
import { deliverEvent } from './event-delivery';
import { LINES_EVENT_SUBJECTS, LinesEventFilter, LinesEventType } from './public-events';

export interface NatsTransportOptions {
  /** NATS servers (`nats://host:4222`); or give `connection`. */
  servers?: string | string[];
  /** An open connection to use (not closed by `close()`). */
  connection?: NatsConnection;
  user?: string;
  password?: string;
  token?: string;
  /** Must equal the services' NATS_SUBJECT_PREFIX, if they use one. */
  subjectPrefix?: string;
  /** Per request; default 10 s. */
  timeoutMs?: number;
  /** Connection status lines; silent by default. */
  logger?: Logger;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Speaks NATS directly (inside the cluster): RPC through libs/messaging's RpcClient, events
 * through plain core subscriptions to the JetStream subjects (a live feed, no replay). The
 * connection opens in the background, so creating a client is synchronous.
 */
export class NatsTransport implements LinesTransport {
  private readonly connection: Promise<NatsConnection>;
  private readonly timeoutMs: number;
  private readonly unsubscribers = new Set<() => void>();
  private rpc: RpcClient | undefined;
  /** The connection once open (until then, close() cannot wait for it). */
  private opened: NatsConnection | undefined;
  private closed = false;

  constructor(private readonly options: NatsTransportOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.connection = options.connection
      ? Promise.resolve(options.connection)
      : this.connect(options);
    // A failure is reported by the first request or subscription that needs the connection; a
    // connection that opens only after close() is closed at once.
    this.connection.then(
      (nc) => {
        this.opened = nc;
        if (this.closed && !options.connection) void nc.close();
      },
      () => undefined,
    );
  }

  async request<S extends RpcSubject>(subject: S, payload: RpcRequest<S>): Promise<RpcReply<S>> {
    const nc = await this.connected(subject);
    this.rpc ??= new RpcClient(nc, { subjectPrefix: this.options.subjectPrefix });
    return this.rpc.request<RpcReply<S>>(subject, payload, { timeoutMs: this.timeoutMs });
  }

  subscribe<E extends LinesEventType>(
    type: E,
    filter: LinesEventFilter,
    handler: EventHandler<E>,
    onError: (error: unknown) => void,
  ): Unsubscribe {
    let stop: (() => void) | undefined;
    let stopped = false;
    const ready = (async () => {
      const nc = await this.connected(LINES_EVENT_SUBJECTS[type]);
      if (stopped) return;
      const subscription = nc.subscribe(LINES_EVENT_SUBJECTS[type], {
        callback: (error, msg) => {
          if (error) return onError(error);
          void deliverEvent(type, () => decodeJson(msg.data), filter, handler, onError);
        },
      });
      stop = () => subscription.unsubscribe();
      // Once the server has the interest, no later event is missed.
      await nc.flush();
    })();
    ready.catch(onError);
    const unsubscribe = () => {
      stopped = true;
      stop?.();
      this.unsubscribers.delete(unsubscribe);
    };
    this.unsubscribers.add(unsubscribe);
    return Object.assign(unsubscribe, { ready });
  }

  /** Drains an open connection of our own; one still connecting is closed when it opens. */
  async close(): Promise<void> {
    this.closed = true;
    for (const unsubscribe of [...this.unsubscribers]) unsubscribe();
    if (this.options.connection) return;
    const nc = this.opened;
    if (nc && !nc.isClosed() && !nc.isDraining()) await nc.drain();
  }

  private connect(options: NatsTransportOptions): Promise<NatsConnection> {
    const servers = options.servers ?? [];
    const config: NatsConfig = { servers: Array.isArray(servers) ? servers : servers.split(',') };
    if (options.user !== undefined)
      Object.assign(config, { user: options.user, password: options.password });
    if (options.token !== undefined) config.token = options.token;
    const logger = options.logger ?? createLogger('openlines-sdk', { level: 'silent' });
    return connectNats(config, logger, 'openlines-sdk');
  }

  /** The connection, or UNAVAILABLE when it is not there within the request timeout. */
  private async connected(subject: string): Promise<NatsConnection> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new OpenLinesError(ErrorCode.Unavailable, `NATS is not reachable for ${subject}`, {
              subject,
            }),
          ),
        this.timeoutMs,
      );
    });
    try {
      return await Promise.race([this.connection, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
