import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { decodeJson, NATS_CONNECTION, NatsConnection } from '@openlines/messaging';
import { LOGGER, Logger } from '@openlines/observability';
import {
  EventStreamFilter,
  PUBLIC_EVENT_SUBJECTS,
  PublicEventType,
  sseFrame,
  streamWants,
} from './public-events';

type Subscription = ReturnType<NatsConnection['subscribe']>;

export interface StreamSink {
  filter: EventStreamFilter;
  write(frame: string): void;
  /** Ends the HTTP response (on shutdown, so the server can close). */
  end(): void;
}

/**
 * One plain NATS subscription per public event subject for the whole gateway, fanned out to the
 * open SSE streams. A core subscription sees every event as it is published to JetStream; a
 * stream is a live feed, so no durable consumer (and no replay) is wanted here.
 */
@Injectable()
export class EventHub implements OnModuleInit, OnModuleDestroy {
  private readonly sinks = new Set<StreamSink>();
  private readonly subscriptions: Subscription[] = [];

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(LOGGER) private readonly logger: Logger,
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
    for (const sink of this.sinks) sink.end();
    this.sinks.clear();
  }

  add(sink: StreamSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  get streams(): number {
    return this.sinks.size;
  }

  private fanOut(type: PublicEventType, data: Uint8Array): void {
    if (this.sinks.size === 0) return;
    let payload: { eventId?: unknown; lineId?: unknown; sessionId?: unknown };
    try {
      payload = decodeJson(data) as typeof payload;
    } catch (error) {
      this.logger.warn({ err: error, type }, 'dropped an undecodable event');
      return;
    }
    if (typeof payload !== 'object' || payload === null) return;
    const frame = sseFrame(type, String(payload.eventId ?? ''), payload);
    for (const sink of this.sinks) {
      if (streamWants(sink.filter, type, payload)) sink.write(frame);
    }
  }
}
