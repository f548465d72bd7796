import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { decodeJson, NATS_CONNECTION, NatsConnection } from '@openlines/messaging';
import { LOGGER, Logger } from '@openlines/observability';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway.config';
import {
  EventStreamFilter,
  PUBLIC_EVENT_SUBJECTS,
  PublicEventType,
  sseFrame,
  streamWants,
} from './public-events';
import { SseClient, SseQueueStats, SseResponse } from './sse-client';

type Subscription = ReturnType<NatsConnection['subscribe']>;

/** How long a dropped client may take to read its last frames before its socket is destroyed. */
const DROP_GRACE_MS = 10_000;

/**
 * One plain NATS subscription per public event subject for the whole gateway, fanned out to the
 * open SSE streams. A core subscription sees every event as it is published to JetStream; a
 * stream is a live feed, so no durable consumer (and no replay) is wanted here. A stream that
 * falls behind by more than `sseClientBufferBytes` is dropped (see SseClient), never buffered
 * without bound.
 */
@Injectable()
export class EventHub implements OnModuleInit, OnModuleDestroy {
  private readonly clients = new Set<SseClient>();
  private readonly subscriptions: Subscription[] = [];

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    for (const [type, subject] of Object.entries(PUBLIC_EVENT_SUBJECTS) as [
      PublicEventType,
      string,
    ][]) {
      this.subscriptions.push(
        this.nc.subscribe(subject, {
          callback: (error, msg) => (error ? undefined : this.fanOut(type, msg.data)),
        }),
      );
    }
    // The server has the interest registered once flush returns: no event is missed after start.
    await this.nc.flush();
  }

  /** Before the HTTP server closes: open streams would otherwise hold it open. */
  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  /** A new stream on `res`; it receives every later event its filter wants. */
  open(filter: EventStreamFilter, res: SseResponse, peer?: string): SseClient {
    const options = {
      maxQueuedBytes: this.config.sseClientBufferBytes,
      dropGraceMs: DROP_GRACE_MS,
    };
    const client = new SseClient(filter, res, options, (drop) => {
      this.clients.delete(client);
      this.logger.warn(
        {
          ...drop,
          peer,
          filter: { lineId: filter.lineId, sessionId: filter.sessionId, types: [...filter.types] },
        },
        'SSE client dropped: it stopped reading; told to reconnect',
      );
    });
    this.clients.add(client);
    return client;
  }

  /** The stream's response closed. */
  close(client: SseClient): void {
    client.release();
    this.clients.delete(client);
  }

  get streams(): number {
    return this.clients.size;
  }

  /** How far behind each open stream is: the bytes the gateway holds for it. */
  queueStats(): SseQueueStats[] {
    return [...this.clients].map((client) => client.stats());
  }

  private fanOut(type: PublicEventType, data: Uint8Array): void {
    if (this.clients.size === 0) return;
    let payload: { eventId?: unknown; lineId?: unknown; sessionId?: unknown };
    try {
      payload = decodeJson(data) as typeof payload;
    } catch (error) {
      this.logger.warn({ err: error, type }, 'dropped an undecodable event');
      return;
    }
    if (typeof payload !== 'object' || payload === null) return;
    const frame = sseFrame(type, String(payload.eventId ?? ''), payload);
    for (const client of this.clients) {
      if (streamWants(client.filter, type, payload)) client.write(frame);
    }
  }
}
